import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Handshake from '@mui/icons-material/Handshake';

export const memberships: ResourceProps = {
  name: 'memberships',
  list: lazyView(() => import('./MembershipList').then((m) => m.MembershipList)),
  show: lazyView(() => import('./MembershipShow').then((m) => m.MembershipShow)),
  edit: lazyView(() => import('./MembershipEdit').then((m) => m.MembershipEdit)),
  create: lazyView(() => import('./MembershipCreate').then((m) => m.MembershipCreate)),
  icon: Handshake,
};
