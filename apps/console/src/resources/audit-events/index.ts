import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import type { AuditEvent } from '@tandem/contracts';
import History from '@mui/icons-material/History';

/** The audit trail is read-only by design. */
export const auditEvents: ResourceProps = {
  name: 'audit-events',
  list: lazyView(() => import('./AuditEventList').then((m) => m.AuditEventList)),
  show: lazyView(() => import('./AuditEventShow').then((m) => m.AuditEventShow)),
  icon: History,
  recordRepresentation: (event: AuditEvent) => `${event.action} ${event.entityType}`,
};
