import { accessLogRoutes, kitAccessLog, type ServiceDefinition } from '@hamgam/service-kit';
import { completeClosedReferrals } from './app/closing.js';
import { fillFileNumbers } from './app/file-numbers.js';
import { welfareModels } from './data/models.js';
import { seedWelfare } from './data/demo.js';
import { agency, desk, summaryReaders, type Models, type WelfareDeps } from './deps.js';
import { caseRoutes } from './routes/cases.js';
import { workRoutes } from './routes/work.js';

/**
 * Welfare Organisation (Behzisti): the shared agency desk (its service catalogue, the referrals the
 * clinics send it, its commitments) and its own domain — households' social-work cases (assessment,
 * plan, follow-up visits, closure), each in one case worker's caseload, and the eligibility flags other
 * agencies rely on (published as events: the household's opaque id, the flag and its validity only).
 */
export const welfareService: ServiceDefinition<Models> = {
  name: agency,
  roles: summaryReaders,
  models: (connection) => ({ ...desk.models(connection), ...welfareModels(connection) }),
  outboxSources: (models) => [...desk.outboxSources(models), models.cases],
  routes: (deps) => [
    ...desk.routes(deps),
    ...caseRoutes(deps),
    ...workRoutes(deps),
    ...accessLogRoutes(agency, kitAccessLog(deps.models.accessLog)),
  ],
  subscriptions: (deps) => desk.subscriptions(deps),
  reference: async (models, deps) => {
    await desk.reference(models, deps);
    // Before this replica serves: a case closed while its referral's completion was interrupted completes it now
    // (under the same leases as requests, since other replicas may be serving).
    await completeClosedReferrals(deps as WelfareDeps);
    await fillFileNumbers({ models });
  },
  seedDemo: async (deps) => {
    await desk.seedDemo(deps);
    await seedWelfare(deps);
  },
};
