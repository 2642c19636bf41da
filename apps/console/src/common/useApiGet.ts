import { useCallback, useEffect, useState } from 'react';
import { httpClient } from '../providers/httpClient';
import { errorMessage } from './api';

export type ApiState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; data: T };

/**
 * GET of a sub-resource that is not a simple-REST list (no Content-Range), e.g. a
 * relationship's standing history or a value's revisions.
 */
export function useApiGet<T>(url: string | null): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (!url) return;
    let live = true;
    httpClient(url)
      .then(({ json }) => live && setState({ status: 'ok', data: json as T }))
      .catch((error: unknown) => live && setState({ status: 'error', message: errorMessage(error, 'Could not load') }));
    return () => {
      live = false;
    };
  }, [url, version]);
  return { ...state, reload };
}
