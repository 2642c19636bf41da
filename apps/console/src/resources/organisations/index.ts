import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Factory from '@mui/icons-material/Factory';

export const organisations: ResourceProps = {
  name: 'organisations',
  list: lazyView(() => import('./OrganisationList').then((m) => m.OrganisationList)),
  show: lazyView(() => import('./OrganisationShow').then((m) => m.OrganisationShow)),
  edit: lazyView(() => import('./OrganisationEdit').then((m) => m.OrganisationEdit)),
  create: lazyView(() => import('./OrganisationCreate').then((m) => m.OrganisationCreate)),
  icon: Factory,
  recordRepresentation: 'name',
};
