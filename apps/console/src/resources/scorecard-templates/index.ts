import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Rule from '@mui/icons-material/Rule';

export const scorecardTemplates: ResourceProps = {
  name: 'scorecard-templates',
  list: lazyView(() => import('./ScorecardTemplateList').then((m) => m.ScorecardTemplateList)),
  show: lazyView(() => import('./ScorecardTemplateShow').then((m) => m.ScorecardTemplateShow)),
  edit: lazyView(() => import('./ScorecardTemplateEdit').then((m) => m.ScorecardTemplateEdit)),
  create: lazyView(() => import('./ScorecardTemplateCreate').then((m) => m.ScorecardTemplateCreate)),
  icon: Rule,
  recordRepresentation: 'name',
};
