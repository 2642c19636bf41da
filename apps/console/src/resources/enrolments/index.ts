import type { ResourceProps } from 'react-admin';
import HowToReg from '@mui/icons-material/HowToReg';
import { lazyView } from '../../common/lazyView';

export const enrolments: ResourceProps = {
  name: 'enrolments',
  list: lazyView(() => import('./EnrolmentList').then((m) => m.EnrolmentList)),
  show: lazyView(() => import('./EnrolmentShow').then((m) => m.EnrolmentShow)),
  create: lazyView(() => import('./EnrolmentCreate').then((m) => m.EnrolmentCreate)),
  icon: HowToReg,
  recordRepresentation: (r: { traineeName?: string; curriculumTitle?: string }) => `${r.traineeName ?? ''} · ${r.curriculumTitle ?? ''}`,
};
