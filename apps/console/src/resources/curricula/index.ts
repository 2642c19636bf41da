import type { ResourceProps } from 'react-admin';
import MenuBook from '@mui/icons-material/MenuBook';
import { lazyView } from '../../common/lazyView';

export const curricula: ResourceProps = {
  name: 'curricula',
  list: lazyView(() => import('./CurriculumList').then((m) => m.CurriculumList)),
  show: lazyView(() => import('./CurriculumShow').then((m) => m.CurriculumShow)),
  edit: lazyView(() => import('./CurriculumEdit').then((m) => m.CurriculumEdit)),
  create: lazyView(() => import('./CurriculumCreate').then((m) => m.CurriculumCreate)),
  icon: MenuBook,
  recordRepresentation: (r: { title?: string; version?: number }) => `${r.title ?? ''}${r.version && r.version > 1 ? ` (v${r.version})` : ''}`,
};
