import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import type { BenchmarkCell, MetricDefinition } from '@tandem/contracts';
import { formatFigure } from '../common/figures';
import { benchmarkFigure } from './benchmarkModel';
import { visuallyHidden } from '../common/visuallyHidden';

const BAND = '#1d4e89';
const OWN = '#e08a1e';

/**
 * The member's value against its peers' distribution as the API published it: the p25–p75 box,
 * whiskers to p10 and p90 where the group is large enough to have them (never to the minimum
 * and maximum, which are not published), the median, and the member's own value. The axis runs
 * so that better is to the right whatever the metric's direction.
 */
export function DistributionChart({ cell, value, metric, height = 150 }: { cell: BenchmarkCell; value: number; metric: MetricDefinition | undefined; height?: number }) {
  const { p10, p25, median, p75, p90 } = cell;
  if (p25 === null || median === null || p75 === null) return null;
  const unit = metric?.unit ?? '';
  const lower = metric?.direction === 'lower';
  const ends = [p10 ?? p25, p90 ?? p75, value];
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1;
  const domain: [number, number] = [lo - pad, hi + pad];
  const whisker = (from: number, to: number) => <ReferenceLine segment={[{ x: from, y: 0.5 }, { x: to, y: 0.5 }]} stroke={BAND} strokeWidth={2} ifOverflow="visible" />;
  const cap = (at: number) => <ReferenceLine segment={[{ x: at, y: 0.38 }, { x: at, y: 0.62 }]} stroke={BAND} strokeWidth={2} ifOverflow="visible" />;
  return (
    <Box data-testid="distribution-chart" sx={{ width: '100%', maxWidth: 900 }}>
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={{ top: 28, right: 24, bottom: 8, left: 24 }}>
          <XAxis type="number" dataKey="x" domain={domain} reversed={lower} tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatFigure(v, 2)} allowDataOverflow />
          <YAxis type="number" dataKey="y" domain={[0, 1]} hide />
          {p10 !== null && whisker(p10, p25)}
          {p90 !== null && whisker(p75, p90)}
          {p10 !== null && cap(p10)}
          {p90 !== null && cap(p90)}
          <ReferenceArea x1={p25} x2={p75} y1={0.25} y2={0.75} fill={BAND} fillOpacity={0.18} stroke={BAND} ifOverflow="visible" />
          <ReferenceLine segment={[{ x: median, y: 0.25 }, { x: median, y: 0.75 }]} stroke={BAND} strokeWidth={3} ifOverflow="visible" label={{ value: `median ${formatFigure(median, 2)}`, position: 'bottom', fontSize: 12, fill: BAND }} />
          <ReferenceLine x={value} stroke={OWN} strokeWidth={2} strokeDasharray="4 3" ifOverflow="visible" label={{ value: `you ${formatFigure(value, 2)}`, position: 'top', fontSize: 12, fill: OWN, fontWeight: 600 }} />
          <Scatter data={[{ x: value, y: 0.5 }]} fill={OWN} shape="diamond" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
      <Typography variant="caption" color="text.secondary" component="div">
        Box: the middle half of the group (p25–p75){p10 !== null && p90 !== null ? '; whiskers: p10 to p90' : ''}; better to the right{lower ? ` (lower ${unit} is better)` : ''}. Minimum and maximum are never published.
      </Typography>
      <Box sx={visuallyHidden}>
        <table data-testid="distribution-figures">
          <caption>{metric?.code ?? 'Value'} against the peer group</caption>
          <tbody>
            {(
              [
                ['p10', p10],
                ['p25', p25],
                ['median', median],
                ['p75', p75],
                ['p90', p90],
                ['your value', value],
              ] as const
            )
              .filter(([, v]) => v !== null)
              .map(([label, v]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{benchmarkFigure(v, unit)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </Box>
    </Box>
  );
}
