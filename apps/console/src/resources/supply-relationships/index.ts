import type { ResourceProps } from 'react-admin';
import SwapHoriz from '@mui/icons-material/SwapHoriz';
import { SupplyRelationshipCreate } from './SupplyRelationshipCreate';
import { SupplyRelationshipEdit } from './SupplyRelationshipEdit';
import { SupplyRelationshipList } from './SupplyRelationshipList';
import { SupplyRelationshipShow } from './SupplyRelationshipShow';

export const supplyRelationships: ResourceProps = {
  name: 'supply-relationships',
  list: SupplyRelationshipList,
  show: SupplyRelationshipShow,
  edit: SupplyRelationshipEdit,
  create: SupplyRelationshipCreate,
  icon: SwapHoriz,
  recordRepresentation: (r: { supplierName?: string; customerName?: string }) => `${r.supplierName ?? ''} → ${r.customerName ?? ''}`,
};
