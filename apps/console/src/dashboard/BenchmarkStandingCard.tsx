import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, useGetList } from 'react-admin';
import type { BenchmarkCell, BenchmarkStanding } from '@tandem/contracts';
import { benchmarkFigure, byKey, percentileText, reasonText, vsMedianText } from '../benchmarks/benchmarkModel';
import { QuartileChip } from '../benchmarks/QuartileChip';
import { useMetrics, usePeerGroups, usePublishedPeriods } from '../benchmarks/useBenchmarks';
import { errorText, HomeCard } from './HomeCard';
import { listLink } from './links';

/**
 * Where the firm stands in the whole consortium in the latest published period, per metric:
 * its value, quartile, percentile rank and distance from the median, each opening the metric's
 * page (other groups, the distribution, the trend). Every figure is the API's.
 */
export function BenchmarkStandingCard({ organisationId }: { organisationId: string | undefined }) {
  const { latest, isPending: periodsPending, error: periodsError } = usePublishedPeriods(1);
  const consortium = usePeerGroups({ kind: 'consortium' });
  const group = consortium.groups[0];
  const filter = { organisationId, periodId: latest?.id, peerGroupId: group?.id };
  const ready = Boolean(organisationId && latest && group);
  const standings = useGetList<BenchmarkStanding>('standings', { filter, pagination: { page: 1, perPage: 100 } }, { enabled: ready });
  const cells = useGetList<BenchmarkCell>('benchmark-cells', { filter: { periodId: latest?.id, peerGroupId: group?.id }, pagination: { page: 1, perPage: 100 } }, { enabled: ready });
  const { metricById, isPending: metricsPending } = useMetrics();
  const cellByMetric = byKey(cells.data, (c) => c.metricId);
  const rows = (standings.data ?? [])
    .map((s) => ({ standing: s, metric: metricById.get(s.metricId), cell: cellByMetric.get(s.metricId) }))
    .sort((a, b) => (a.metric?.code ?? '').localeCompare(b.metric?.code ?? ''));
  const loading = !organisationId || periodsPending || consortium.isPending || metricsPending || (ready && (standings.isPending || cells.isPending));
  return (
    <HomeCard
      title={latest ? `My standing in the consortium · ${latest.code}` : 'My standing in the consortium'}
      testId="home-benchmark-standing"
      loading={loading}
      error={errorText(periodsError ?? consortium.error ?? standings.error ?? cells.error)}
      to={listLink('standings', latest ? { periodId: latest.id } : {})}
      linkText="Open my standing in every group"
    >
      {rows.map(({ standing, metric, cell }) => (
        <Box key={standing.id} sx={{ py: 0.75, borderTop: '1px solid', borderColor: 'divider', minWidth: 0 }} data-testid="home-benchmark-metric" data-metric={metric?.code}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
              <Link to={`/standings/${standing.id}/show`}>{metric ? `${metric.code} · ${metric.name}` : '…'}</Link>
            </Typography>
            <QuartileChip quartile={standing.quartile} reason={standing.reason} />
          </Box>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
            you {benchmarkFigure(standing.value, metric?.unit)}
            {standing.suppressed || !cell || cell.suppressed
              ? ` · ${reasonText(standing.reason ?? cell?.reason ?? null).toLowerCase()}`
              : ` · ${percentileText(standing.percentileRank)} · ${vsMedianText(standing.value, cell.median, metric)}`}
          </Typography>
        </Box>
      ))}
      {!loading && rows.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {latest ? `No benchmark of yours in ${latest.code}: only validated values enter.` : 'No period has been published yet.'}
        </Typography>
      )}
    </HomeCard>
  );
}
