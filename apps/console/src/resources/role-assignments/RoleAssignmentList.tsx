import { DataTable, DateField, List, ReferenceField, SelectField } from 'react-admin';
import { roleChoices } from '../../common/choices';
import { StatusChip } from '../../common/StatusChip';
import { RoleAssignmentActions } from './RoleAssignmentActions';
import { roleAssignmentFilters } from './RoleAssignmentFilters';

export function RoleAssignmentList() {
  return (
    <List filters={roleAssignmentFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="userId" disableSort label="User">
          <ReferenceField source="userId" reference="users" />
        </DataTable.Col>
        <DataTable.Col source="role">
          <SelectField source="role" choices={roleChoices} />
        </DataTable.Col>
        <DataTable.Col source="consortiumId" disableSort label="Consortium">
          <ReferenceField source="consortiumId" reference="consortia" link={false} emptyText="all" />
        </DataTable.Col>
        <DataTable.Col source="organisationId" disableSort label="Organisation">
          <ReferenceField source="organisationId" reference="organisations" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StatusChip source="status" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Granted" field={DateField} />
        <DataTable.Col source="suspendedAt" disableSort label="Suspended">
          <DateField source="suspendedAt" showTime emptyText="—" />
        </DataTable.Col>
        <DataTable.Col label="" disableSort>
          <RoleAssignmentActions />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
