import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import AssignmentLate from '@mui/icons-material/AssignmentLate';

/** Plans are opened by the scorecard job; people change their status and tasks on the show page. */
export const correctiveActionPlans: ResourceProps = {
  name: 'corrective-action-plans',
  list: lazyView(() => import('./CorrectiveActionPlanList').then((m) => m.CorrectiveActionPlanList)),
  show: lazyView(() => import('./CorrectiveActionPlanShow').then((m) => m.CorrectiveActionPlanShow)),
  icon: AssignmentLate,
};
