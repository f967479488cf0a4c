import { accessLogRoutes, kitAccessLog, type ServiceDefinition } from '@hamgam/service-kit';
import { reconcileMasterSeats } from './app/apprenticeships.js';
import { reconcileCourseSeats } from './app/courses.js';
import { closeAnsweredReferrals } from './app/reconcile.js';
import { sealPermitApplicants } from './app/permit-sealing.js';
import { seedTvto } from './data/demo.js';
import { tvtoConfigSchema, type TvtoConfig } from './config.js';
import { tvtoModels } from './data/models.js';
import { agency, desk, type VtModels } from './deps.js';
import { apprenticeshipRoutes } from './routes/apprenticeships.js';
import { counsellingRoutes } from './routes/counselling.js';
import { courseRoutes } from './routes/courses.js';
import { permitRoutes } from './routes/permits.js';
import { workRoutes } from './routes/work.js';

/**
 * Technical & Vocational Training Organisation: the shared agency desk (its service catalogue, the
 * referrals the clinics send it, its commitments) and its own domain — courses and enrolments (each
 * course also a desk offer), workshop permits with a public tracking lookup, career counselling at the
 * clinics, apprenticeships with guild masters.
 */
export const vocationalTrainingService: ServiceDefinition<VtModels, TvtoConfig> = {
  name: agency,
  config: tvtoConfigSchema,
  roles: ['tvto-staff', 'coordinator', 'auditor'],
  models: (connection) => ({ ...desk.models(connection), ...tvtoModels(connection) }),
  outboxSources: (models) => [...desk.outboxSources(models), models.enrolments, models.permits],
  routes: (deps) => [
    ...desk.routes(deps),
    ...courseRoutes(deps),
    ...permitRoutes(deps),
    ...counsellingRoutes(deps),
    ...apprenticeshipRoutes(deps),
    ...workRoutes(deps),
    ...accessLogRoutes(agency, kitAccessLog(deps.models.accessLog)),
  ],
  subscriptions: desk.subscriptions,
  reference: async (models, deps) => {
    await desk.reference(models, deps);
    await reconcileCourseSeats(deps);
    await reconcileMasterSeats(deps);
    await closeAnsweredReferrals(deps);
    await sealPermitApplicants(deps);
  },
  seedDemo: async (deps) => {
    await desk.seedDemo(deps);
    await seedTvto(deps);
  },
};
