import type { ServiceDefinition } from '@hamgam/service-kit';
import { coordinationModels, type CoordinationModels } from './data/models.js';
import { onPriorityPublished } from './events/priority-published.js';
import { priorityRoutes } from './routes/priorities.js';

/** The regeneration HQ's view of the whole programme. */
export const coordinationService: ServiceDefinition<CoordinationModels> = {
  name: 'coordination',
  roles: ['coordinator', 'auditor', 'representative'],
  models: coordinationModels,
  routes: ({ models }) => priorityRoutes(models),
  subscriptions: ({ models, locks }) => [onPriorityPublished(models, locks)],
};
