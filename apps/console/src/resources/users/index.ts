import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import People from '@mui/icons-material/People';

export const users: ResourceProps = {
  name: 'users',
  list: lazyView(() => import('./UserList').then((m) => m.UserList)),
  show: lazyView(() => import('./UserShow').then((m) => m.UserShow)),
  edit: lazyView(() => import('./UserEdit').then((m) => m.UserEdit)),
  icon: People,
  recordRepresentation: 'name',
};
