import type { ResourceProps } from 'react-admin';
import Pending from '@mui/icons-material/PendingActions';
import { BackgroundJobList } from './BackgroundJobList';
import { BackgroundJobShow } from './BackgroundJobShow';

/** The consortium's recomputes, reminder runs and report batches, with their progress. */
export const backgroundJobs: ResourceProps = {
  name: 'background-jobs',
  list: BackgroundJobList,
  show: BackgroundJobShow,
  icon: Pending,
  recordRepresentation: 'name',
};
