import type { ResourceProps } from 'react-admin';
import UploadFile from '@mui/icons-material/UploadFile';
import { ImportCreate } from './ImportCreate';
import { ImportList } from './ImportList';
import { ImportShow } from './ImportShow';

/** The import wizard: create uploads the file, show follows it through checking, review and commit. */
export const imports: ResourceProps = {
  name: 'imports',
  list: ImportList,
  show: ImportShow,
  create: ImportCreate,
  icon: UploadFile,
};
