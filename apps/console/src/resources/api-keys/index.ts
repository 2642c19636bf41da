import type { ResourceProps } from 'react-admin';
import VpnKey from '@mui/icons-material/VpnKey';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';
import { ApiKeyShow } from './ApiKeyShow';

export const apiKeys: ResourceProps = {
  name: 'api-keys',
  list: ApiKeyList,
  show: ApiKeyShow,
  create: ApiKeyCreate,
  icon: VpnKey,
  recordRepresentation: 'name',
};
