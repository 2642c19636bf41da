import type { ResourceProps } from 'react-admin';
import FactCheck from '@mui/icons-material/FactCheck';
import { lazyView } from '../../common/lazyView';

export const commitmentReviews: ResourceProps = {
  name: 'commitment-reviews',
  list: lazyView(() => import('./CommitmentReviewList').then((m) => m.CommitmentReviewList)),
  show: lazyView(() => import('./CommitmentReviewShow').then((m) => m.CommitmentReviewShow)),
  icon: FactCheck,
  recordRepresentation: (r: { organisationName?: string; year?: number }) => `Review: ${r.organisationName ?? ''} ${r.year ?? ''}`,
};
