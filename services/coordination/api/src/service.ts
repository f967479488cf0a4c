import type { ServiceDefinition } from '@hamgam/service-kit';
import { coordinationModels, type CoordinationModels } from './data/models.js';
import { seedCoordinationDemo } from './data/demo.js';
import { commitmentSubscriptions } from './events/commitments.js';
import { onPriorityPublished } from './events/priority-published.js';
import { programmeReaders } from './routes/access.js';
import { boardRoutes } from './routes/board.js';
import { commitmentRoutes } from './routes/commitments.js';
import { meetingRoutes } from './routes/meetings.js';
import { priorityRoutes } from './routes/priorities.js';

/** The regeneration HQ's view of the whole programme: working group, commitments, board. */
export const coordinationService: ServiceDefinition<CoordinationModels> = {
  name: 'coordination',
  roles: programmeReaders,
  models: coordinationModels,
  outboxSources: (models) => [models.meetings],
  routes: (deps) => [...priorityRoutes(deps.models), ...meetingRoutes(deps), ...commitmentRoutes(deps), ...boardRoutes(deps)],
  subscriptions: (deps) => [onPriorityPublished(deps.models, deps.locks), ...commitmentSubscriptions(deps)],
  seedDemo: seedCoordinationDemo,
};
