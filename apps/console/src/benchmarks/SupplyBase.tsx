import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Title, useGetIdentity, useGetList } from 'react-admin';
import type { BenchmarkCell, MetricDefinition, PeerGroup, Period } from '@tandem/contracts';
import { formatFigure } from '../common/figures';
import { usePhone } from '../common/ResponsiveList';
import { StandingsCard } from '../dashboard/StandingsCard';
import { benchmarkFigure, byKey, reasonText } from './benchmarkModel';
import { useMetrics, usePeerGroups, usePublishedPeriods } from './useBenchmarks';

export interface SupplyBaseRow {
  metric: MetricDefinition;
  supplyBase: BenchmarkCell | undefined;
  consortium: BenchmarkCell | undefined;
}

/**
 * The published cells of the buyer's supply base and of the whole consortium in one period,
 * paired by metric. Both are read through disclosure control: a cell withheld from the buyer
 * carries its reason and no figure.
 */
export function useSupplyBase(period: Period | undefined) {
  const supplyBase = usePeerGroups({ kind: 'supply_base' });
  const consortium = usePeerGroups({ kind: 'consortium' });
  const sb: PeerGroup | undefined = supplyBase.groups[0];
  const all: PeerGroup | undefined = consortium.groups[0];
  const { metrics, isPending: metricsPending, error: metricsError } = useMetrics();
  const page = { page: 1, perPage: 200 };
  const sbCells = useGetList<BenchmarkCell>('benchmark-cells', { filter: { periodId: period?.id, peerGroupId: sb?.id }, pagination: page }, { enabled: Boolean(period && sb) });
  const allCells = useGetList<BenchmarkCell>('benchmark-cells', { filter: { periodId: period?.id, peerGroupId: all?.id }, pagination: page }, { enabled: Boolean(period && all) });
  const sbByMetric = byKey(sbCells.data, (c) => c.metricId);
  const allByMetric = byKey(allCells.data, (c) => c.metricId);
  const rows: SupplyBaseRow[] = metrics.flatMap((metric) => {
    const row = { metric, supplyBase: sbByMetric.get(metric.id), consortium: allByMetric.get(metric.id) };
    return row.supplyBase || row.consortium ? [row] : [];
  });
  const groupsPending = supplyBase.isPending || consortium.isPending;
  return {
    group: sb,
    rows,
    noSupplyBase: !groupsPending && !sb,
    isPending: groupsPending || metricsPending || (Boolean(period && sb) && sbCells.isPending) || (Boolean(period && all) && allCells.isPending),
    error: supplyBase.error ?? consortium.error ?? metricsError ?? sbCells.error ?? allCells.error,
  };
}

/** A cell as a short phrase: "median 96.5 % (p25 95.3 – p75 97.6, n 9)", or why it is withheld. */
export function cellPhrase(cell: BenchmarkCell | undefined, unit: string): string {
  if (!cell) return 'no figures for this period';
  if (cell.suppressed) return reasonText(cell.reason);
  if (cell.median === null) return `mean ${benchmarkFigure(cell.mean, unit)} (median withheld: it would give a supplier's value; n ${formatFigure(cell.n)})`;
  const spread = cell.p25 !== null && cell.p75 !== null ? `p25 ${formatFigure(cell.p25, 2)} – p75 ${formatFigure(cell.p75, 2)}, ` : '';
  return `median ${benchmarkFigure(cell.median, unit)} (${spread}n ${formatFigure(cell.n)})`;
}

