import Typography from '@mui/material/Typography';
import { cellPhrase, useSupplyBase } from '../benchmarks/SupplyBase';
import { usePublishedPeriods } from '../benchmarks/useBenchmarks';
import { errorText, HomeCard, HomeLine } from './HomeCard';

/** The buyer's supply base against the whole consortium in the latest published period, per metric. */
export function SupplyBaseCard() {
  const { latest, isPending: periodsPending, error: periodsError } = usePublishedPeriods(1);
  const { rows, noSupplyBase, isPending, error } = useSupplyBase(latest);
  return (
    <HomeCard
      title={latest ? `Supply base against the consortium · ${latest.code}` : 'Supply base against the consortium'}
      testId="home-supply-base"
      loading={periodsPending || isPending}
      error={errorText(periodsError ?? error)}
      to="/supply-base"
      linkText="Open supply base benchmarks"
    >
      {rows.map(({ metric, supplyBase, consortium }) => (
        <HomeLine
          key={metric.id}
          testId="home-supply-base-metric"
          primary={`${metric.code} · ${metric.name}`}
          secondary={`Supply base: ${cellPhrase(supplyBase, metric.unit)} · consortium: ${cellPhrase(consortium, metric.unit)}`}
        />
      ))}
      {!periodsPending && !isPending && rows.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {noSupplyBase ? 'No supply base is recorded for your organisation yet.' : latest ? `No benchmark was computed for ${latest.code}.` : 'No period has been published yet.'}
        </Typography>
      )}
    </HomeCard>
  );
}
