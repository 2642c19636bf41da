import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { Labeled, NumberField, Show, SimpleShowLayout, TextField, useRecordContext, WithRecord } from 'react-admin';
import type { TrainingPlan, TrainingPlanEvent } from '@tandem/contracts';
import { StatusChip } from '../../common/StatusChip';
import { useApiGet } from '../../common/useApiGet';
import { hoursPerWorker } from './choices';
import { PlanDecisions } from './PlanDecisions';
import { PlanHistory } from './PlanHistory';

function Chips({ source }: { source: 'skillAreas' | 'providers'; label?: string }) {
  const plan = useRecordContext<TrainingPlan>();
  if (!plan) return null;
  if (plan[source].length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {plan[source].map((s) => (
        <Chip key={s} size="small" label={s} />
      ))}
    </Box>
  );
}

function PlanBody() {
  const plan = useRecordContext<TrainingPlan>();
  const history = useApiGet<TrainingPlanEvent[]>(plan ? `/api/training-plans/${plan.id}/events` : null);
  if (!plan) return null;
  return (
    <SimpleShowLayout>
      <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Labeled label="Firm">
          <TextField source="organisationName" />
        </Labeled>
        <Labeled label="Year">
          <TextField source="year" />
        </Labeled>
        <Labeled label="Status">
          <StatusChip source="status" />
        </Labeled>
        <Labeled label="Approval">
          <Typography variant="body2">{plan.coGoverned ? 'Co-governed: the firm admin and the union' : plan.status === 'draft' ? 'Decided at submission' : 'The firm admin'}</Typography>
        </Labeled>
      </Box>
      <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Labeled label="Frontline workers">
          <NumberField source="frontlineWorkers" />
        </Labeled>
        <Labeled label="Training hours">
          <NumberField source="hours" />
        </Labeled>
        <Labeled label="Hours per worker">
          <Typography variant="body2" data-testid="plan-hours-per-worker">{hoursPerWorker(plan)}</Typography>
        </Labeled>
        <Labeled label="Budget">
          <NumberField source="budget" options={{ style: 'currency', currency: 'USD', maximumFractionDigits: 0 }} />
        </Labeled>
      </Box>
      <Labeled label="Skill areas">
        <Chips source="skillAreas" />
      </Labeled>
      <Labeled label="Providers">
        <Chips source="providers" />
      </Labeled>
      <PlanDecisions onChanged={history.reload} />
      <Divider />
      <Typography variant="h6">History</Typography>
      <PlanHistory state={history} />
    </SimpleShowLayout>
  );
}

/** One firm's plan for one year, its approval flow and its full history. */
export function TrainingPlanShow() {
  return (
    <Show title={<WithRecord<TrainingPlan> render={(r) => <span>{`Training plan ${r.year} · ${r.organisationName}`}</span>} />} actions={false}>
      <PlanBody />
    </Show>
  );
}
