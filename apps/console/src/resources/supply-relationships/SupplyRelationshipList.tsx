import { BooleanField, DataTable, List, SelectField } from 'react-admin';
import { sourcingModeChoices } from '../../performance/choices';
import { supplyRelationshipFilters } from './SupplyRelationshipFilters';
import { DayField } from '../../common/DateFields';

export function SupplyRelationshipList() {
  return (
    <List filters={supplyRelationshipFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
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
    </List>
  );
}
