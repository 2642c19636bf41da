import type { ResourceProps } from 'react-admin';
import Hub from '@mui/icons-material/Hub';
import { ConsortiumCreate } from './ConsortiumCreate';
import { ConsortiumEdit } from './ConsortiumEdit';
import { ConsortiumList } from './ConsortiumList';
import { ConsortiumShow } from './ConsortiumShow';

export const consortia: ResourceProps = {
  name: 'consortia',
  list: ConsortiumList,
  show: ConsortiumShow,
  edit: ConsortiumEdit,
  create: ConsortiumCreate,
  icon: Hub,
  recordRepresentation: 'name',
};
