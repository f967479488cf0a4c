import type { ServiceDefinition } from '@hamgam/service-kit';

/** Welfare Organisation (Behzisti): households' social-work cases and eligibility flags. Its domain arrives with its own issue; today it boots, answers health checks and /me. */
export const welfareService: ServiceDefinition<Record<string, never>> = {
  name: 'welfare',
  roles: ['welfare-officer', 'coordinator'],
  models: () => ({}),
  routes: () => [],
};
