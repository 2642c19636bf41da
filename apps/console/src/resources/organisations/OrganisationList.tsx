import { BooleanField, DataTable, List, SelectField } from 'react-admin';
import { organisationKindChoices } from '../../common/choices';
import { organisationFilters } from './OrganisationFilters';

export function OrganisationList() {
  return (
    <List filters={organisationFilters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={organisationKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="naicsCode" label="NAICS" />
        <DataTable.Col source="county" />
        <DataTable.NumberCol source="employeeCount" label="Employees" />
        <DataTable.Col source="unionised" disableSort field={BooleanField} />
      </DataTable>
    </List>
  );
}
