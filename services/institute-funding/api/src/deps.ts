import { agencyDesk, type DeskModels } from '@hamgam/agency-desk';
import type { Role, ServiceDeps } from '@hamgam/service-kit';
import type { FundingModels } from './data/models.js';

/** The agency the office's events and access-log entries name (and the service's name). */
export const agency = 'institute-funding';

/** The fund office's officers act; the coordinator and auditors read. The office serves every target neighbourhood. */
export const officers = ['fund-officer'] as const satisfies readonly Role[];
export const readers = ['fund-officer', 'coordinator', 'auditor'] as const satisfies readonly Role[];

/** The agency's desk: its own officers change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency, roles: officers });

export type InstituteFundingModels = FundingModels & DeskModels;
export type FundingDeps = ServiceDeps<InstituteFundingModels>;
