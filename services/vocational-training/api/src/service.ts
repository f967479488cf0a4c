import type { ServiceDefinition } from '@hamgam/service-kit';

/** Technical & Vocational Training Organisation: courses, workshop permits, counselling, apprenticeships. Its domain arrives with its own issue; today it boots, answers health checks and /me. */
export const vocationalTrainingService: ServiceDefinition<Record<string, never>> = {
  name: 'vocational-training',
  roles: ['tvto-staff', 'coordinator'],
  models: () => ({}),
  routes: () => [],
};
