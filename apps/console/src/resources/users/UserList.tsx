import { DataTable, DateField, EmailField, List } from 'react-admin';
import { StatusChip } from '../../common/StatusChip';
import { userFilters } from './UserFilters';

export function UserList() {
  return (
    <List filters={userFilters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="email" field={EmailField} />
        <DataTable.Col source="status">
          <StatusChip source="status" />
        </DataTable.Col>
        <DataTable.Col source="lastLoginAt" label="Last sign-in">
          <DateField source="lastLoginAt" showTime emptyText="never" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Created" field={DateField} />
      </DataTable>
    </List>
  );
}
