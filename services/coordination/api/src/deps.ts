import type { Role, ServiceDeps } from '@hamgam/service-kit';
import type { coordinationModels } from './data/models.js';

/** The service's name, which its events' cause names as the agency. */
export const agency = 'coordination';

/** The partner agencies' staff: they may read the programme (transparency), never write it. */
export const agencyStaffRoles = [
  'tvto-staff',
  'welfare-officer',
  'relief-officer',
  'basij-liaison',
  'fund-officer',
] as const satisfies readonly Role[];

/** Who reads meetings and resolutions: the HQ, the auditor, and a representative for their neighbourhood. */
export const meetingReaders = ['coordinator', 'auditor', 'representative'] as const satisfies readonly Role[];

/** Who reads the commitments list and the board: also the agencies' staff. */
export const programmeReaders = [...meetingReaders, ...agencyStaffRoles] as const satisfies readonly Role[];

/** Only coordinators write: meetings, minutes, resolutions, reported statuses. */
export const programmeWriters = ['coordinator'] as const satisfies readonly Role[];

export type CoordinationModels = ReturnType<typeof coordinationModels>;
export type CoordinationDeps = ServiceDeps<CoordinationModels>;
