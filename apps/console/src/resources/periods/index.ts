import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import DateRange from '@mui/icons-material/DateRange';

export const periods: ResourceProps = {
  name: 'periods',
  list: lazyView(() => import('./PeriodList').then((m) => m.PeriodList)),
  show: lazyView(() => import('./PeriodShow').then((m) => m.PeriodShow)),
  edit: lazyView(() => import('./PeriodEdit').then((m) => m.PeriodEdit)),
  create: lazyView(() => import('./PeriodCreate').then((m) => m.PeriodCreate)),
  icon: DateRange,
  recordRepresentation: 'code',
};
