import type { ResourceProps } from 'react-admin';
import Factory from '@mui/icons-material/Factory';
import { OrganisationCreate } from './OrganisationCreate';
import { OrganisationEdit } from './OrganisationEdit';
import { OrganisationList } from './OrganisationList';
import { OrganisationShow } from './OrganisationShow';

export const organisations: ResourceProps = {
  name: 'organisations',
  list: OrganisationList,
  show: OrganisationShow,
  edit: OrganisationEdit,
  create: OrganisationCreate,
  icon: Factory,
  recordRepresentation: 'name',
};
