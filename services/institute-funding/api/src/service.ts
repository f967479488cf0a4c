import type { ServiceDefinition } from '@hamgam/service-kit';

/** Financial support for private training institutes in the target neighbourhoods. Its domain arrives with its own issue; today it boots, answers health checks and /me. */
export const instituteFundingService: ServiceDefinition<Record<string, never>> = {
  name: 'institute-funding',
  roles: ['fund-officer', 'coordinator'],
  models: () => ({}),
  routes: () => [],
};
