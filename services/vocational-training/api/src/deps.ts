import { agencyDesk, type DeskModels } from '@hamgam/agency-desk';
import { badRequest, conflict, type ServiceDeps } from '@hamgam/service-kit';
import type { TvtoConfig } from './config.js';
import type { TvtoModels } from './data/models.js';
import { IllegalTransitionError, RuleError } from './domain/transitions.js';

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency: 'vocational-training', roles: ['tvto-staff'] });
export const agency = desk.options.agency;

/** Who changes TVTO's records, and who may only read them. */
export const staff = ['tvto-staff'] as const;
export const readers = ['tvto-staff', 'coordinator', 'auditor'] as const;

export type VtModels = DeskModels & TvtoModels;
export type VtDeps = ServiceDeps<VtModels, TvtoConfig>;

/** Runs domain rules: a broken rule is a 400, an illegal step a 409, nothing stored either way. */
export function rules<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RuleError) throw badRequest(error.message);
    if (error instanceof IllegalTransitionError) throw conflict(error.message);
    throw error;
  }
}

