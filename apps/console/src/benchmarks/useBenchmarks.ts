import { useGetList } from 'react-admin';
import type { MetricDefinition, PeerGroup, Period } from '@tandem/contracts';
import { byKey } from './benchmarkModel';

/** Periods a member can read benchmarks of (published, with benchmarks released), newest first. */
export function usePublishedPeriods(perPage = 12) {
  const { data, isPending, error } = useGetList<Period>('periods', { filter: { state: 'published', benchmarked: true }, sort: { field: 'startsOn', order: 'DESC' }, pagination: { page: 1, perPage } });
  return { periods: data ?? [], latest: data?.[0], isPending, error };
}

/** The enabled metrics, by id. */
export function useMetrics() {
  const { data, isPending, error } = useGetList<MetricDefinition>('metric-definitions', { filter: { enabled: true }, sort: { field: 'code', order: 'ASC' }, pagination: { page: 1, perPage: 200 } });
  return { metrics: data ?? [], metricById: byKey(data, (m) => m.id), isPending, error };
}

/** The peer groups the reader may name (a supply base only to its customer, custom groups only to staff), by id. */
export function usePeerGroups(filter: Record<string, unknown> = {}) {
  const { data, isPending, error } = useGetList<PeerGroup>('peer-groups', { filter, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 200 } });
  return { groups: data ?? [], groupById: byKey(data, (g) => g.id), isPending, error };
}
