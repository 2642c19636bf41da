import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Outbox from '@mui/icons-material/Outbox';

/** E-mail as queued and delivered (or recorded, when no SMTP server is configured). */
export const outbox: ResourceProps = {
  name: 'outbox',
  list: lazyView(() => import('./OutboxList').then((m) => m.OutboxList)),
  show: lazyView(() => import('./OutboxShow').then((m) => m.OutboxShow)),
  icon: Outbox,
  recordRepresentation: 'subject',
};
