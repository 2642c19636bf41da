import { DataTable, List, NumberField } from 'react-admin';
import { StateField } from '../../performance/PerfChip';
import { importFilters } from './ImportFilters';
import { DateTimeField } from '../../common/DateFields';

export function ImportList() {
  return (
    <List filters={importFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="filename" label="File" />
        <DataTable.Col source="status">
          <StateField source="status" />
        </DataTable.Col>
        <DataTable.Col source="progress" disableSort>
          <NumberField source="progress" options={{ style: 'unit', unit: 'percent' }} />
        </DataTable.Col>
        <DataTable.NumberCol source="totalRows" label="Rows" />
        <DataTable.NumberCol source="validRows" label="Valid" disableSort />
        <DataTable.NumberCol source="errorRows" label="With errors" />
        <DataTable.NumberCol source="committedRows" label="Committed" disableSort />
        <DataTable.Col source="createdAt" label="Uploaded">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="committedAt" label="Committed at">
          <DateTimeField source="committedAt" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
