import type { ServiceDefinition } from '@hamgam/service-kit';
import { clinicsModels, type ClinicsModels } from './data/models.js';
import { seedClinicsDemo } from './data/demo.js';
import { upsertReferencePlaces } from './data/reference.js';
import { assessmentRoutes } from './routes/assessments.js';
import { clinicReaders, placeRoutes } from './routes/places.js';
import { priorityRoutes } from './routes/priorities.js';

/** Social-work clinics: the hub where residents' needs are assessed and ranked. */
export const clinicsService: ServiceDefinition<ClinicsModels> = {
  name: 'clinics',
  roles: clinicReaders,
  models: clinicsModels,
  outboxSources: (models) => [models.priorityLists],
  routes: (deps) => [...placeRoutes(deps.models), ...assessmentRoutes(deps.models), ...priorityRoutes(deps)],
  reference: upsertReferencePlaces,
  seedDemo: seedClinicsDemo,
};
