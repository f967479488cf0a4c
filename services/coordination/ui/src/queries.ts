import { useApiQuery, type QueryKey } from '@hamgam/ui-kit';
import { useCoordinationApi } from './api';

/** The module's cache keys: every one starts with the service, so a command can refresh what it changed by prefix. */
export const keys = {
  all: ['coordination'] as QueryKey,
  neighbourhoods: ['coordination', 'neighbourhoods'] as QueryKey,
  agencies: ['coordination', 'agencies'] as QueryKey,
  priorities: ['coordination', 'priorities'] as QueryKey,
  board: (neighbourhoodId: string): QueryKey => ['coordination', 'board', neighbourhoodId],
  meetings: ['coordination', 'meetings'] as QueryKey,
  meeting: (id: string): QueryKey => ['coordination', 'meeting', id],
  commitments: ['coordination', 'commitments'] as QueryKey,
};

/** Reference data: changes when a clinic publishes, so read it at most every five minutes. */
const referenceFreshFor = 5 * 60_000;

/** Every neighbourhood of the hierarchy the user may read (from the API; never hard-coded in the UI), or those whose name has `q`. */
export function useNeighbourhoods(q = '') {
  const api = useCoordinationApi();
  return useApiQuery(q ? [...keys.neighbourhoods, { q }] : keys.neighbourhoods, () => api.neighbourhoods(q || undefined), {
    module: 'coordination',
    staleTime: referenceFreshFor,
  });
}

/** Each neighbourhood's latest published priorities the user may read. */
export function usePriorities(options: { enabled?: boolean } = {}) {
  const api = useCoordinationApi();
  return useApiQuery(keys.priorities, () => api.priorities(), { module: 'coordination', staleTime: referenceFreshFor, ...options });
}

/** The programme's agencies by name (from the API), for the forms that pick or invite them. */
export function useAgencies() {
  const api = useCoordinationApi();
  return useApiQuery(keys.agencies, () => api.agencies(), { module: 'coordination', staleTime: referenceFreshFor });
}
