import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import ForwardToInbox from '@mui/icons-material/ForwardToInbox';

/** Offers of a role to an e-mail address; revoked while pending, never edited. */
export const invitations: ResourceProps = {
  name: 'invitations',
  list: lazyView(() => import('./InvitationList').then((m) => m.InvitationList)),
  show: lazyView(() => import('./InvitationShow').then((m) => m.InvitationShow)),
  create: lazyView(() => import('./InvitationCreate').then((m) => m.InvitationCreate)),
  icon: ForwardToInbox,
  recordRepresentation: 'email',
};
