import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useGetList, useGetMany, useGetOne } from 'react-admin';
import type { CorrectiveActionPlan, Import, Membership, MetricValue, Organisation, Period, PeriodCompleteness } from '@tandem/contracts';
import { formatDateTime } from '../common/formatDate';
import { humanize } from '../common/choices';
import { useApiGet } from '../common/useApiGet';
import { RemindLateButton } from '../resources/periods/RemindLateButton';
import { errorText, HomeCard, HomeGrid, HomeLine } from './HomeCard';
import { formatDay, listLink, plural, todayUtc } from './links';

function ValidationQueueCard() {
  const queue = useGetList<MetricValue>('metric-values', {
    filter: { status: 'submitted' },
    sort: { field: 'submittedAt', order: 'ASC' },
    pagination: { page: 1, perPage: 1 },
  });
  const oldest = queue.data?.[0];
  const firm = useGetOne<Organisation>('organisations', { id: oldest?.organisationId ?? '' }, { enabled: Boolean(oldest) });
  return (
    <HomeCard
      title="Validation queue"
      testId="home-validation-queue"
      figure={queue.total ?? 0}
      figureLabel="submitted values waiting"
      loading={queue.isPending}
      error={errorText(queue.error)}
      to={listLink('metric-values', { status: 'submitted' }, { field: 'submittedAt', order: 'ASC' })}
      linkText="Open the validation queue"
    >
      {oldest ? (
        <HomeLine
          testId="home-validation-oldest"
          to={`/metric-values/${oldest.id}/show`}
          primary={`Oldest: ${oldest.metricCode} ${oldest.periodCode}${firm.data ? ` · ${firm.data.name}` : ''}`}
          secondary={oldest.submittedAt ? `submitted ${formatDateTime(oldest.submittedAt)}` : undefined}
        />
      ) : (
        <Typography variant="body2" color="text.secondary">
          Nothing waits for validation.
        </Typography>
      )}
    </HomeCard>
  );
}

/** One open period: how many reporting firms are complete, and the late ones by name. */
function PeriodLateness({ period }: { period: Period }) {
  // The totals and the first five late firms: a consortium of thousands answers with five rows.
  const completeness = useApiGet<PeriodCompleteness>(`/api/periods/${period.id}/completeness?late=true&limit=5`);
  if (completeness.status === 'loading') return <HomeLine primary={period.code} secondary="counting…" />;
  if (completeness.status === 'error') return <HomeLine primary={period.code} secondary={completeness.message} />;
  const { totals, firms: late } = completeness.data;
  return (
    <Box data-testid={`home-period-${period.code}`}>
      <HomeLine
        to={`/periods/${period.id}/show`}
        primary={`${period.code}: ${plural(totals.late, 'firm')} late`}
        secondary={`due ${formatDay(period.dueOn)} · ${totals.complete} of ${plural(totals.firms, 'firm')} complete, ${totals.partial} partial, ${totals.missing} missing`}
      />
      {late.length > 0 && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
          {late.map((f) => f.organisationName).join(', ')}
          {totals.late > late.length ? ` and ${totals.late - late.length} more` : ''}
        </Typography>
      )}
      <RemindLateButton period={period} lateFirms={totals.late} onDone={completeness.reload} />
    </Box>
  );
}

function LateFirmsCard() {
  const open = useGetList<Period>('periods', { filter: { state: 'open' }, sort: { field: 'dueOn', order: 'ASC' }, pagination: { page: 1, perPage: 3 } });
  return (
    <HomeCard
      title="Firms late for the open periods"
      testId="home-late-firms"
      loading={open.isPending}
      error={errorText(open.error)}
      to={listLink('periods', { state: 'open' }, { field: 'dueOn', order: 'ASC' })}
      linkText="Open periods"
    >
      {(open.data ?? []).map((period) => (
        <PeriodLateness key={period.id} period={period} />
      ))}
      {open.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No period is open.
        </Typography>
      )}
    </HomeCard>
  );
}

function FailedImportsCard() {
  const failed = useGetList<Import>('imports', { filter: { status: 'failed' }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 3 } });
  return (
    <HomeCard
      title="Failed imports"
      testId="home-failed-imports"
      figure={failed.total ?? 0}
      figureLabel="imports whose file could not be read"
      loading={failed.isPending}
      error={errorText(failed.error)}
      to={listLink('imports', { status: 'failed' }, { field: 'createdAt', order: 'DESC' })}
      linkText="Open failed imports"
    >
      {(failed.data ?? []).map((i) => (
        <HomeLine key={i.id} to={`/imports/${i.id}/show`} primary={i.filename} secondary={formatDateTime(i.createdAt)} />
      ))}
    </HomeCard>
  );
}

function PlansPastDueCard() {
  const filter = { status: ['open', 'in_progress'], dueBefore: todayUtc() };
  const plans = useGetList<CorrectiveActionPlan>('corrective-action-plans', { filter, sort: { field: 'dueOn', order: 'ASC' }, pagination: { page: 1, perPage: 3 } });
  return (
    <HomeCard
      title="Corrective action plans past due"
      testId="home-plans-past-due"
      figure={plans.total ?? 0}
      figureLabel="open plans past their due date"
      loading={plans.isPending}
      error={errorText(plans.error)}
      to={listLink('corrective-action-plans', filter, { field: 'dueOn', order: 'ASC' })}
      linkText="Open plans past due"
    >
      {(plans.data ?? []).map((p) => (
        <HomeLine key={p.id} to={`/corrective-action-plans/${p.id}/show`} primary={p.title} secondary={`due ${formatDay(p.dueOn)}`} />
      ))}
    </HomeCard>
  );
}

function MembershipChangesCard() {
  const changes = useGetList<Membership>('memberships', { sort: { field: 'updatedAt', order: 'DESC' }, pagination: { page: 1, perPage: 5 } });
  const ids = [...new Set((changes.data ?? []).map((m) => m.organisationId))];
  const firms = useGetMany<Organisation>('organisations', { ids }, { enabled: ids.length > 0 });
  const names = new Map((firms.data ?? []).map((o) => [o.id, o.name]));
  return (
    <HomeCard
      title="Recent membership changes"
      testId="home-membership-changes"
      loading={changes.isPending}
      error={errorText(changes.error)}
      to={listLink('memberships', {}, { field: 'updatedAt', order: 'DESC' })}
      linkText="Open memberships"
    >
      {(changes.data ?? []).map((m) => (
        <HomeLine
          key={m.id}
          to={`/memberships/${m.id}/show`}
          primary={names.get(m.organisationId) ?? '…'}
          secondary={`${humanize(m.status)} · changed ${formatDateTime(m.updatedAt)}`}
        />
      ))}
    </HomeCard>
  );
}

/** Consortium staff: the queue, the late firms, failed imports, plans past due, membership changes. */
export function StaffHome() {
  return (
    <HomeGrid>
      <ValidationQueueCard />
      <LateFirmsCard />
      <FailedImportsCard />
      <PlansPastDueCard />
      <MembershipChangesCard />
    </HomeGrid>
  );
}
