import type { SourcingMode } from './enums';

/** Supply relationships (a customer buying from a supplier) and the history of their sourcing mode. */
export interface SourcingModeChange {
  id: string;
  relationshipId: string;
  /** null for the mode the relationship started with */
  fromMode: SourcingMode | null;
  toMode: SourcingMode;
  effectiveOn: string;
  reason: string | null;
  actorUserId: string | null;
  createdAt: string;
}

export interface SupplyRelationship {
  id: string;
  consortiumId: string;
  customerId: string;
  customerName: string;
  supplierId: string;
  supplierName: string;
  since: string;
  commodity: string;
  spendBand: string;
  sourcingMode: SourcingMode;
  sponsored: boolean;
  createdAt: string;
  updatedAt: string;
  /** oldest first; only on GET /supply-relationships/{id} */
  modeChanges?: SourcingModeChange[];
}
