import { useEffect, useState } from 'react';
import type { DashboardCounts } from '@tandem/contracts';
import { httpClient } from '../providers/httpClient';

export type DashboardState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; counts: DashboardCounts };

/** Counts are aggregated by the API (scoped to the caller's consortium), never in the browser. */
export function useDashboardCounts(enabled: boolean): DashboardState {
  const [state, setState] = useState<DashboardState>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    httpClient('/api/dashboard')
      .then(({ json }) => !cancelled && setState({ status: 'ready', counts: json as DashboardCounts }))
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: error instanceof Error ? error.message : 'Could not load the dashboard' });
      });
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return state;
}
