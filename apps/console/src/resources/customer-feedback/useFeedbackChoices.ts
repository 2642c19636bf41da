import { useMemo } from 'react';
import { useGetIdentity, useGetList } from 'react-admin';
import type { Period, SupplyRelationship } from '@tandem/contracts';

/** A period whose answers are still being collected: open and never closed (the API's rule). */
export const isCollecting = (p: Pick<Period, 'state' | 'reopenCount'>): boolean => p.state === 'open' && p.reopenCount === 0;

/** The reader's customers (its supply relationships as supplier), by id, for names and choices. */
export function useMyCustomers() {
  const { identity } = useGetIdentity();
  const organisationId = typeof identity?.organisationId === 'string' ? identity.organisationId : undefined;
  const { data, isPending } = useGetList<SupplyRelationship>(
    'supply-relationships',
    { filter: { supplierId: organisationId }, pagination: { page: 1, perPage: 200 }, sort: { field: 'createdAt', order: 'ASC' } },
    { enabled: Boolean(organisationId) },
  );
  const byId = useMemo(() => new Map((data ?? []).map((r) => [r.customerId, r.customerName])), [data]);
  const choices = useMemo(() => [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)), [byId]);
  return { byId, choices, isPending };
}

/** Periods newest first (at most the last 40). */
export function usePeriods() {
  // periods that have begun: nobody answers about, or reads a summary of, a period set up ahead
  const { data, isPending, error } = useGetList<Period>('periods', { pagination: { page: 1, perPage: 40 }, sort: { field: 'startsOn', order: 'DESC' }, filter: { started: true } });
  return { periods: data ?? [], isPending, error };
}
