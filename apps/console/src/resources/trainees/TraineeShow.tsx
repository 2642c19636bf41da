import Typography from '@mui/material/Typography';
import { ArrayField, BooleanField, DataTable, EditButton, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import type { Trainee } from '@tandem/contracts';
import { DayField } from '../../common/DateFields';
import { enrolmentStatusChoices } from '../curricula/choices';

function Title() {
  const t = useRecordContext<Trainee>();
  return <span>{t ? `${t.firstName} ${t.lastName}` : 'Trainee'}</span>;
}

/** A worker's record: details, employment history (talent circulation), training. */
export function TraineeShow() {
  return (
    <Show
      title={<Title />}
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="employerName" label="Employer" />
        <TextField source="socCode" label="Occupation (SOC)" emptyText="—" />
        <BooleanField source="frontline" />
        <DayField source="hireDate" label="Hired" />
        <Typography variant="h6" sx={{ mt: 1 }}>
          Employment history
        </Typography>
        <ArrayField source="employments" label={false}>
          <DataTable bulkActionButtons={false} rowClick={false} data-testid="employment-history">
            <DataTable.Col source="organisationName" label="Employer" />
            <DataTable.Col source="startsOn" label="From" field={DayField} />
            <DataTable.Col source="endsOn" label="To" render={(e: { endsOn: string | null }) => e.endsOn ?? 'today'} />
          </DataTable>
        </ArrayField>
        <Typography variant="h6" sx={{ mt: 1 }}>
          Training
        </Typography>
        <ReferenceManyField reference="enrolments" target="traineeId" label={false} sort={{ field: 'createdAt', order: 'DESC' }}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="curriculumTitle" label="Curriculum" disableSort />
            <DataTable.Col source="sessionStartsOn" label="Session" disableSort field={DayField} />
            <DataTable.Col source="status">
              <SelectField source="status" choices={enrolmentStatusChoices} />
            </DataTable.Col>
            <DataTable.Col source="hoursAttended" label="Hours" align="right" />
            <DataTable.Col source="credential" />
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
