import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { Labeled, NumberField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, WithRecord } from 'react-admin';
import type { MetricValue } from '@tandem/contracts';
import { metricValueSourceChoices } from '../../common/enumChoices';
import { FirmName } from '../../common/FirmName';
import { StatusChip } from '../../common/StatusChip';
import { TrendChart } from './TrendChart';
import { EditValueButton, RejectButton, SubmitButton, ValidateButton } from './MetricValueActions';
import { DistanceToGoalField, FigureField, ImprovementField, ReportedByField } from './MetricValueFields';
import { MetricValueRevisions } from './MetricValueRevisions';
import { DateTimeField } from '../../common/DateFields';

function MetricValueTitle() {
  const value = useRecordContext<MetricValue>();
  return <span>{value ? `${value.metricCode} · ${value.periodCode}` : 'Metric value'}</span>;
}

function MetricValueShowActions() {
  return (
    <TopToolbar sx={{ gap: 1, alignItems: 'center' }}>
      <SubmitButton />
      <ValidateButton />
      <RejectButton />
      <EditValueButton />
    </TopToolbar>
  );
}

function Notices() {
  const value = useRecordContext<MetricValue>();
  if (!value) return null;
  return (
    <>
      {value.status === 'rejected' && value.rejectionReason && <Alert severity="error">Rejected: {value.rejectionReason}</Alert>}
      {value.outlier && <Alert severity="warning">{value.outlierNote ?? 'Flagged as an outlier for staff review.'}</Alert>}
      {value.pendingRevision !== null && <Alert severity="info">Revision {value.pendingRevision} of this closed period awaits staff approval.</Alert>}
    </>
  );
}

export function MetricValueShow() {
  return (
    <Show actions={<MetricValueShowActions />} title={<MetricValueTitle />}>
      <SimpleShowLayout>
        <Notices />
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Firm">
            <FirmName source="organisationId" />
          </Labeled>
          <Labeled label="Metric">
            <ReferenceField source="metricId" reference="metric-definitions" link="show">
              <TextField source="name" />
            </ReferenceField>
          </Labeled>
          <Labeled label="Period">
            <ReferenceField source="periodId" reference="periods" link="show">
              <TextField source="code" />
            </ReferenceField>
          </Labeled>
          <Labeled label="Reported by">
            <ReportedByField />
          </Labeled>
          <Labeled label="Value">
            <FigureField />
          </Labeled>
          <Labeled label="Status">
            <StatusChip source="status" />
          </Labeled>
          <Labeled label="Source">
            <SelectField source="source" choices={metricValueSourceChoices} />
          </Labeled>
          <Labeled label="Revision">
            <NumberField source="revision" />
          </Labeled>
        </Box>
        <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Labeled label="Baseline">
            <NumberField source="baselineValue" emptyText="—" />
          </Labeled>
          <Labeled label="Goal">
            <NumberField source="goalValue" emptyText="—" />
          </Labeled>
          <Labeled label="Since baseline">
            <ImprovementField />
          </Labeled>
          <Labeled label="To goal">
            <DistanceToGoalField />
          </Labeled>
          <Labeled label="Submitted">
            <DateTimeField source="submittedAt" emptyText="—" />
          </Labeled>
          <Labeled label="Validated">
            <DateTimeField source="validatedAt" emptyText="—" />
          </Labeled>
          <Labeled label="Note">
            <TextField source="note" emptyText="—" />
          </Labeled>
        </Box>
        <Divider />
        <Typography variant="h6">Trend</Typography>
        <WithRecord<MetricValue>
          render={(value) => <TrendChart key={value.id} organisationId={value.organisationId} metricId={value.metricId} customerId={value.customerId} until={value.periodStartsOn} />}
        />
        <Divider />
        <Typography variant="h6">Revision history</Typography>
        {/* keyed by revision: a submit, validation or change reloads the history */}
        <WithRecord<MetricValue> render={(value) => <MetricValueRevisions key={value.revision} />} />
      </SimpleShowLayout>
    </Show>
  );
}
