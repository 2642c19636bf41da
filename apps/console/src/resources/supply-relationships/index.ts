import type { ResourceProps } from 'react-admin';
import { lazyView } from '../../common/lazyView';
import SwapHoriz from '@mui/icons-material/SwapHoriz';

export const supplyRelationships: ResourceProps = {
  name: 'supply-relationships',
  list: lazyView(() => import('./SupplyRelationshipList').then((m) => m.SupplyRelationshipList)),
  show: lazyView(() => import('./SupplyRelationshipShow').then((m) => m.SupplyRelationshipShow)),
  edit: lazyView(() => import('./SupplyRelationshipEdit').then((m) => m.SupplyRelationshipEdit)),
  create: lazyView(() => import('./SupplyRelationshipCreate').then((m) => m.SupplyRelationshipCreate)),
  icon: SwapHoriz,
  recordRepresentation: (r: { supplierName?: string; customerName?: string }) => `${r.supplierName ?? ''} → ${r.customerName ?? ''}`,
};
