import { DataTable, EmailField, FilterButton, List, TopToolbar } from 'react-admin';
import { StatusChip } from '../../common/StatusChip';
import { InviteButton } from '../invitations/InvitationList';
import { userFilters } from './UserFilters';
import { DateTimeField } from '../../common/DateFields';

/** People arrive by invitation: the list offers "Invite a person", never "Create". */
function UserListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <InviteButton />
    </TopToolbar>
  );
}

export function UserList() {
  return (
    <List filters={userFilters} sort={{ field: 'name', order: 'ASC' }} actions={<UserListActions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="email" field={EmailField} />
        <DataTable.Col source="status">
          <StatusChip source="status" />
        </DataTable.Col>
        <DataTable.Col source="lastLoginAt" label="Last sign-in">
          <DateTimeField source="lastLoginAt" emptyText="never" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Created" field={DateTimeField} />
      </DataTable>
    </List>
  );
}
