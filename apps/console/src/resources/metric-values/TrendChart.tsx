import { useMemo } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useGetList, useGetOne } from 'react-admin';
import type { MetricDefinition, MetricGoal, MetricValue } from '@tandem/contracts';
import { formatFigure, withUnit } from '../../common/figures';
import { visuallyHidden } from '../../common/visuallyHidden';

export interface TrendChartProps {
  organisationId: string;
  metricId: string;
  /** whose figures: null = the firm's own report, an id = that customer's reports about it */
  customerId?: string | null;
  /** the last period shown (its first day): a value's page shows the trend up to that value */
  until?: string;
  height?: number;
}


/** Periods on the chart: two years of months, six of quarters; older ones are in the list. */
const TREND_PERIODS = 24;

interface Point {
  period: string;
  value: number;
  status: string;
  outlier: boolean;
}

const GOAL_COLOUR = '#2e7d32';
const BASELINE_COLOUR = '#8a94a6';

/**
 * One firm's values of one metric over its latest periods (up to `until`), oldest first,
 * with its baseline and goal (metric-goals) as reference lines. The API picks and orders the
 * periods; only the values themselves are plotted, nothing is aggregated in the browser.
 * The same points are in a table for screen readers.
 */
export function TrendChart({ organisationId, metricId, customerId = null, until, height = 280 }: TrendChartProps) {
  const { data: metric } = useGetOne<MetricDefinition>('metric-definitions', { id: metricId });
  const filter = {
    organisationId,
    metricId,
    ...(customerId ? { customerId } : { customerReported: false }),
    ...(until ? { periodStartsOnLte: until } : {}),
  };
  const { data: values, isPending, error } = useGetList<MetricValue>('metric-values', {
    filter,
    pagination: { page: 1, perPage: TREND_PERIODS },
    sort: { field: 'periodStartsOn', order: 'DESC' },
  });
  const { data: goals } = useGetList<MetricGoal>('metric-goals', { filter: { organisationId, metricId }, pagination: { page: 1, perPage: 1 } });

  const points = useMemo<Point[]>(
    () => [...(values ?? [])].reverse().map((v) => ({ period: v.periodCode, value: v.value, status: v.status, outlier: v.outlier })),
    [values],
  );

  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">The values could not be loaded.</Alert>;
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No values reported yet.
      </Typography>
    );
  }

  const goal = goals?.[0];
  const latest = values?.[0];
  const baseline = goal?.baselineValue ?? latest?.baselineValue ?? null;
  const target = goal?.goalValue ?? latest?.goalValue ?? null;
  const unit = metric?.unit ?? '';
  const domainValues = [...points.map((p) => p.value), ...(baseline !== null ? [baseline] : []), ...(target !== null ? [target] : [])];
  const lo = Math.min(...domainValues);
  const hi = Math.max(...domainValues);
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || 1;
  const min = metric?.minValue ?? Number.NEGATIVE_INFINITY;
  const max = metric?.maxValue ?? Number.POSITIVE_INFINITY;
  const domain: [number, number] = [Math.max(min, lo - pad), Math.min(max, hi + pad)];

  return (
    <Box data-testid="trend-chart" sx={{ width: '100%', maxWidth: 900 }}>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
        {metric ? `${metric.code} · ${metric.name} (${unit}, ${metric.direction === 'higher' ? 'higher' : 'lower'} is better)` : ''}
        {baseline !== null ? ` · baseline ${withUnit(baseline, unit)}` : ''}
        {target !== null ? ` · goal ${withUnit(target, unit)}` : ''}
      </Typography>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={points} margin={{ top: 16, right: 96, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e4e7ec" />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis domain={domain} tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatFigure(v, 1)} width={64} />
          <Tooltip formatter={(v) => [withUnit(Number(v), unit), metric?.code ?? 'Value']} />
          <Legend verticalAlign="top" height={28} />
          {baseline !== null && (
            <ReferenceLine
              y={baseline}
              stroke={BASELINE_COLOUR}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{ value: `Baseline ${formatFigure(baseline, 1)}`, position: 'right', fill: BASELINE_COLOUR, fontSize: 12 }}
            />
          )}
          {target !== null && (
            <ReferenceLine
              y={target}
              stroke={GOAL_COLOUR}
              strokeDasharray="2 2"
              ifOverflow="extendDomain"
              label={{ value: `Goal ${formatFigure(target, 1)}`, position: 'right', fill: GOAL_COLOUR, fontSize: 12 }}
            />
          )}
          <Line
            type="monotone"
            dataKey="value"
            name={metric?.code ?? 'Value'}
            stroke="#1d4e89"
            strokeWidth={2}
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; index?: number; payload?: Point }) => (
              <circle
                key={`dot-${props.index ?? 0}`}
                cx={props.cx}
                cy={props.cy}
                r={props.payload?.outlier ? 6 : 4}
                fill={props.payload?.outlier ? '#e08a1e' : props.payload?.status === 'validated' ? '#1d4e89' : '#fff'}
                stroke={props.payload?.outlier ? '#e08a1e' : '#1d4e89'}
                strokeWidth={2}
              />
            )}
          />
        </LineChart>
      </ResponsiveContainer>
      <Typography variant="caption" color="text.secondary">
        Filled dots: validated values; open dots: not yet validated; amber: flagged as outlier.
      </Typography>
      <Box component="table" sx={visuallyHidden} data-testid="trend-points">
        <caption>{metric?.code ?? 'Values'} by period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Value</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period}>
              <th scope="row">{p.period}</th>
              <td>{withUnit(p.value, unit)}</td>
              <td>{p.status + (p.outlier ? ', outlier' : '')}</td>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
