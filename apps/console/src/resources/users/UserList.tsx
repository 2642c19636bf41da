import { DataTable, EmailField, FilterButton, List, TopToolbar } from 'react-admin';
import type { User } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
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
      <ResponsiveList<User>
        rowClick="show"
        primaryText={(u) => u.name}
        secondaryText={(u) => `${u.email} · ${u.lastLoginAt ? `last sign-in ${formatDateTime(u.lastLoginAt)}` : 'never signed in'}`}
        tertiaryText={(u) => humanize(u.status)}
      >
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
      </ResponsiveList>
    </List>
  );
}
