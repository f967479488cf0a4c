import { accessLogRoutes, kitAccessLog, type ServiceDefinition } from '@hamgam/service-kit';
import { postEveryCall } from './app/ledger.js';
import { seedFunding } from './data/demo.js';
import { fundingModels } from './data/models.js';
import { agency, desk, readers, type InstituteFundingModels } from './deps.js';
import { enrolmentSubscriptions } from './events/enrolments.js';
import { reliefBenefitSubscription } from './events/relief-benefits.js';
import { applicationRoutes } from './routes/applications.js';
import { awardRoutes } from './routes/awards.js';
import { callRoutes } from './routes/calls.js';
import { duplicateFlagRoutes } from './routes/duplicate-flags.js';
import { instituteRoutes } from './routes/institutes.js';
import { ledgerRoutes } from './routes/ledger.js';
import { workRoutes } from './routes/work.js';

/**
 * Financial support for private training institutes in the target neighbourhoods: the shared agency desk
 * (service catalogue, referrals, commitments) and the office's own domain — institutes, funding calls,
 * applications, awards whose tranches are released only against outcomes TVTO verified, the disbursement
 * ledger, and the duplicate-benefit check with the Relief Committee. Every read and change of the funded
 * households (and of the desk's referrals) is in its access log, read by auditors only.
 */
export const instituteFundingService: ServiceDefinition<InstituteFundingModels> = {
  name: agency,
  roles: readers,
  models: (connection) => ({ ...desk.models(connection), ...fundingModels(connection) }),
  outboxSources: (models) => [...desk.outboxSources(models), models.applications],
  // The one access log (the desk's model): referrals the desk shows, awards' funded households, duplicate flags.
  routes: (deps) => [
    ...desk.routes(deps),
    ...instituteRoutes(deps),
    ...callRoutes(deps),
    ...applicationRoutes(deps),
    ...awardRoutes(deps),
    ...ledgerRoutes(deps),
    ...duplicateFlagRoutes(deps),
    ...workRoutes(deps),
    ...accessLogRoutes(agency, kitAccessLog(deps.models.accessLog)),
  ],
  subscriptions: (deps) => [...desk.subscriptions(deps), ...enrolmentSubscriptions(deps), reliefBenefitSubscription(deps)],
  reference: async (models, deps) => {
    await desk.reference(models, deps);
    // A money step whose posting was lost between its two writes is posted now.
    await postEveryCall({ models });
  },
  seedDemo: async (deps) => {
    await desk.seedDemo(deps);
    await seedFunding(deps);
  },
};
