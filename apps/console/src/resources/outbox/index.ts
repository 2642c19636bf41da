import type { ResourceProps } from 'react-admin';
import Outbox from '@mui/icons-material/Outbox';
import { OutboxList } from './OutboxList';
import { OutboxShow } from './OutboxShow';

/** E-mail as queued and delivered (or recorded, when no SMTP server is configured). */
export const outbox: ResourceProps = {
  name: 'outbox',
  list: OutboxList,
  show: OutboxShow,
  icon: Outbox,
  recordRepresentation: 'subject',
};
