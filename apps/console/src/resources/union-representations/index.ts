import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import Handshake from '@mui/icons-material/Handshake';

/** Which union represents which member firm: staff record and end them (the API has no edit). */
export const unionRepresentations: ResourceProps = {
  name: 'union-representations',
  list: lazyView(() => import('./UnionRepresentationList').then((m) => m.UnionRepresentationList)),
  show: lazyView(() => import('./UnionRepresentationShow').then((m) => m.UnionRepresentationShow)),
  create: lazyView(() => import('./UnionRepresentationCreate').then((m) => m.UnionRepresentationCreate)),
  icon: Handshake,
  recordRepresentation: (r: { unionName?: string; firmName?: string }) => `${r.unionName ?? ''} → ${r.firmName ?? ''}`,
};
