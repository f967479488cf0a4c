import { Loading } from '@hamgam/ui-kit';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { loadComponent } from './federation';
import { RemoteErrorBoundary } from './RemoteErrorBoundary';
import { RemoteRetryContext } from './RemoteFallback';

export interface RemoteViewProps {
  /** Module Federation name of the remote, e.g. "clinics". */
  remote: string;
  expose: 'App' | 'HomeWidget';
  /** Props for the exposed component, e.g. `{ basePath }` for an App. */
  props: object;
}

/**
 * Renders one exposed component of a remote. Loading failures come back from the fallback
 * runtime plugin as a fallback card; render errors are caught by the boundary. Retry builds a
 * new lazy component and boundary, so the remote is fetched and mounted afresh.
 */
export function RemoteView({ remote, expose, props }: RemoteViewProps) {
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const Remote = useMemo(
    () => lazy(() => loadComponent<object>(`${remote}/${expose}`)),
    // `attempt` is only here to get a fresh lazy() after a retry.
    [remote, expose, attempt],
  );
  return (
    <RemoteRetryContext value={retry}>
      <RemoteErrorBoundary key={attempt} name={remote}>
        <Suspense fallback={<Loading />}>
          <Remote {...props} />
        </Suspense>
      </RemoteErrorBoundary>
    </RemoteRetryContext>
  );
}
