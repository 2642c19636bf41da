import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Insights from '@mui/icons-material/Insights';

/** "Create" is the period entry grid: values are entered a period at a time, not one by one. */
export const metricValues: ResourceProps = {
  name: 'metric-values',
  list: lazyView(() => import('./MetricValueList').then((m) => m.MetricValueList)),
  show: lazyView(() => import('./MetricValueShow').then((m) => m.MetricValueShow)),
  edit: lazyView(() => import('./MetricValueEdit').then((m) => m.MetricValueEdit)),
  create: lazyView(() => import('./entry/PeriodEntryGrid').then((m) => m.PeriodEntryGrid)),
  icon: Insights,
};
