import { agencyDesk, type DeskModels } from '@hamgam/agency-desk';
import type { Role, ServiceDeps } from '@hamgam/service-kit';
import type { WelfareModels } from './data/models.js';

/** The agency welfare's events and access-log entries name. */
export const agency = 'welfare';

/** Case workers: each sees and changes only the cases in their own caseload. */
export const caseWorkers = ['welfare-officer'] as const satisfies readonly Role[];
/** The aggregate numbers: case workers and the programme-wide readers (never a case's details). */
export const summaryReaders = ['welfare-officer', 'coordinator', 'auditor'] as const satisfies readonly Role[];

/** The agency's desk: its own staff change it; coordinators and auditors read it. */
export const desk = agencyDesk({ agency, roles: caseWorkers });

export type Models = WelfareModels & DeskModels;
export type WelfareDeps = ServiceDeps<Models>;
