import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { Show, useGetList, useGetOne, useNavigate, useRecordContext } from 'react-admin';
import type { BenchmarkCell, BenchmarkStanding, MetricDefinition, MetricGoal, PeerGroup } from '@tandem/contracts';
import { formatFigure } from '../common/figures';
import { formatDay } from '../common/formatDate';
import { usePhone } from '../common/ResponsiveList';
import { benchmarkFigure, byKey, kindLabel, percentileText, reasonText, sortGroups, vsMedianText } from './benchmarkModel';
import { DistributionChart } from './DistributionChart';
import { QuartileChip } from './QuartileChip';
import { ReportButton } from './ReportButton';
import { StandingTrendChart } from './StandingTrendChart';
import { usePeerGroups, usePublishedPeriods } from './useBenchmarks';

/** One figure with its label, as the page's summary row shows it. */
function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ minWidth: 120 }} data-testid={testId}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h6" component="div" sx={{ fontWeight: 600, lineHeight: 1.4 }}>
        {children}
      </Typography>
    </Box>
  );
}

/** "+0.4 %" with the sign, or a dash. */
function signed(value: number | null, unit: string): string {
  if (value === null) return '—';
  const text = benchmarkFigure(Math.abs(value), unit);
  return value === 0 ? `±${text}` : `${value > 0 ? '+' : '−'}${text}`;
}

/** The distance to the goal (goal − value, as the API computes it) in words, oriented by direction. */
function goalText(distance: number | null, metric: MetricDefinition | undefined): string {
  if (distance === null) return 'no goal set';
  const reached = metric?.direction === 'lower' ? distance >= 0 : distance <= 0;
  return reached ? 'goal reached' : `${benchmarkFigure(Math.abs(distance), metric?.unit)} to go`;
}

/**
 * The groups the firm is in for this metric and period, each with where the firm stands in it
 * or why the group is withheld from it. Choosing one opens that position's page.
 */
