import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/** GETs a URL when it changes; `reload()` fetches it again; `replace(data)` puts in an answer the page already has (a change answered with the whole view). */
export function useApi<T>(url: string | null): Loadable<T> & { reload(): void; replace(data: T): void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!url) return;
    let live = true;
    // A reload keeps showing what is there until the new answer comes (no flicker, focus kept).
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    api<T>('GET', url).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'internal') }),
    );
    return () => {
      live = false;
    };
  }, [url, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { ...state, reload, replace };
}

/**
 * For a button or form that calls the API: `run(fn)` marks the action busy, clears the last error,
 * and keeps any error for the page to show (in the reader's language, by code).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
