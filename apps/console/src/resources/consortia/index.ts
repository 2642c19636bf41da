import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Hub from '@mui/icons-material/Hub';

export const consortia: ResourceProps = {
  name: 'consortia',
  list: lazyView(() => import('./ConsortiumList').then((m) => m.ConsortiumList)),
  show: lazyView(() => import('./ConsortiumShow').then((m) => m.ConsortiumShow)),
  edit: lazyView(() => import('./ConsortiumEdit').then((m) => m.ConsortiumEdit)),
  create: lazyView(() => import('./ConsortiumCreate').then((m) => m.ConsortiumCreate)),
  icon: Hub,
  recordRepresentation: 'name',
};
