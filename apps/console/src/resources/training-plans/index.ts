import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import School from '@mui/icons-material/School';

/** A firm's annual training plan, co-governed with its union: decisions are taken on the show page. */
export const trainingPlans: ResourceProps = {
  name: 'training-plans',
  list: lazyView(() => import('./TrainingPlanList').then((m) => m.TrainingPlanList)),
  show: lazyView(() => import('./TrainingPlanShow').then((m) => m.TrainingPlanShow)),
  edit: lazyView(() => import('./TrainingPlanEdit').then((m) => m.TrainingPlanEdit)),
  create: lazyView(() => import('./TrainingPlanCreate').then((m) => m.TrainingPlanCreate)),
  icon: School,
  recordRepresentation: (r: { organisationName?: string; year?: number }) => `${r.organisationName ?? ''} ${r.year ?? ''}`.trim(),
};
