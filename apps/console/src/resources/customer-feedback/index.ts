import type { ResourceProps } from 'react-admin';
import RateReview from '@mui/icons-material/RateReview';
import { lazyView } from '../../common/lazyView';

/** Suppliers' voice: a supplier's own answers (the summary is a page of its own, /customer-feedback/summary). */
export const customerFeedback: ResourceProps = {
  name: 'customer-feedback',
  list: lazyView(() => import('./CustomerFeedbackList').then((m) => m.CustomerFeedbackList)),
  create: lazyView(() => import('./CustomerFeedbackCreate').then((m) => m.CustomerFeedbackCreate)),
  edit: lazyView(() => import('./CustomerFeedbackEdit').then((m) => m.CustomerFeedbackEdit)),
  icon: RateReview,
};
