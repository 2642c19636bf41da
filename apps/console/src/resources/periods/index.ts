import type { ResourceProps } from 'react-admin';
import DateRange from '@mui/icons-material/DateRange';
import { PeriodCreate } from './PeriodCreate';
import { PeriodEdit } from './PeriodEdit';
import { PeriodList } from './PeriodList';
import { PeriodShow } from './PeriodShow';

export const periods: ResourceProps = {
  name: 'periods',
  list: PeriodList,
  show: PeriodShow,
  edit: PeriodEdit,
  create: PeriodCreate,
  icon: DateRange,
  recordRepresentation: 'code',
};
