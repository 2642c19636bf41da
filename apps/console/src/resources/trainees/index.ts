import type { ResourceProps } from 'react-admin';
import Badge from '@mui/icons-material/Badge';
import { lazyView } from '../../common/lazyView';

export const trainees: ResourceProps = {
  name: 'trainees',
  list: lazyView(() => import('./TraineeList').then((m) => m.TraineeList)),
  show: lazyView(() => import('./TraineeShow').then((m) => m.TraineeShow)),
  edit: lazyView(() => import('./TraineeEdit').then((m) => m.TraineeEdit)),
  create: lazyView(() => import('./TraineeCreate').then((m) => m.TraineeCreate)),
  icon: Badge,
  recordRepresentation: (r: { firstName?: string; lastName?: string }) => `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim(),
};
