import type { ResourceProps } from 'react-admin';
import Handshake from '@mui/icons-material/Handshake';
import { MembershipCreate } from './MembershipCreate';
import { MembershipEdit } from './MembershipEdit';
import { MembershipList } from './MembershipList';
import { MembershipShow } from './MembershipShow';

export const memberships: ResourceProps = {
  name: 'memberships',
  list: MembershipList,
  show: MembershipShow,
  edit: MembershipEdit,
  create: MembershipCreate,
  icon: Handshake,
};
