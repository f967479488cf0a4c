import { useCallback, useEffect, useState, type DependencyList } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Runs `fn` again, e.g. after a save or from a retry button. */
  reload(): void;
}

/**
 * Runs `fn` whenever `deps` change; answers to superseded runs are ignored.
 * @deprecated Use `useApiQuery` (TanStack Query, one shared cache): same `data`/`error`/`loading`/`reload`.
 */
export function useAsync<T>(fn: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [run, setRun] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    fn().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `fn` is a fresh closure on every render; callers list what it depends on in `deps`.
  }, [...deps, run]);

  const reload = useCallback(() => setRun((n) => n + 1), []);
  return { ...state, reload };
}
