import { DataTable, DateField, List } from 'react-admin';
import { StatusChip } from '../../common/StatusChip';
import { outboxFilters } from './OutboxFilters';
import { SensitiveField } from './SensitiveField';

export function OutboxList() {
  return (
    <List filters={outboxFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" label="Queued">
          <DateField source="createdAt" showTime />
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
          <DateField source="sentAt" showTime emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
