import type { ResourceProps } from 'react-admin';
import Scoreboard from '@mui/icons-material/Scoreboard';
import { ScorecardList } from './ScorecardList';
import { ScorecardShow } from './ScorecardShow';

/** Computed by the worker from validated values: read-only here. */
export const scorecards: ResourceProps = {
  name: 'scorecards',
  list: ScorecardList,
  show: ScorecardShow,
  icon: Scoreboard,
};
