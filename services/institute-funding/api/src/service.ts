import { agencyDesk } from '@hamgam/agency-desk';
import { accessLogRoutes, kitAccessLog, type ServiceDefinition } from '@hamgam/service-kit';
import { postEveryCall } from './app/ledger.js';
import { seedFunding } from './app/seed.js';
import { fundingModels } from './data/models.js';
import { serviceName, type InstituteFundingModels } from './deps.js';
import { fundingSubscriptions } from './events/subscriptions.js';
import { fundingRoutes } from './routes/funding.js';

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency: 'institute-funding', roles: ['fund-officer'] });

/**
 * Financial support for private training institutes in the target neighbourhoods: the shared agency desk
 * (service catalogue, referrals, commitments) and the office's own domain — institutes, funding calls,
 * applications, awards whose tranches are released only against outcomes TVTO verified, the disbursement
 * ledger, and the duplicate-benefit check with the Relief Committee. Every read and change of the funded
 * households (and of the desk's referrals) is in its access log, read by auditors only.
 */
export const instituteFundingService: ServiceDefinition<InstituteFundingModels> = {
  name: 'institute-funding',
  roles: ['fund-officer', 'coordinator', 'auditor'],
  models: (connection) => ({ ...desk.models(connection), ...fundingModels(connection) }),
  outboxSources: (models) => [...desk.outboxSources(models), models.applications],
  // The one access log (the desk's model): referrals the desk shows, awards' funded households, duplicate flags.
  routes: (deps) => [...desk.routes(deps), ...fundingRoutes(deps), ...accessLogRoutes(serviceName, kitAccessLog(deps.models.accessLog))],
  subscriptions: (deps) => [...desk.subscriptions(deps), ...fundingSubscriptions(deps)],
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
