import { DataTable, List } from 'react-admin';
import { StatusChip } from '../../common/StatusChip';
import { outboxFilters } from './OutboxFilters';
import { SensitiveField } from './SensitiveField';
import { DateTimeField } from '../../common/DateFields';

export function OutboxList() {
  return (
    <List filters={outboxFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" label="Queued">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="to" label="To" />
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="sensitive" disableSort label="Personal link">
          <SensitiveField />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StatusChip source="status" />
        </DataTable.Col>
        <DataTable.NumberCol source="attempts" disableSort />
        <DataTable.Col source="sentAt" label="Sent">
          <DateTimeField source="sentAt" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
