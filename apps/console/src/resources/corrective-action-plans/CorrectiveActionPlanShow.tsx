import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { StatusChip } from '../../common/StatusChip';
import { PlanStatusSelect, PlanTasks } from './PlanTasks';
import { DayField } from '../../common/DateFields';

/** Opened when a supplier falls to development or probation with a customer; both and staff follow it here. */
export function CorrectiveActionPlanShow() {
  return (
    <Show title="Corrective action plan">
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Labeled label="Title">
            <TextField source="title" />
          </Labeled>
          <Labeled label="Supplier → customer">
            <ReferenceField source="relationshipId" reference="supply-relationships" link="show" />
          </Labeled>
          <Labeled label="Standing that opened it">
            <StatusChip source="standing" />
          </Labeled>
          <Labeled label="Scorecard score">
            <ReferenceField source="scorecardId" reference="scorecards" link="show" emptyText="—">
              <NumberField source="score" options={{ maximumFractionDigits: 1 }} />
            </ReferenceField>
          </Labeled>
          <Labeled label="Due">
            <DayField source="dueOn" />
          </Labeled>
          <PlanStatusSelect />
        </Box>
        <Divider />
        <Typography variant="h6">Tasks</Typography>
        <PlanTasks />
      </SimpleShowLayout>
    </Show>
  );
}
