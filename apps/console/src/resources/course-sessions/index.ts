import type { ResourceProps } from 'react-admin';
import EventNote from '@mui/icons-material/EventNote';
import { lazyView } from '../../common/lazyView';

export const courseSessions: ResourceProps = {
  name: 'course-sessions',
  list: lazyView(() => import('./CourseSessionList').then((m) => m.CourseSessionList)),
  show: lazyView(() => import('./CourseSessionShow').then((m) => m.CourseSessionShow)),
  edit: lazyView(() => import('./CourseSessionEdit').then((m) => m.CourseSessionEdit)),
  create: lazyView(() => import('./CourseSessionCreate').then((m) => m.CourseSessionCreate)),
  icon: EventNote,
  recordRepresentation: (r: { curriculumTitle?: string; startsOn?: string }) => `${r.curriculumTitle ?? ''} · ${r.startsOn ?? ''}`,
};
