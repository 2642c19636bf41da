import { useMemo } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useGetList } from 'react-admin';
import type { BenchmarkCell, BenchmarkStanding, MetricDefinition, MetricGoal, Period } from '@tandem/contracts';
import { formatFigure } from '../common/figures';
import { visuallyHidden } from '../common/visuallyHidden';
import { benchmarkFigure, byKey } from './benchmarkModel';

const OWN = '#1d4e89';
const MEDIAN = '#5f6b7a';
const GOAL_COLOUR = '#2e7d32';
const BASELINE_COLOUR = '#8a94a6';

interface Point {
  period: string;
  own: number | null;
  median: number | null;
  band: [number, number] | null;
  reason: string | null;
}

/**
 * The member's own value against its group's median (and middle half) over the published
 * periods, oldest first, with its baseline and goal, as the metric-values trend draws them.
 * A period whose statistics are withheld from the member has its own value and no median.
 */
export function StandingTrendChart({
  organisationId,
  metric,
  peerGroupId,
  periods,
  height = 280,
}: {
  organisationId: string;
  metric: MetricDefinition | undefined;
  peerGroupId: string;
  /** the published periods, newest first */
  periods: readonly Period[];
  height?: number;
}) {
  const metricId = metric?.id;
  const filter = { organisationId, metricId, peerGroupId };
  const standings = useGetList<BenchmarkStanding>('standings', { filter, pagination: { page: 1, perPage: 50 }, sort: { field: 'createdAt', order: 'ASC' } }, { enabled: Boolean(metricId) });
  const cells = useGetList<BenchmarkCell>('benchmark-cells', { filter: { metricId, peerGroupId }, pagination: { page: 1, perPage: 50 } }, { enabled: Boolean(metricId) });
  const goals = useGetList<MetricGoal>('metric-goals', { filter: { organisationId, metricId }, pagination: { page: 1, perPage: 1 } }, { enabled: Boolean(metricId) });

  const points = useMemo<Point[]>(() => {
    const own = byKey(standings.data, (s) => s.periodId);
    const cell = byKey(cells.data, (c) => c.periodId);
    return [...periods]
      .reverse()
      .map((p) => {
        const c = cell.get(p.id);
        const shown = c && c.median !== null;
        return {
          period: p.code,
          own: own.get(p.id)?.value ?? null,
          median: shown ? c.median : null,
          band: shown && c.p25 !== null && c.p75 !== null ? ([c.p25, c.p75] as [number, number]) : null,
          reason: c?.suppressed && !shown ? c.reason : null,
        };
      })
      .filter((p) => p.own !== null || p.median !== null);
  }, [standings.data, cells.data, periods]);

  if (standings.isPending || cells.isPending) return <LinearProgress />;
  if (standings.error || cells.error) return <Alert severity="error">The trend could not be loaded.</Alert>;
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No published period has a figure of yours here yet.
      </Typography>
    );
  }
  const unit = metric?.unit ?? '';
  const goal = goals.data?.[0];
  const baseline = goal?.baselineValue ?? null;
  const target = goal?.goalValue ?? null;
  const anyMedian = points.some((p) => p.median !== null);
  return (
    <Box data-testid="standing-trend" sx={{ width: '100%', maxWidth: 900 }}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={points} margin={{ top: 16, right: 96, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e4e7ec" />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis domain={['auto', 'auto']} tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatFigure(v, 1)} width={64} />
          <Tooltip formatter={(v, name) => [Array.isArray(v) ? v.map((x) => formatFigure(Number(x), 2)).join(' – ') : benchmarkFigure(Number(v), unit), name]} />
          <Legend verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
          {anyMedian && <Area dataKey="band" name="Middle half (p25–p75)" stroke="none" fill={OWN} fillOpacity={0.1} isAnimationActive={false} connectNulls={false} />}
          {anyMedian && <Line dataKey="median" name="Peer median" stroke={MEDIAN} strokeDasharray="5 4" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />}
          <Line dataKey="own" name="You" stroke={OWN} strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          {baseline !== null && (
            <ReferenceLine y={baseline} stroke={BASELINE_COLOUR} strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: `Baseline ${formatFigure(baseline, 1)}`, position: 'right', fill: BASELINE_COLOUR, fontSize: 12 }} />
          )}
          {target !== null && (
            <ReferenceLine y={target} stroke={GOAL_COLOUR} strokeDasharray="2 2" ifOverflow="extendDomain" label={{ value: `Goal ${formatFigure(target, 1)}`, position: 'right', fill: GOAL_COLOUR, fontSize: 12 }} />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      {[...new Set(points.flatMap((p) => (p.reason ? [p.reason] : [])))].map((reason) => (
        <Typography key={reason} variant="caption" color="text.secondary" component="div">
          No median where the group is withheld ({reason}):{' '}
          {points
            .filter((p) => p.reason === reason)
            .map((p) => p.period)
            .join(', ')}
          .
        </Typography>
      ))}
      <Box sx={visuallyHidden}>
        <table data-testid="standing-trend-points">
          <caption>{metric?.code ?? 'Value'}: yours and the peer median by period</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">You</th>
              <th scope="col">Peer median</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.period}</th>
                <td>{benchmarkFigure(p.own, unit)}</td>
                <td>{p.reason ? `withheld: ${p.reason}` : benchmarkFigure(p.median, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </Box>
  );
}
