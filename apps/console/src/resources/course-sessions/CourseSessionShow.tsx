import Typography from '@mui/material/Typography';
import { EditButton, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, WithRecord } from 'react-admin';
import type { CourseSession } from '@tandem/contracts';
import { DayField } from '../../common/DateFields';
import { AttendanceSheet } from './AttendanceSheet';

function Title() {
  const s = useRecordContext<CourseSession>();
  return <span>{s ? `${s.curriculumTitle} · ${s.startsOn}` : 'Session'}</span>;
}

export function CourseSessionShow() {
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
        <ReferenceField source="curriculumId" reference="curricula" label="Curriculum" />
        <TextField source="providerName" label="Provider" />
        <DayField source="startsOn" label="Starts" />
        <DayField source="endsOn" label="Ends" />
        <NumberField source="hours" />
        <TextField source="location" />
        <WithRecord<CourseSession> label="Seats taken" render={(s) => <span>{`${s.seatsTaken} / ${s.capacity}`}</span>} />
        <NumberField source="costPerSeat" label="Cost per seat" options={{ style: 'currency', currency: 'USD' }} />
        <Typography variant="h6" sx={{ mt: 1 }}>
          Attendance sheet
        </Typography>
        <WithRecord<CourseSession> label="" render={(s) => <AttendanceSheet session={s} />} />
      </SimpleShowLayout>
    </Show>
  );
}
