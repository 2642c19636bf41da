import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { DeleteButton, EditButton, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, WithRecord } from 'react-admin';
import type { MetricGoal } from '@tandem/contracts';
import { FirmName } from '../../common/FirmName';
import { TrendChart } from '../metric-values/TrendChart';
import { DayField } from '../../common/DateFields';

export function MetricGoalShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
          <DeleteButton mutationMode="pessimistic" />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Firm">
            <FirmName source="organisationId" />
          </Labeled>
          <Labeled label="Metric">
            <ReferenceField source="metricId" reference="metric-definitions" link="show">
              <TextField source="name" />
            </ReferenceField>
          </Labeled>
          <Labeled label="Baseline period">
            <ReferenceField source="baselinePeriodId" reference="periods" emptyText="first validated period">
              <TextField source="code" />
            </ReferenceField>
          </Labeled>
          <Labeled label="Baseline">
            <NumberField source="baselineValue" emptyText="—" />
          </Labeled>
          <Labeled label="Goal">
            <NumberField source="goalValue" emptyText="—" />
          </Labeled>
          <Labeled label="Goal date">
            <DayField source="goalDate" emptyText="—" />
          </Labeled>
        </Box>
        <Divider />
        <Typography variant="h6">Trend</Typography>
        <WithRecord<MetricGoal> render={(goal) => <TrendChart organisationId={goal.organisationId} metricId={goal.metricId} />} />
      </SimpleShowLayout>
    </Show>
  );
}
