import { agencyDesk, type DeskModels } from '@hamgam/agency-desk';
import type { Role, ServiceDeps } from '@hamgam/service-kit';
import type { ReliefOwnModels } from './data/models.js';

/** The agency relief's events, offers and access-log entries name. */
export const agency = 'relief-partnerships' as const;

/** The Relief Committee's officers decide support; Basij's liaison, coordinators and auditors read. */
export const reliefOfficers = ['relief-officer'] as const satisfies readonly Role[];
export const reliefReaders = ['relief-officer', 'basij-liaison', 'coordinator', 'auditor'] as const satisfies readonly Role[];
/** Basij Construction's liaison runs the projects. */
export const basijLiaisons = ['basij-liaison'] as const satisfies readonly Role[];
/** Each partner's own staff: they record agreements (each only its own partner's) and joint meetings. */
export const partnerStaff = ['relief-officer', 'basij-liaison'] as const satisfies readonly Role[];

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency, roles: partnerStaff });

export type ReliefModels = DeskModels & ReliefOwnModels;
export type ReliefDeps = ServiceDeps<ReliefModels>;
