import type { ResourceProps } from 'react-admin';
import Rule from '@mui/icons-material/Rule';
import { ScorecardTemplateCreate } from './ScorecardTemplateCreate';
import { ScorecardTemplateEdit } from './ScorecardTemplateEdit';
import { ScorecardTemplateList } from './ScorecardTemplateList';
import { ScorecardTemplateShow } from './ScorecardTemplateShow';

export const scorecardTemplates: ResourceProps = {
  name: 'scorecard-templates',
  list: ScorecardTemplateList,
  show: ScorecardTemplateShow,
  edit: ScorecardTemplateEdit,
  create: ScorecardTemplateCreate,
  icon: Rule,
  recordRepresentation: 'name',
};
