import { DataTable, List, ReferenceField, SelectField, usePermissions } from 'react-admin';
import { ROLE_LABELS, type RoleAssignment } from '@tandem/contracts';
import { humanize, roleChoices } from '../../common/choices';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
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
      {/* A role changes in place: on a phone too its row opens nothing and carries its actions (icon buttons there). */}
      <ResponsiveList<RoleAssignment>
        rowClick={false}
        primaryText={<ReferenceField source="userId" reference="users" />}
        secondaryText={(a) => (
          <>
            {ROLE_LABELS[a.role]}
            {a.organisationId ? ' · ' : ''}
            <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="" /> · {humanize(a.status)}
            {a.suspendedAt ? ` ${formatDateTime(a.suspendedAt)}` : ` since ${formatDateTime(a.createdAt)}`}
          </>
        )}
        rightIcon={() => <RoleAssignmentActions />}
      >
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
      </ResponsiveList>
    </List>
  );
}
