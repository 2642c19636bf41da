import type { ResourceProps } from 'react-admin';
import Insights from '@mui/icons-material/Insights';
import { lazyView } from '../../common/lazyView';

/** Workforce demand surveys: the list, a survey's page and a staff draft; answering and the gap are pages of their own (/demand-surveys/:id/answer, /demand-surveys/:id/gap). */
export const demandSurveys: ResourceProps = {
  name: 'demand-surveys',
  list: lazyView(() => import('./DemandSurveyList').then((m) => m.DemandSurveyList)),
  create: lazyView(() => import('./DemandSurveyCreate').then((m) => m.DemandSurveyCreate)),
  show: lazyView(() => import('./DemandSurveyShow').then((m) => m.DemandSurveyShow)),
  icon: Insights,
};
