import type { ResourceProps } from 'react-admin';
import SyncAlt from '@mui/icons-material/SyncAlt';
import { lazyView } from '../../common/lazyView';

/** One page of counts (GET /api/talent-circulation?year=), not a list of records. */
export const talentCirculation: ResourceProps = {
  name: 'talent-circulation',
  list: lazyView(() => import('./TalentCirculationPage').then((m) => m.TalentCirculationPage)),
  icon: SyncAlt,
};
