import { BooleanField, DataTable, List, SelectField } from 'react-admin';
import type { SupplyRelationship } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import { formatDay } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { sourcingModeChoices } from '../../common/enumChoices';
import { supplyRelationshipFilters } from './SupplyRelationshipFilters';
import { DayField } from '../../common/DateFields';

/** "Castings · single source · spend band B · since Jan 2, 2024 · sponsored" */
function relationshipFacts(r: SupplyRelationship): string {
  return [r.commodity, humanize(r.sourcingMode).toLowerCase(), `spend ${r.spendBand}`, `since ${formatDay(r.since)}`, r.sponsored ? 'sponsored' : null].filter(Boolean).join(' · ');
}

export function SupplyRelationshipList() {
  return (
    <List filters={supplyRelationshipFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <ResponsiveList<SupplyRelationship> rowClick="show" primaryText={(r) => `${r.supplierName} → ${r.customerName}`} secondaryText={relationshipFacts}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="customerName" label="Customer" disableSort />
          <DataTable.Col source="supplierName" label="Supplier" disableSort />
          <DataTable.Col source="commodity" />
          <DataTable.Col source="spendBand" label="Spend band" />
          <DataTable.Col source="sourcingMode" label="Sourcing mode">
            <SelectField source="sourcingMode" choices={sourcingModeChoices} />
          </DataTable.Col>
          <DataTable.Col source="sponsored">
            <BooleanField source="sponsored" />
          </DataTable.Col>
          <DataTable.Col source="since" field={DayField} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
