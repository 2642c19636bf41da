import type { ResourceProps } from 'react-admin';
import QueryStats from '@mui/icons-material/QueryStats';
import { lazyView } from '../../common/lazyView';

/** One page of figures (GET /api/training-figures?year=), not a list of records. */
export const trainingFigures: ResourceProps = {
  name: 'training-figures',
  list: lazyView(() => import('./TrainingFiguresPage').then((m) => m.TrainingFiguresPage)),
  icon: QueryStats,
};
