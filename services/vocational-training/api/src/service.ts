import { agencyDesk, type DeskModels } from '@hamgam/agency-desk';
import type { ServiceDefinition } from '@hamgam/service-kit';

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency: 'vocational-training', roles: ['tvto-staff'] });

/** Technical & Vocational Training Organisation: courses, workshop permits, counselling, apprenticeships. Today: the shared agency desk (its service catalogue, the referrals the clinics send it, its commitments); its own domain arrives with its own issue. */
export const vocationalTrainingService: ServiceDefinition<DeskModels> = {
  name: 'vocational-training',
  roles: ['tvto-staff', 'coordinator', 'auditor'],
  models: desk.models,
  outboxSources: desk.outboxSources,
  routes: desk.routes,
  subscriptions: desk.subscriptions,
  reference: desk.reference,
  seedDemo: desk.seedDemo,
};
