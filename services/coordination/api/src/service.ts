import type { ServiceDefinition } from '@hamgam/service-kit';
import { seedCoordinationDemo } from './data/demo.js';
import { coordinationModels } from './data/models.js';
import { agency, programmeReaders, type CoordinationModels } from './deps.js';
import { commitmentSubscriptions } from './events/commitments.js';
import { onPriorityPublished } from './events/priority-published.js';
import { boardRoutes } from './routes/board.js';
import { commitmentRoutes } from './routes/commitments.js';
import { meetingRoutes } from './routes/meetings.js';
import { priorityRoutes } from './routes/priorities.js';
import { referenceRoutes } from './routes/reference.js';
import { workRoutes } from './routes/work.js';

/**
 * The regeneration HQ's view of the whole programme: working group, commitments, board.
 *
 * It keeps no access log because it holds no personal data: no resident or household ever reaches it.
 * The clinics' priorities come as counts per need (`households` is a number); meetings and resolutions
 * name neighbourhoods and agencies; action items and commitments are agencies' work, their `evidence` by
 * contract a report number or list reference with no personal data; the representative takes part as a
 * yes/no. The only people named are the staff who wrote a record, as users. Minutes and resolutions are
 * the working group's words about the neighbourhood, never a case: a resident's matter stays with the
 * clinic and the agency serving them (whose access logs hold it).
 */
export const coordinationService: ServiceDefinition<CoordinationModels> = {
  name: agency,
  roles: programmeReaders,
  models: coordinationModels,
  outboxSources: (models) => [models.meetings, models.commitments],
  routes: (deps) => [
    ...priorityRoutes(deps.models),
    ...referenceRoutes(),
    ...meetingRoutes(deps),
    ...commitmentRoutes(deps),
    ...boardRoutes(deps),
    ...workRoutes(deps),
  ],
  subscriptions: (deps) => [onPriorityPublished(deps.models, deps.locks), ...commitmentSubscriptions(deps)],
  seedDemo: seedCoordinationDemo,
};
