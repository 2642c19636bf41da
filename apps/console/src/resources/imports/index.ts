import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import UploadFile from '@mui/icons-material/UploadFile';

/** The import wizard: create uploads the file, show follows it through checking, review and commit. */
export const imports: ResourceProps = {
  name: 'imports',
  list: lazyView(() => import('./ImportList').then((m) => m.ImportList)),
  show: lazyView(() => import('./ImportShow').then((m) => m.ImportShow)),
  create: lazyView(() => import('./ImportCreate').then((m) => m.ImportCreate)),
  icon: UploadFile,
};
