import type { ResourceProps } from 'react-admin';
import Insights from '@mui/icons-material/Insights';
import { PeriodEntryGrid } from '../../performance/entry/PeriodEntryGrid';
import { MetricValueEdit } from './MetricValueEdit';
import { MetricValueList } from './MetricValueList';
import { MetricValueShow } from './MetricValueShow';

/** "Create" is the period entry grid: values are entered a period at a time, not one by one. */
export const metricValues: ResourceProps = {
  name: 'metric-values',
  list: MetricValueList,
  show: MetricValueShow,
  edit: MetricValueEdit,
  create: PeriodEntryGrid,
  icon: Insights,
};
