import { useGetList } from 'react-admin';
import type { TrainingPlan, UnionRepresentation } from '@tandem/contracts';
import { stateLabel } from '../common/StatusChip';
import { errorText, HomeCard, HomeGrid, HomeLine } from './HomeCard';
import { formatDay, listLink, plural } from './links';
import { TrainingFiguresCard } from './TrainingFiguresCard';

/** Submitted plans of the represented firms that wait for the union's approval. */
function AwaitingCard() {
  const filter = { awaiting: 'union' };
  const plans = useGetList<TrainingPlan>('training-plans', { filter, sort: { field: 'year', order: 'ASC' }, pagination: { page: 1, perPage: 5 } });
  return (
    <HomeCard
      title="Plans awaiting you"
      testId="home-plans-awaiting"
      figure={plans.total ?? 0}
      figureLabel="training plans to approve or return"
      loading={plans.isPending}
      error={errorText(plans.error)}
      to={listLink('training-plans', filter, { field: 'updatedAt', order: 'ASC' })}
      linkText="Open the plans awaiting you"
    >
      {(plans.data ?? []).map((p) => (
        <HomeLine key={p.id} to={`/training-plans/${p.id}/show`} primary={`${p.organisationName} · ${p.year}`} secondary={`submitted · ${p.firmApprovedAt ? 'the firm approved it' : 'the firm has not approved yet'} · last change ${formatDay(p.updatedAt.slice(0, 10))}`} />
      ))}
    </HomeCard>
  );
}

/** The firms the union represents and where each one's latest plan stands. */
function FirmsCard() {
  const reps = useGetList<UnionRepresentation>('union-representations', { sort: { field: 'firmName', order: 'ASC' }, pagination: { page: 1, perPage: 50 } });
  const plans = useGetList<TrainingPlan>('training-plans', { sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 200 } });
  const latest = new Map<string, TrainingPlan>();
  for (const p of plans.data ?? []) if (!latest.has(p.organisationId)) latest.set(p.organisationId, p);
  return (
    <HomeCard
      title="Firms you represent"
      testId="home-represented-firms"
      figure={reps.total ?? 0}
      figureLabel="member firms"
      loading={reps.isPending || plans.isPending}
      error={errorText(reps.error ?? plans.error)}
      to="/training-plans"
      linkText="All their training plans"
    >
      {(reps.data ?? []).map((r) => {
        const plan = latest.get(r.firmOrganisationId);
        return (
          <HomeLine
            key={r.id}
            to={plan ? `/training-plans/${plan.id}/show` : undefined}
            primary={r.firmName}
            secondary={plan ? `${plan.year} plan: ${stateLabel(plan.status).toLowerCase()} · ${plural(plan.frontlineWorkers, 'frontline worker')} · ${plan.hours.toLocaleString()} h planned` : 'no training plan yet'}
          />
        );
      })}
    </HomeCard>
  );
}

/** A union representative's home: the plans waiting for the union, the firms it speaks for and their training figures. */
export function UnionHome() {
  return (
    <HomeGrid>
      <AwaitingCard />
      <FirmsCard />
      <TrainingFiguresCard title="Their training this year" />
    </HomeGrid>
  );
}
