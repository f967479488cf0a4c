import type { ServiceDefinition } from '@hamgam/service-kit';

/** Relief Committee and Basij Construction: home-business support and construction projects. Its domain arrives with its own issue; today it boots, answers health checks and /me. */
export const reliefPartnershipsService: ServiceDefinition<Record<string, never>> = {
  name: 'relief-partnerships',
  roles: ['relief-officer', 'basij-liaison', 'coordinator'],
  models: () => ({}),
  routes: () => [],
};
