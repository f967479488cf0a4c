import { agencyDesk, type DeskModels } from '@hamgam/agency-desk';
import type { Role, ServiceDeps } from '@hamgam/service-kit';
import type { TvtoConfig } from './config.js';
import type { TvtoModels } from './data/models.js';

/** The agency TVTO's events, offers and access-log entries name. */
export const agency = 'vocational-training';

/** Who changes TVTO's records, and who may only read them. */
export const staff = ['tvto-staff'] as const satisfies readonly Role[];
export const readers = ['tvto-staff', 'coordinator', 'auditor'] as const satisfies readonly Role[];

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency, roles: staff });

export type VtModels = DeskModels & TvtoModels;
export type VtDeps = ServiceDeps<VtModels, TvtoConfig>;
