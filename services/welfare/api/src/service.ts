import { agencyDesk, type DeskModels } from '@hamgam/agency-desk';
import type { ServiceDefinition } from '@hamgam/service-kit';

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency: 'welfare', roles: ['welfare-officer'] });

/** Welfare Organisation (Behzisti): households' social-work cases and eligibility flags. Today: the shared agency desk (its service catalogue, the referrals the clinics send it, its commitments); its own domain arrives with its own issue. */
export const welfareService: ServiceDefinition<DeskModels> = {
  name: 'welfare',
  roles: ['welfare-officer', 'coordinator', 'auditor'],
  models: desk.models,
  outboxSources: desk.outboxSources,
  routes: desk.routes,
  subscriptions: desk.subscriptions,
  reference: desk.reference,
  seedDemo: desk.seedDemo,
};