function CellFigures({ cell, unit }: { cell: BenchmarkCell | undefined; unit: string }) {
  if (!cell || cell.suppressed) {
    return (
      <Typography variant="body2" color="warning.main" data-testid="supply-base-withheld">
        {cell ? reasonText(cell.reason) : 'no figures for this period'}
      </Typography>
    );
  }
  if (cell.median === null) {
    return (
      <Box>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          mean {benchmarkFigure(cell.mean, unit)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          median withheld: in a group this small it would give a supplier&apos;s value · n {formatFigure(cell.n)}
        </Typography>
      </Box>
    );
  }
  return (
    <Box>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        median {benchmarkFigure(cell.median, unit)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {cell.p25 !== null && cell.p75 !== null ? `middle half ${formatFigure(cell.p25, 2)} – ${formatFigure(cell.p75, 2)} · ` : ''}n {formatFigure(cell.n)}
      </Typography>
    </Box>
  );
}

function metricLabel(metric: MetricDefinition): string {
  return `${metric.code} · ${metric.name} (${metric.direction === 'higher' ? 'higher' : 'lower'} is better)`;
}

/** Wide screens: one row per metric, the supply base beside the consortium. Phones: one block per metric. */
function SupplyBaseTable({ rows, groupName }: { rows: SupplyBaseRow[]; groupName: string }) {
  const phone = usePhone();
  if (phone) {
    return (
      <Box data-testid="supply-base-blocks">
        {rows.map(({ metric, supplyBase, consortium }) => (
          <Box key={metric.id} sx={{ py: 1, borderTop: '1px solid', borderColor: 'divider' }} data-testid="supply-base-metric" data-metric={metric.code}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {metricLabel(metric)}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {groupName}
            </Typography>
            <CellFigures cell={supplyBase} unit={metric.unit} />
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
              Whole consortium
            </Typography>
            <CellFigures cell={consortium} unit={metric.unit} />
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <Table size="small" data-testid="supply-base-table">
      <TableHead>
        <TableRow>
          <TableCell>Metric</TableCell>
          <TableCell>{groupName}</TableCell>
          <TableCell>Whole consortium</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ metric, supplyBase, consortium }) => (
          <TableRow key={metric.id} data-testid="supply-base-metric" data-metric={metric.code}>
            <TableCell>
              <Typography variant="body2">{metricLabel(metric)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {metric.unit}
              </Typography>
            </TableCell>
            <TableCell>
              <CellFigures cell={supplyBase} unit={metric.unit} />
            </TableCell>
            <TableCell>
              <CellFigures cell={consortium} unit={metric.unit} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * A customer buyer's supply base against the whole consortium, per metric and published
 * period. The buyer already sees what its suppliers share with it, so its supply base is
 * withheld more often than a public group: each withheld cell says why.
 */
export function SupplyBasePage() {
  const { periods, latest, isPending: periodsPending } = usePublishedPeriods(12);
  const [chosen, setChosen] = useState<string>('');
  const period = periods.find((p) => p.id === chosen) ?? latest;
  const { group, rows, noSupplyBase, isPending, error } = useSupplyBase(period);
  const { identity } = useGetIdentity();
  const organisationId = typeof identity?.organisationId === 'string' ? identity.organisationId : undefined;
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Card data-testid="supply-base-page">
        <Title title="Supply base benchmarks" />
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between' }}>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="h5" component="h1">
                {group?.name ?? 'Your supply base'} against the consortium
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Published aggregates only: no supplier's figure is shown here. Your supply base counts only the suppliers whose figures you do not already see
                through what they share with you, so it is withheld more often than the consortium; each withheld figure says why.
              </Typography>
            </Box>
            <TextField select size="small" label="Period" value={period?.id ?? ''} onChange={(e) => setChosen(e.target.value)} fullWidth={false} sx={{ width: 150 }} data-testid="supply-base-period">
              {periods.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.code}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          {periodsPending || isPending ? (
            <LinearProgress />
          ) : error ? (
            <Alert severity="error">{error instanceof Error ? error.message : 'The benchmarks could not be loaded'}</Alert>
          ) : noSupplyBase ? (
            <Alert severity="info">No supply base is recorded for your organisation yet: it is formed from your supply relationships at the next recompute.</Alert>
          ) : !period ? (
            <Alert severity="info">No period has been published yet.</Alert>
          ) : rows.length === 0 ? (
            <Alert severity="info">No benchmark was computed for {period.code}.</Alert>
          ) : (
            <SupplyBaseTable rows={rows} groupName={group?.name ?? 'Supply base'} />
          )}
        </CardContent>
      </Card>
      <StandingsCard side="customer" organisationId={organisationId} />
    </Box>
  );
}
