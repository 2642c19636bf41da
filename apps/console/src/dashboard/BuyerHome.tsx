import { useMemo } from 'react';
import Typography from '@mui/material/Typography';
import { useGetList } from 'react-admin';
import type { MetricDefinition, MetricValue, Period, SupplyRelationship } from '@tandem/contracts';
import { metricsFor } from '../resources/metric-values/entry/entryModel';
import { errorText, HomeCard, HomeGrid, HomeLine } from './HomeCard';
import { formatDay, plural } from './links';
import { StandingsCard } from './StandingsCard';
import { SupplyBaseCard } from './SupplyBaseCard';

/** Suppliers listed per period; the rest are counted, the entry grid has them all. */
const SHOWN = 5;

/** For one open period, the suppliers the buyer still owes customer-reported figures about. */
function PeriodOwed({ period, customerId, relationships, definitions }: { period: Period; customerId: string; relationships: SupplyRelationship[]; definitions: MetricDefinition[] }) {
  const values = useGetList<MetricValue>('metric-values', {
    filter: { periodId: period.id, customerId },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'createdAt', order: 'ASC' },
  });
  const owed = metricsFor(definitions, 'customer', period);
  const missing = useMemo(() => {
    const reported = new Set((values.data ?? []).filter((v) => v.status === 'submitted' || v.status === 'validated').map((v) => `${v.organisationId} ${v.metricId}`));
    return relationships
      .map((r) => ({ relationship: r, metrics: owed.filter((m) => !reported.has(`${r.supplierId} ${m.id}`)).map((m) => m.code) }))
      .filter((row) => row.metrics.length > 0);
  }, [values.data, relationships, owed]);
  if (values.isPending) return <HomeLine primary={period.code} secondary="checking…" />;
  if (owed.length === 0) return null;
  return (
    <>
      <HomeLine primary={`${period.code}: ${missing.length === 0 ? 'every report sent' : `${plural(missing.length, 'supplier')} to report about`}`} secondary={`due ${formatDay(period.dueOn)}`} />
      {missing.slice(0, SHOWN).map(({ relationship, metrics }) => (
        <HomeLine
          key={relationship.id}
          testId="home-owed"
          to={`/metric-values/create?periodId=${encodeURIComponent(period.id)}&organisationId=${encodeURIComponent(relationship.supplierId)}`}
          primary={relationship.supplierName}
          secondary={`Missing: ${metrics.join(', ')}`}
        />
      ))}
      {missing.length > SHOWN && (
        <Typography variant="caption" color="text.secondary" component="div">
          and {plural(missing.length - SHOWN, 'more supplier')}
        </Typography>
      )}
    </>
  );
}

function ReportsOwedCard({ customerId }: { customerId: string | undefined }) {
  const open = useGetList<Period>('periods', { filter: { state: 'open' }, sort: { field: 'dueOn', order: 'ASC' }, pagination: { page: 1, perPage: 3 } });
  const relationships = useGetList<SupplyRelationship>(
    'supply-relationships',
    { filter: { customerId }, pagination: { page: 1, perPage: 200 }, sort: { field: 'since', order: 'ASC' } },
    { enabled: Boolean(customerId) },
  );
  const definitions = useGetList<MetricDefinition>('metric-definitions', { filter: { enabled: true }, pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } });
  const error = open.error ?? relationships.error ?? definitions.error;
  return (
    <HomeCard
      title="Reports you owe"
      testId="home-reports-owed"
      loading={!customerId || open.isPending || relationships.isPending || definitions.isPending}
      error={errorText(error)}
      to="/metric-values/create"
      linkText="Report about a supplier"
    >
      {customerId &&
        (open.data ?? []).map((period) => (
          <PeriodOwed key={period.id} period={period} customerId={customerId} relationships={relationships.data ?? []} definitions={definitions.data ?? []} />
        ))}
      {open.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No period is open for reporting.
        </Typography>
      )}
    </HomeCard>
  );
}

/** Customer buyers: where each supplier stands and what changed, the reports still owed, and the supply base against the consortium. */
export function BuyerHome({ organisationId }: { organisationId: string | undefined }) {
  return (
    <HomeGrid>
      <StandingsCard side="customer" organisationId={organisationId} />
      <ReportsOwedCard customerId={organisationId} />
      <SupplyBaseCard />
    </HomeGrid>
  );
}
