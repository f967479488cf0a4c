import { ApiError, keepPreviousData, useApi, useQuery } from '@hamgam/ui-kit';
import type { RemoteModuleConfig } from '../config';
import { serviceOf, type ServiceWork, type WorkItem } from './work';

/** How often the home and the bell ask again while open: new referrals and assignments show within a minute. */
export const WORK_REFRESH_MS = 60_000;

/**
 * The user's work in every service their roles reach (the modules they may open), read together under one
 * cached query that the home and the bell share; `since` (when the user last marked the bell seen) asks each
 * service how many of each kind are new. A service that cannot be read is marked failed; the others still answer.
 */
export function useMyWork(modules: readonly RemoteModuleConfig[], since: string | null) {
  const api = useApi();
  const query = since ? `?since=${encodeURIComponent(since)}` : '';
  const served = modules.flatMap((module) => {
    const service = serviceOf(module);
    return service ? [{ module, service }] : [];
  });
  return useQuery({
    queryKey: ['shell', 'work', served.map((s) => s.service), since],
    queryFn: (): Promise<ServiceWork[]> =>
      Promise.all(
        served.map(({ module, service }) =>
          api.get<WorkItem[]>(`/${service}/v1/work${query}`).then(
            (items) => ({ module, service, items, failed: false }),
            // A service of a version without the route (404, while a deployment rolls) has nothing to list yet;
            // any other failure is said on the home, so no one takes a silent service for an empty desk.
            (error: unknown) => ({ module, service, items: [], failed: !(error instanceof ApiError && error.status === 404) }),
          ),
        ),
      ),
    refetchInterval: WORK_REFRESH_MS,
    // Marking seen changes the key: the counts on screen stay until the new answer replaces them.
    placeholderData: keepPreviousData,
    enabled: served.length > 0,
  });
}
