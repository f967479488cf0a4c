import { Loading } from '@hamgam/ui-kit';
import { lazy, Suspense, useCallback, useState, type ComponentType } from 'react';
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

const lazyRemotes = new Map<string, ComponentType<object>>();

/** One lazy component per remote module and attempt: a retry gets a fresh one, re-renders do not. */
function lazyRemote(id: string, attempt: number): ComponentType<object> {
  const key = `${id}#${attempt}`;
  let component = lazyRemotes.get(key);
  if (!component) {
    component = lazy(() => loadComponent<object>(id));
    lazyRemotes.set(key, component);
  }
  return component;
}

/**
 * Renders one exposed component of a remote. Loading failures come back from the fallback
 * runtime plugin as a fallback card; render errors are caught by the boundary. Retry builds a
 * new lazy component and boundary, so the remote is fetched and mounted afresh.
 */
export function RemoteView({ remote, expose, props }: RemoteViewProps) {
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const Remote = lazyRemote(`${remote}/${expose}`, attempt);
  return (
    <RemoteRetryContext value={retry}>
      <RemoteErrorBoundary key={attempt} name={remote}>
        <Suspense fallback={<Loading />}>
          {/* eslint-disable-next-line react-hooks/static-components -- remotes are known only at run time; lazyRemote returns the same component until a retry */}
          <Remote {...props} />
        </Suspense>
      </RemoteErrorBoundary>
    </RemoteRetryContext>
  );
}
