import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Straighten from '@mui/icons-material/Straighten';

export const metricDefinitions: ResourceProps = {
  name: 'metric-definitions',
  list: lazyView(() => import('./MetricDefinitionList').then((m) => m.MetricDefinitionList)),
  show: lazyView(() => import('./MetricDefinitionShow').then((m) => m.MetricDefinitionShow)),
  edit: lazyView(() => import('./MetricDefinitionEdit').then((m) => m.MetricDefinitionEdit)),
  create: lazyView(() => import('./MetricDefinitionCreate').then((m) => m.MetricDefinitionCreate)),
  icon: Straighten,
  recordRepresentation: 'code',
};
