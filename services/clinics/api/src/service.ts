import { accessLogRoutes, type ServiceDefinition } from '@hamgam/service-kit';
import { clinicsAccessLog } from './app/access-log.js';
import { clinicsConfigSchema, type ClinicsConfig } from './config.js';
import { clinicsModels } from './data/models.js';
import { agency, clinicReaders, type ClinicsModels } from './deps.js';
import { seedClinicsDemo } from './data/demo.js';
import { seedReferralsDemo } from './data/demo-referrals.js';
import { upsertReferencePlaces } from './data/reference.js';
import { catalogueSubscriptions } from './events/catalogue.js';
import { journeySubscriptions } from './events/journey.js';
import { referralAnswerSubscriptions } from './events/referral-answers.js';
import { assessmentRoutes } from './routes/assessments.js';
import { draftRoutes } from './routes/drafts.js';
import { neighbourhoodRoutes } from './routes/neighbourhood.js';
import { residentRoutes } from './routes/residents.js';
import { calendarRoutes } from './routes/calendar.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { placeRoutes } from './routes/places.js';
import { priorityRoutes } from './routes/priorities.js';
import { referralRoutes } from './routes/referrals.js';
import { timelineRoutes } from './routes/timeline.js';
import { trackingRoutes } from './routes/tracking.js';
import { workRoutes } from './routes/work.js';

/** Social-work clinics: the hub where residents' needs are assessed and ranked. */
export const clinicsService: ServiceDefinition<ClinicsModels, ClinicsConfig> = {
  name: agency,
  config: clinicsConfigSchema,
  roles: clinicReaders,
  models: clinicsModels,
  outboxSources: (models) => [models.priorityLists, models.referrals],
  routes: (deps) => [
    ...placeRoutes(deps.models),
    ...assessmentRoutes(deps.models),
    ...priorityRoutes(deps),
    ...neighbourhoodRoutes(deps.models),
    ...residentRoutes(deps),
    ...draftRoutes(deps),
    ...catalogueRoutes(deps.models),
    ...referralRoutes(deps),
    ...trackingRoutes(deps),
    ...timelineRoutes(deps),
    ...calendarRoutes(deps),
    ...workRoutes(deps),
    ...accessLogRoutes(agency, clinicsAccessLog(deps.models)),
  ],
  subscriptions: (deps) => [...catalogueSubscriptions(deps), ...referralAnswerSubscriptions(deps), ...journeySubscriptions(deps)],
  reference: upsertReferencePlaces,
  seedDemo: async (deps) => {
    await seedClinicsDemo(deps);
    await seedReferralsDemo(deps);
  },
};
