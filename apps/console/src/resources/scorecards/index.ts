import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Scoreboard from '@mui/icons-material/Scoreboard';

/** Computed by the worker from validated values: read-only here. */
export const scorecards: ResourceProps = {
  name: 'scorecards',
  list: lazyView(() => import('./ScorecardList').then((m) => m.ScorecardList)),
  show: lazyView(() => import('./ScorecardShow').then((m) => m.ScorecardShow)),
  icon: Scoreboard,
};
