import { accessLogRoutes, kitAccessLog, type ServiceDefinition } from '@hamgam/service-kit';
import { agency, desk, reliefReaders, type ReliefDeps, type ReliefModels } from './deps.js';
import { fillRequestNumbers, reconcileReferrals } from './app/support.js';
import { reliefModels } from './data/models.js';
import { seedRelief } from './data/demo.js';
import { benefitSubscriptions } from './events/benefits.js';
import { certificateSubscriptions } from './events/certificates.js';
import { permitSubscriptions } from './events/permits.js';
import { welfareFlagSubscriptions } from './events/welfare-flags.js';
import { agreementRoutes } from './routes/agreements.js';
import { projectRoutes } from './routes/projects.js';
import { supportRoutes } from './routes/support.js';
import { workRoutes } from './routes/work.js';

/**
 * Relief Committee and Basij Construction: the shared desk, plus home-business support requests
 * (eligibility from TVTO's certificates and welfare's flags, decision, disbursement, repayments,
 * follow-up, duplicate-benefit check), Basij construction projects, and the partnership agreements
 * and joint meetings.
 */
export const reliefPartnershipsService: ServiceDefinition<ReliefModels> = {
  name: agency,
  roles: reliefReaders,
  models: (connection) => ({ ...desk.models(connection), ...reliefModels(connection) }),
  outboxSources: (models) => [...desk.outboxSources(models), models.supportRequests],
  routes: (deps) => [
    ...desk.routes(deps),
    ...supportRoutes(deps),
    ...projectRoutes(deps),
    ...agreementRoutes(deps),
    ...workRoutes(deps),
    ...accessLogRoutes(agency, kitAccessLog(deps.models.accessLog)),
  ],
  subscriptions: (deps) => [
    ...desk.subscriptions(deps),
    ...certificateSubscriptions(deps),
    ...welfareFlagSubscriptions(deps),
    ...benefitSubscriptions(deps),
    ...permitSubscriptions(deps),
  ],
  // Before requests and events: the desk repairs its seats, then every disbursed request's referral is completed.
  reference: async (models, deps) => {
    await desk.reference(models, deps);
    await reconcileReferrals({ ...deps, flushOutbox: () => undefined } as ReliefDeps);
    await fillRequestNumbers({ models });
  },
  seedDemo: async (deps) => {
    await desk.seedDemo(deps);
    await seedRelief(deps);
  },
};
