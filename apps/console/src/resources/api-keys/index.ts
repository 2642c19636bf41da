import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import VpnKey from '@mui/icons-material/VpnKey';

export const apiKeys: ResourceProps = {
  name: 'api-keys',
  list: lazyView(() => import('./ApiKeyList').then((m) => m.ApiKeyList)),
  show: lazyView(() => import('./ApiKeyShow').then((m) => m.ApiKeyShow)),
  create: lazyView(() => import('./ApiKeyCreate').then((m) => m.ApiKeyCreate)),
  icon: VpnKey,
  recordRepresentation: 'name',
};
