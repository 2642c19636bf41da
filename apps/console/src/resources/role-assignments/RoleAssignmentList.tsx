import { DataTable, List, ReferenceField, SelectField, usePermissions } from 'react-admin';
import { roleChoices } from '../../common/choices';
import type { TandemPermissions } from '../../providers/authProvider';
import { StatusChip } from '../../common/StatusChip';
import { RoleAssignmentActions } from './RoleAssignmentActions';
import { roleAssignmentFilters } from './RoleAssignmentFilters';
import { DateTimeField } from '../../common/DateFields';

export function RoleAssignmentList() {
  // Staff and firm admins see one consortium, their own: the column would repeat it on every row.
  const { permissions } = usePermissions<TandemPermissions>();
  const platform = permissions?.role === 'platform_admin';
  return (
    <List filters={roleAssignmentFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="userId" disableSort label="User">
          <ReferenceField source="userId" reference="users" />
        </DataTable.Col>
        <DataTable.Col source="role">
          <SelectField source="role" choices={roleChoices} />
        </DataTable.Col>
        {platform && (
          <DataTable.Col source="consortiumId" disableSort label="Consortium">
            <ReferenceField source="consortiumId" reference="consortia" link={false} emptyText="all" />
          </DataTable.Col>
        )}
        <DataTable.Col source="organisationId" disableSort label="Organisation">
          <ReferenceField source="organisationId" reference="organisations" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StatusChip source="status" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Granted" field={DateTimeField} />
        <DataTable.Col source="suspendedAt" disableSort label="Suspended">
          <DateTimeField source="suspendedAt" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col label="" disableSort>
          <RoleAssignmentActions />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
