import type { ResourceProps } from 'react-admin';
import CompareArrows from '@mui/icons-material/CompareArrows';
import { lazyView } from '../../common/lazyView';

/** Not a list of records: one page, both sides of every relationship and the keep rates. */
export const reciprocity: ResourceProps = {
  name: 'reciprocity',
  list: lazyView(() => import('./ReciprocityPage').then((m) => m.ReciprocityPage)),
  icon: CompareArrows,
};
