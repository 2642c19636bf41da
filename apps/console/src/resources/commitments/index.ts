import type { ResourceProps } from 'react-admin';
import Handshake from '@mui/icons-material/Handshake';
import { lazyView } from '../../common/lazyView';

export const commitments: ResourceProps = {
  name: 'commitments',
  list: lazyView(() => import('./CommitmentList').then((m) => m.CommitmentList)),
  show: lazyView(() => import('./CommitmentShow').then((m) => m.CommitmentShow)),
  icon: Handshake,
  recordRepresentation: (r: { organisationName?: string; kind?: string; year?: number }) => `${r.organisationName ?? ''} · ${(r.kind ?? '').replace(/_/g, ' ')} ${r.year ?? ''}`,
};
