import { useMemo } from 'react';
import { useGetList, useGetMany } from 'react-admin';
import type { Period, Scorecard, SupplyRelationship } from '@tandem/contracts';
import { errorText } from './HomeCard';

export interface StandingRow {
  relationshipId: string;
  /** the other side: a supplier's customer, a buyer's supplier */
  counterpartName: string;
  latest: Scorecard;
  latestPeriod: Period | undefined;
  previous: Scorecard | undefined;
  previousPeriod: Period | undefined;
}

/**
 * The latest scorecard of each of the user's supply relationships and the one of the period
 * before it, as the API scored them (nothing is computed here but which one is newest).
 */
export function useLatestStandings(side: 'supplier' | 'customer', organisationId: string | undefined) {
  const filter = side === 'supplier' ? { supplierId: organisationId } : { customerId: organisationId };
  const relationships = useGetList<SupplyRelationship>(
    'supply-relationships',
    { filter, pagination: { page: 1, perPage: 200 }, sort: { field: 'since', order: 'ASC' } },
    { enabled: Boolean(organisationId) },
  );
  const scorecards = useGetList<Scorecard>(
    'scorecards',
    { filter, pagination: { page: 1, perPage: 200 }, sort: { field: 'computedAt', order: 'DESC' } },
    { enabled: Boolean(organisationId) },
  );
  const periodIds = useMemo(() => [...new Set((scorecards.data ?? []).map((s) => s.periodId))], [scorecards.data]);
  const periods = useGetMany<Period>('periods', { ids: periodIds }, { enabled: periodIds.length > 0 });

  const rows = useMemo<StandingRow[]>(() => {
    const periodById = new Map((periods.data ?? []).map((p) => [p.id, p]));
    const startsOn = (s: Scorecard) => periodById.get(s.periodId)?.startsOn ?? '';
    const byRelationship = new Map<string, Scorecard[]>();
    for (const s of scorecards.data ?? []) byRelationship.set(s.relationshipId, [...(byRelationship.get(s.relationshipId) ?? []), s]);
    return (relationships.data ?? []).flatMap((r) => {
      const cards = [...(byRelationship.get(r.id) ?? [])].sort((a, b) => startsOn(b).localeCompare(startsOn(a)));
      const [latest, previous] = cards;
      if (!latest) return [];
      return [
        {
          relationshipId: r.id,
          counterpartName: side === 'supplier' ? r.customerName : r.supplierName,
          latest,
          latestPeriod: periodById.get(latest.periodId),
          previous,
          previousPeriod: previous ? periodById.get(previous.periodId) : undefined,
        },
      ];
    });
  }, [relationships.data, scorecards.data, periods.data, side]);

  const error = relationships.error ?? scorecards.error ?? periods.error;
  return {
    rows,
    relationships: relationships.data ?? [],
    loading: relationships.isPending || scorecards.isPending || (periodIds.length > 0 && periods.isPending),
    error: errorText(error),
  };
}
