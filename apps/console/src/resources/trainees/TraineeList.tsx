import { BooleanField, DataTable, List, SearchInput } from 'react-admin';
import type { Trainee } from '@tandem/contracts';
import { DayField } from '../../common/DateFields';
import { ResponsiveList } from '../../common/ResponsiveList';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Name" />];

/** A firm's workers in training (staff: every member's). Personal data: nobody else reads it. */
export function TraineeList() {
  return (
    <List filters={filters} sort={{ field: 'lastName', order: 'ASC' }}>
      <ResponsiveList<Trainee> rowClick="show" primaryText={(t) => `${t.firstName} ${t.lastName}`} secondaryText={(t) => [t.employerName, t.socCode].filter(Boolean).join(' · ')}>
        <DataTable rowClick="show" bulkActionButtons={false} data-testid="trainee-records">
          <DataTable.Col source="lastName" label="Last name" />
          <DataTable.Col source="firstName" label="First name" />
          <DataTable.Col source="employerName" label="Employer" disableSort />
          <DataTable.Col source="socCode" label="Occupation (SOC)" />
          <DataTable.Col source="frontline" disableSort>
            <BooleanField source="frontline" />
          </DataTable.Col>
          <DataTable.Col source="hireDate" label="Hired" field={DayField} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
