import type { ResourceProps } from 'react-admin';
import Flag from '@mui/icons-material/Flag';
import { MetricGoalCreate } from './MetricGoalCreate';
import { MetricGoalEdit } from './MetricGoalEdit';
import { MetricGoalList } from './MetricGoalList';
import { MetricGoalShow } from './MetricGoalShow';

export const metricGoals: ResourceProps = {
  name: 'metric-goals',
  list: MetricGoalList,
  show: MetricGoalShow,
  edit: MetricGoalEdit,
  create: MetricGoalCreate,
  icon: Flag,
};
