import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useGetIdentity, useGetList } from 'react-admin';
import type { CorrectiveActionPlan, MetricValue, Period, PeriodCompleteness } from '@tandem/contracts';
import { stateLabel } from '../common/StatusChip';
import { useApiGet } from '../common/useApiGet';
import { errorText, HomeCard, HomeGrid, HomeLine } from './HomeCard';
import { formatDay, listLink, plural } from './links';
import { BenchmarkStandingCard } from './BenchmarkStandingCard';
import { StandingsCard } from './StandingsCard';
import { MyCommitmentsCard } from '../resources/commitments/MyCommitmentsCard';
import { DemandSurveyCard } from '../resources/demand-surveys/DemandSurveyCard';
import { useCan } from '../common/useCan';
import { TrainingFiguresCard } from './TrainingFiguresCard';

/** One open period as the firm owes it: what is submitted, what is still missing. */
function PeriodDue({ period }: { period: Period }) {
  const completeness = useApiGet<PeriodCompleteness>(`/api/periods/${period.id}/completeness`);
  const entry = `/metric-values/create?periodId=${encodeURIComponent(period.id)}`;
  if (completeness.status === 'loading') return <HomeLine primary={period.code} secondary="checking…" />;
  if (completeness.status === 'error') return <HomeLine primary={period.code} secondary={completeness.message} />;
  const own = completeness.data.firms[0];
  if (!own) return <HomeLine primary={`${period.code}: nothing owed`} secondary={`due ${formatDay(period.dueOn)}`} />;
  return (
    <Box data-testid={`home-due-${period.code}`}>
      <HomeLine
        to={entry}
        primary={own.missingMetrics.length === 0 ? `${period.code}: all ${own.expected} metrics submitted` : `${period.code}: ${plural(own.missingMetrics.length, 'metric')} still to report`}
        secondary={`${own.late ? 'late — was ' : ''}due ${formatDay(period.dueOn)} · ${own.submitted} of ${own.expected} submitted, ${own.validated} validated`}
      />
      {own.missingMetrics.length > 0 && (
        <Typography variant="caption" color={own.late ? 'error' : 'text.secondary'} component="div" sx={{ overflowWrap: 'anywhere' }} data-testid={`home-missing-${period.code}`}>
          Missing: {own.missingMetrics.join(', ')}
        </Typography>
      )}
    </Box>
  );
}

function PeriodsDueCard() {
  const open = useGetList<Period>('periods', { filter: { state: 'open' }, sort: { field: 'dueOn', order: 'ASC' }, pagination: { page: 1, perPage: 4 } });
  return (
    <HomeCard
      title="Periods due"
      testId="home-periods-due"
      loading={open.isPending}
      error={errorText(open.error)}
      to="/metric-values/create"
      linkText="Enter a period"
    >
      {(open.data ?? []).map((period) => (
        <PeriodDue key={period.id} period={period} />
      ))}
      {open.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No period is open for reporting.
        </Typography>
      )}
    </HomeCard>
  );
}

function RejectedValuesCard() {
  const filter = { status: 'rejected', customerReported: false };
  const rejected = useGetList<MetricValue>('metric-values', { filter, sort: { field: 'updatedAt', order: 'DESC' }, pagination: { page: 1, perPage: 4 } });
  return (
    <HomeCard
      title="Rejected values"
      testId="home-rejected"
      figure={rejected.total ?? 0}
      figureLabel="values to fix and submit again"
      loading={rejected.isPending}
      error={errorText(rejected.error)}
      to={listLink('metric-values', filter, { field: 'updatedAt', order: 'DESC' })}
      linkText="Open rejected values"
    >
      {(rejected.data ?? []).map((v) => (
        <HomeLine key={v.id} to={`/metric-values/${v.id}/show`} primary={`${v.metricCode} ${v.periodCode}`} secondary={v.rejectionReason ?? 'no reason given'} />
      ))}
    </HomeCard>
  );
}

function MyTasksCard() {
  const { identity } = useGetIdentity();
  const me = typeof identity?.id === 'string' ? identity.id : undefined;
  const filter = { taskOwnerUserId: me, status: ['open', 'in_progress'] };
  const plans = useGetList<CorrectiveActionPlan>('corrective-action-plans', { filter, sort: { field: 'dueOn', order: 'ASC' }, pagination: { page: 1, perPage: 10 } }, { enabled: Boolean(me) });
  const tasks = (plans.data ?? []).flatMap((plan) => plan.tasks.filter((t) => t.ownerUserId === me && t.status !== 'done').map((task) => ({ plan, task })));
  return (
    <HomeCard
      title="Corrective-action tasks assigned to me"
      testId="home-my-tasks"
      loading={!me || plans.isPending}
      error={errorText(plans.error)}
      to={listLink('corrective-action-plans', filter, { field: 'dueOn', order: 'ASC' })}
      linkText="Open my plans"
    >
      {tasks.map(({ plan, task }) => (
        <HomeLine key={task.id} to={`/corrective-action-plans/${plan.id}/show`} primary={task.title} secondary={`${stateLabel(task.status)} · due ${formatDay(task.dueOn)} · ${plan.title}`} />
      ))}
      {tasks.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No open task is assigned to you.
        </Typography>
      )}
    </HomeCard>
  );
}

/** Firm admins and contributors: what they owe, what came back, their tasks, where they stand, what they trained. */
export function FirmHome({ organisationId }: { organisationId: string | undefined }) {
  const answersSurveys = useCan('demand-surveys.answer');
  return (
    <HomeGrid>
      {answersSurveys && <DemandSurveyCard />}
      <PeriodsDueCard />
      <RejectedValuesCard />
      <MyTasksCard />
      <StandingsCard side="supplier" organisationId={organisationId} />
      <BenchmarkStandingCard organisationId={organisationId} />
      <MyCommitmentsCard />
      <TrainingFiguresCard title="Training spend vs payroll" />
    </HomeGrid>
  );
}
