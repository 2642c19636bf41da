import Typography from '@mui/material/Typography';
import { BooleanField, Button, DataTable, EditButton, LinkBase, NumberField, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import type { Curriculum } from '@tandem/contracts';
import { DayField } from '../../common/DateFields';
import { curriculumLevelChoices } from './choices';

function Title() {
  const c = useRecordContext<Curriculum>();
  return <span>{c ? `${c.title}${c.version > 1 ? ` (v${c.version})` : ''}` : 'Curriculum'}</span>;
}

function NewVersionButton() {
  const c = useRecordContext<Curriculum>();
  const { canAccess } = useCanAccess({ resource: 'curricula', action: 'create' });
  if (!c || !canAccess) return null;
  return <Button component={LinkBase} to={`/curricula/create?previousVersionId=${c.id}`} label="New version" />;
}

export function CurriculumShow() {
  return (
    <Show
      title={<Title />}
      actions={
        <TopToolbar>
          <NewVersionButton />
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="description" emptyText="—" />
        <TextField source="skillArea" label="Skill area" />
        <NumberField source="hours" />
        <SelectField source="level" choices={curriculumLevelChoices} />
        <TextField source="ownerName" label="Owner" />
        <BooleanField source="shared" label="Shared with the consortium" />
        <TextField source="socCodes" label="Occupations (SOC)" />
        <NumberField source="version" />
        <ReferenceField source="previousVersionId" reference="curricula" label="Replaces" emptyText="—" />
        <NumberField source="reuseCount" label="Sessions by other organisations" />
        <Typography variant="h6" sx={{ mt: 1 }}>
          Sessions
        </Typography>
        <ReferenceManyField reference="course-sessions" target="curriculumId" label={false} sort={{ field: 'startsOn', order: 'DESC' }} perPage={10}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="startsOn" label="Starts" field={DayField} />
            <DataTable.Col source="providerName" label="Provider" disableSort />
            <DataTable.Col source="location" />
            <DataTable.Col source="seatsTaken" label="Seats taken" disableSort render={(s: { seatsTaken: number; capacity: number }) => `${s.seatsTaken} / ${s.capacity}`} />
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
