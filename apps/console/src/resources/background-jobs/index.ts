import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Pending from '@mui/icons-material/PendingActions';

/** The consortium's recomputes, reminder runs and report batches, with their progress. */
export const backgroundJobs: ResourceProps = {
  name: 'background-jobs',
  list: lazyView(() => import('./BackgroundJobList').then((m) => m.BackgroundJobList)),
  show: lazyView(() => import('./BackgroundJobShow').then((m) => m.BackgroundJobShow)),
  icon: Pending,
  recordRepresentation: 'name',
};
