import { agencyDesk } from '@hamgam/agency-desk';
import type { ServiceDefinition } from '@hamgam/service-kit';
import { postEveryCall } from './app/ledger.js';
import { seedFunding } from './app/seed.js';
import { fundingModels } from './data/models.js';
import type { InstituteFundingModels } from './deps.js';
import { fundingSubscriptions } from './events/subscriptions.js';
import { fundingRoutes } from './routes/funding.js';

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency: 'institute-funding', roles: ['fund-officer'] });

/**
 * Financial support for private training institutes in the target neighbourhoods: the shared agency desk
 * (service catalogue, referrals, commitments) and the office's own domain — institutes, funding calls,
 * applications, awards whose tranches are released only against outcomes TVTO verified, the disbursement
 * ledger, and the duplicate-benefit check with the Relief Committee.
 */
export const instituteFundingService: ServiceDefinition<InstituteFundingModels> = {
  name: 'institute-funding',
  roles: ['fund-officer', 'coordinator', 'auditor'],
  models: (connection) => ({ ...desk.models(connection), ...fundingModels(connection) }),
  outboxSources: (models) => [...desk.outboxSources(models), models.applications],
  routes: (deps) => [...desk.routes(deps), ...fundingRoutes(deps)],
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
