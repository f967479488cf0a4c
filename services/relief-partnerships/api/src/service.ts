import { agencyDesk, type DeskModels } from '@hamgam/agency-desk';
import type { ServiceDefinition } from '@hamgam/service-kit';

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency: 'relief-partnerships', roles: ['relief-officer', 'basij-liaison'] });

/** Relief Committee and Basij Construction: home-business support and construction projects. Today: the shared agency desk (its service catalogue, the referrals the clinics send it, its commitments); its own domain arrives with its own issue. */
export const reliefPartnershipsService: ServiceDefinition<DeskModels> = {
  name: 'relief-partnerships',
  roles: ['relief-officer', 'basij-liaison', 'coordinator', 'auditor'],
  models: desk.models,
  outboxSources: desk.outboxSources,
  routes: desk.routes,
  subscriptions: desk.subscriptions,
  reference: desk.reference,
  seedDemo: desk.seedDemo,
};
