import type { ResourceProps } from 'react-admin';
import ForwardToInbox from '@mui/icons-material/ForwardToInbox';
import { InvitationCreate } from './InvitationCreate';
import { InvitationList } from './InvitationList';
import { InvitationShow } from './InvitationShow';

/** Offers of a role to an e-mail address; revoked while pending, never edited. */
export const invitations: ResourceProps = {
  name: 'invitations',
  list: InvitationList,
  show: InvitationShow,
  create: InvitationCreate,
  icon: ForwardToInbox,
  recordRepresentation: 'email',
};
