import { BooleanField, DataTable, List, SelectField } from 'react-admin';
import type { Organisation } from '@tandem/contracts';
import { humanize, organisationKindChoices } from '../../common/choices';
import { ResponsiveList } from '../../common/ResponsiveList';
import { organisationFilters } from './OrganisationFilters';

/** "Supplier · Milwaukee · 240 employees": what a phone shows under an organisation's name. */
function organisationFacts(o: Organisation): string {
  return [humanize(o.kind), o.county, o.employeeCount === null ? null : `${o.employeeCount.toLocaleString('en-US')} employees`].filter(Boolean).join(' · ');
}

export function OrganisationList() {
  return (
    <List filters={organisationFilters} sort={{ field: 'name', order: 'ASC' }}>
      <ResponsiveList<Organisation> rowClick="show" primaryText={(o) => o.name} secondaryText={organisationFacts} tertiaryText={(o) => o.code}>
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
      </ResponsiveList>
    </List>
  );
}
