import type { ResourceProps } from 'react-admin';
import Gavel from '@mui/icons-material/Gavel';
import { lazyView } from '../../common/lazyView';

export const charters: ResourceProps = {
  name: 'charters',
  list: lazyView(() => import('./CharterList').then((m) => m.CharterList)),
  show: lazyView(() => import('./CharterShow').then((m) => m.CharterShow)),
  create: lazyView(() => import('./CharterCreate').then((m) => m.CharterCreate)),
  icon: Gavel,
  recordRepresentation: (r: { version?: number; title?: string }) => `Version ${r.version ?? ''}: ${r.title ?? ''}`,
};
