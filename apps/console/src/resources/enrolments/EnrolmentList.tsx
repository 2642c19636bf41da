import { DataTable, List, SearchInput, SelectField, SelectInput } from 'react-admin';
import type { Enrolment } from '@tandem/contracts';
import { DayField } from '../../common/DateFields';
import { yesNoFilter } from '../../common/enumChoices';
import { ResponsiveList } from '../../common/ResponsiveList';
import { enrolmentStatusChoices } from '../curricula/choices';

const pendingChoices = [
  { id: 'true', name: 'Wage step to confirm' },
  { id: 'false', name: 'Nothing to confirm' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Trainee or credential" />,
  <SelectInput key="status" source="status" choices={enrolmentStatusChoices} alwaysOn />,
  <SelectInput key="wageStepPending" source="wageStepPending" label="Wage step" choices={pendingChoices} {...yesNoFilter} />,
];

export function EnrolmentList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <ResponsiveList<Enrolment> rowClick="show" primaryText={(e) => e.traineeName} secondaryText={(e) => [e.curriculumTitle, e.status, e.credential].filter(Boolean).join(' · ')}>
        <DataTable rowClick="show" bulkActionButtons={false} data-testid="enrolments">
          <DataTable.Col source="traineeName" label="Trainee" disableSort />
          <DataTable.Col source="curriculumTitle" label="Curriculum" disableSort />
          <DataTable.Col source="sessionStartsOn" label="Session" disableSort field={DayField} />
          <DataTable.Col source="status">
            <SelectField source="status" choices={enrolmentStatusChoices} />
          </DataTable.Col>
          <DataTable.Col source="hoursAttended" label="Hours" align="right" />
          <DataTable.Col source="credential" />
          <DataTable.Col source="wageStep" label="Wage step" disableSort render={(e: Enrolment) => (e.wageStep ? `${e.wageStep.title}${e.wageStepConfirmedAt ? '' : ' (to confirm)'}` : '')} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
