import { DataTable, DateField, DeleteButton, List, ReferenceField, SelectField } from 'react-admin';
import { roleChoices } from '../../common/choices';
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
          <ReferenceField source="consortiumId" reference="consortia" emptyText="all" />
        </DataTable.Col>
        <DataTable.Col source="organisationId" disableSort label="Organisation">
          <ReferenceField source="organisationId" reference="organisations" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Granted" field={DateField} />
        <DataTable.Col label="" disableSort>
          <DeleteButton label="Remove" mutationMode="pessimistic" redirect={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
