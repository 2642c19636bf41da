import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Flag from '@mui/icons-material/Flag';

export const metricGoals: ResourceProps = {
  name: 'metric-goals',
  list: lazyView(() => import('./MetricGoalList').then((m) => m.MetricGoalList)),
  show: lazyView(() => import('./MetricGoalShow').then((m) => m.MetricGoalShow)),
  edit: lazyView(() => import('./MetricGoalEdit').then((m) => m.MetricGoalEdit)),
  create: lazyView(() => import('./MetricGoalCreate').then((m) => m.MetricGoalCreate)),
  icon: Flag,
};
