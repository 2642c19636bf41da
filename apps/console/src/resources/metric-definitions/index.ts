import type { ResourceProps } from 'react-admin';
import Straighten from '@mui/icons-material/Straighten';
import { MetricDefinitionCreate } from './MetricDefinitionCreate';
import { MetricDefinitionEdit } from './MetricDefinitionEdit';
import { MetricDefinitionList } from './MetricDefinitionList';
import { MetricDefinitionShow } from './MetricDefinitionShow';

export const metricDefinitions: ResourceProps = {
  name: 'metric-definitions',
  list: MetricDefinitionList,
  show: MetricDefinitionShow,
  edit: MetricDefinitionEdit,
  create: MetricDefinitionCreate,
  icon: Straighten,
  recordRepresentation: 'code',
};
