import { DataTable, List, NumberField } from 'react-admin';
import type { Import } from '@tandem/contracts';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip, stateLabel } from '../../common/StatusChip';
import { importFilters } from './ImportFilters';
import { DateTimeField } from '../../common/DateFields';

/** "Jan 5, 2026, 9:12 AM · 120 rows, 3 with errors" (the progress while the file is read) */
function importFacts(i: Import): string {
  const rows = i.status === 'parsing' || i.status === 'uploaded' ? `${i.progress} % read` : `${i.totalRows.toLocaleString('en-US')} rows, ${i.errorRows.toLocaleString('en-US')} with errors`;
  return `${formatDateTime(i.createdAt)} · ${rows}`;
}

export function ImportList() {
  return (
    <List filters={importFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <ResponsiveList<Import> rowClick="show" primaryText={(i) => i.filename} secondaryText={importFacts} tertiaryText={(i) => stateLabel(i.status)}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="filename" label="File" />
          <DataTable.Col source="status">
            <StatusChip source="status" />
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
      </ResponsiveList>
    </List>
  );
}
