import type { ResourceProps } from 'react-admin';
import AssignmentLate from '@mui/icons-material/AssignmentLate';
import { CorrectiveActionPlanList } from './CorrectiveActionPlanList';
import { CorrectiveActionPlanShow } from './CorrectiveActionPlanShow';

/** Plans are opened by the scorecard job; people change their status and tasks on the show page. */
export const correctiveActionPlans: ResourceProps = {
  name: 'corrective-action-plans',
  list: CorrectiveActionPlanList,
  show: CorrectiveActionPlanShow,
  icon: AssignmentLate,
};
