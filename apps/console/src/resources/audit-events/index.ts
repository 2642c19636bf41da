import type { ResourceProps } from 'react-admin';
import type { AuditEvent } from '@tandem/contracts';
import History from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

/** The audit trail is read-only by design. */
export const auditEvents: ResourceProps = {
  name: 'audit-events',
  list: AuditEventList,
  show: AuditEventShow,
  icon: History,
  recordRepresentation: (event: AuditEvent) => `${event.action} ${event.entityType}`,
};
