import type { Role, ServiceDeps } from '@hamgam/service-kit';
import type { ClinicsConfig } from './config.js';
import type { clinicsModels } from './data/models.js';

/** The agency the clinics' events and access-log entries name. */
export const agency = 'clinics';

/** Everyone who reads the places, priorities and calendars the clinics keep. */
export const clinicReaders = ['clinic-worker', 'coordinator', 'representative', 'auditor'] as const satisfies readonly Role[];
/** The clinics' own staff: they register residents, assess, refer and book. */
export const clinicWorkers = ['clinic-worker'] as const satisfies readonly Role[];
/** Roles that may see that residents exist (ids, households, consents), never who they are. */
export const registerReaders = ['clinic-worker', 'coordinator', 'auditor'] as const satisfies readonly Role[];

export type ClinicsModels = ReturnType<typeof clinicsModels>;
export type ClinicsDeps = ServiceDeps<ClinicsModels, ClinicsConfig>;