function GroupChooser({ current, siblings, groupById }: { current: BenchmarkStanding; siblings: BenchmarkStanding[]; groupById: Map<string, PeerGroup> }) {
  const navigate = useNavigate();
  const phone = usePhone();
  const groups = sortGroups(siblings.flatMap((s) => {
    const group = groupById.get(s.peerGroupId);
    return group ? [{ ...group, standing: s }] : [];
  }));
  return (
    <ToggleButtonGroup
      exclusive
      value={current.peerGroupId}
      orientation={phone ? 'vertical' : 'horizontal'}
      onChange={(_, peerGroupId: string | null) => {
        const next = groups.find((g) => g.id === peerGroupId);
        if (next) navigate(`/standings/${next.standing.id}/show`);
      }}
      aria-label="Peer group"
      sx={{ flexWrap: 'wrap', width: phone ? '100%' : undefined }}
      data-testid="group-chooser"
    >
      {groups.map((g) => (
        <ToggleButton
          key={g.id}
          value={g.id}
          data-testid="group-choice"
          data-group={g.name}
          data-suppressed={g.standing.suppressed}
          sx={{ textTransform: 'none', display: 'flex', flexDirection: 'column', alignItems: 'flex-start', textAlign: 'left', px: 1.5, py: 0.75, minWidth: 170 }}
        >
          <Typography variant="caption" color="text.secondary">
            {kindLabel(g.kind)}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {g.name}
          </Typography>
          <Typography variant="caption" color={g.standing.suppressed ? 'warning.main' : 'text.secondary'} data-testid="group-choice-state">
            {g.standing.suppressed ? reasonText(g.standing.reason) : g.standing.quartile !== null ? `Q${g.standing.quartile} · ${percentileText(g.standing.percentileRank)}` : ''}
          </Typography>
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/** The period chooser: the published periods in which the firm has a position in this group. */
function PeriodChooser({ current, history, periods }: { current: BenchmarkStanding; history: BenchmarkStanding[]; periods: { id: string; code: string }[] }) {
  const navigate = useNavigate();
  const byPeriod = byKey(history, (s) => s.periodId);
  const choices = periods.filter((p) => byPeriod.has(p.id));
  return (
    <TextField
      select
      size="small"
      label="Period"
      value={choices.some((p) => p.id === current.periodId) ? current.periodId : ''}
      onChange={(e) => {
        const next = byPeriod.get(e.target.value);
        if (next) navigate(`/standings/${next.id}/show`);
      }}
      fullWidth={false}
      sx={{ width: 150 }}
      data-testid="period-chooser"
    >
      {choices.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          {p.code}
        </MenuItem>
      ))}
    </TextField>
  );
}

function StandingPage() {
  const standing = useRecordContext<BenchmarkStanding>();
  const { periods } = usePublishedPeriods(24);
  const { groupById } = usePeerGroups();
  const metric = useGetOne<MetricDefinition>('metric-definitions', { id: standing?.metricId ?? '' }, { enabled: Boolean(standing) }).data;
  const own = { organisationId: standing?.organisationId, metricId: standing?.metricId };
  const siblings = useGetList<BenchmarkStanding>('standings', { filter: { ...own, periodId: standing?.periodId }, pagination: { page: 1, perPage: 50 } }, { enabled: Boolean(standing) });
  // the same query as the trend chart's, so the two share one request
  const history = useGetList<BenchmarkStanding>(
    'standings',
    { filter: { ...own, peerGroupId: standing?.peerGroupId }, pagination: { page: 1, perPage: 50 }, sort: { field: 'createdAt', order: 'ASC' } },
    { enabled: Boolean(standing) },
  );
  const cells = useGetList<BenchmarkCell>(
    'benchmark-cells',
    { filter: { periodId: standing?.periodId, metricId: standing?.metricId, peerGroupId: standing?.peerGroupId }, pagination: { page: 1, perPage: 1 } },
    { enabled: Boolean(standing) },
  );
  const goal = useGetList<MetricGoal>('metric-goals', { filter: own, pagination: { page: 1, perPage: 1 } }, { enabled: Boolean(standing) }).data?.[0];
  if (!standing) return <LinearProgress />;
  const cell = cells.data?.[0];
  const group = groupById.get(standing.peerGroupId);
  const period = periods.find((p) => p.id === standing.periodId);
  const unit = metric?.unit ?? '';
  const shown = !standing.suppressed && cell && !cell.suppressed;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, p: { xs: 1.5, sm: 2 } }} data-testid="standing-page">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h5" component="h1" data-testid="standing-metric">
            {metric ? `${metric.code} · ${metric.name}` : '…'}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {metric ? `${unit}, ${metric.direction === 'higher' ? 'higher' : 'lower'} is better` : ''}
            {period ? ` · ${period.code} (${formatDay(period.startsOn)} – ${formatDay(period.endsOn)})` : ''}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <PeriodChooser current={standing} history={history.data ?? []} periods={periods} />
          {period && <ReportButton organisationId={standing.organisationId} periodId={period.id} periodCode={period.code} />}
        </Box>
      </Box>

      <Box>
        <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
          Compare with
        </Typography>
        <GroupChooser current={standing} siblings={siblings.data ?? []} groupById={groupById} />
      </Box>

      <Box sx={{ display: 'flex', gap: { xs: 2, sm: 4 }, flexWrap: 'wrap', alignItems: 'flex-end' }} data-testid="standing-summary">
        <Figure label="Your value" testId="standing-value">
          {benchmarkFigure(standing.value, unit)}
        </Figure>
        <Figure label="Quartile (1 = best)">
          <QuartileChip quartile={standing.quartile} reason={standing.reason} />
        </Figure>
        <Figure label="Percentile rank (100 = best)" testId="standing-percentile">
          {standing.percentileRank === null ? '—' : formatFigure(standing.percentileRank, 0)}
        </Figure>
        <Figure label={`Against the median of ${group?.name ?? 'the group'}`} testId="standing-vs-median">
          {shown ? vsMedianText(standing.value, cell.median, metric) : '—'}
        </Figure>
        {shown && <Figure label="Peers (n)">{formatFigure(cell.n)}</Figure>}
      </Box>

      {cells.isPending ? (
        <LinearProgress />
      ) : shown ? (
        <>
          <DistributionChart cell={cell} value={standing.value} metric={metric} />
          {cell.withheldStatistics.length > 0 && (
            <Alert severity="info" data-testid="standing-quantiles-withheld">
              {cell.withheldStatistics.join(', ')} of this group {cell.withheldStatistics.length === 1 ? 'is' : 'are'} not shown to you: in a group this
              small, together with your own value, {cell.withheldStatistics.length === 1 ? 'it' : 'they'} would give a peer&apos;s value. n and the mean are shown.
            </Alert>
          )}
        </>
      ) : (
        <Alert severity="info" data-testid="standing-withheld">
          {group?.name ?? 'This group'}: {standing.reason ?? cell?.reason ?? 'not shown to you'}. The group's figures are withheld from you, so no rank, quartile or
          peer figure is shown; your own value is.
        </Alert>
      )}

      <Divider />
      <Typography variant="h6" component="h2">
        Baseline and goal
      </Typography>
      <Box sx={{ display: 'flex', gap: { xs: 2, sm: 4 }, flexWrap: 'wrap' }} data-testid="standing-goal">
        <Figure label="Baseline">{benchmarkFigure(goal?.baselineValue ?? null, unit)}</Figure>
        <Figure label="Goal">{goal ? `${benchmarkFigure(goal.goalValue, unit)}${goal.goalDate ? ` by ${formatDay(goal.goalDate)}` : ''}` : '—'}</Figure>
        <Figure label="Change since baseline">{signed(standing.changeSinceBaseline, unit)}</Figure>
        <Figure label="Change since the previous period">{signed(standing.changeSincePrevious, unit)}</Figure>
        <Figure label="Distance to goal">{goalText(standing.distanceToGoal, metric)}</Figure>
      </Box>

      <Divider />
      <Typography variant="h6" component="h2">
        Over the published periods{group ? ` · ${group.name}` : ''}
      </Typography>
      <StandingTrendChart organisationId={standing.organisationId} metric={metric} peerGroupId={standing.peerGroupId} periods={periods} />
    </Box>
  );
}

/** One metric of the firm's standing: its value against a peer group's distribution, over time, with its goal. */
export function StandingShow() {
  return (
    <Show actions={false} title="My standing">
      <StandingPage />
    </Show>
  );
}
