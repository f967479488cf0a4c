import { forbidden, hasAnyRole, seesWholeProgramme, type Principal, type Role } from '@hamgam/service-kit';

/** The partner agencies' staff: they may read the programme (transparency), never write it. */
export const agencyStaffRoles = ['tvto-staff', 'welfare-officer', 'relief-officer', 'basij-liaison', 'fund-officer'] as const satisfies readonly Role[];

/** Who reads meetings and resolutions: the HQ, the auditor, and a representative for their neighbourhood. */
export const meetingReaders = ['coordinator', 'auditor', 'representative'] as const satisfies readonly Role[];

/** Who reads the commitments list and the board: also the agencies' staff. */
export const programmeReaders = [...meetingReaders, ...agencyStaffRoles] as const satisfies readonly Role[];

/** Only coordinators write: meetings, minutes, resolutions, reported statuses. */
export const programmeWriters = ['coordinator'] as const satisfies readonly Role[];

/** Agencies' staff see every neighbourhood's commitments; a representative only their own. */
export const seesEveryNeighbourhood = (principal: Principal) => seesWholeProgramme(principal) || hasAnyRole(principal, agencyStaffRoles);

export function canReadNeighbourhood(principal: Principal, neighbourhoodId: string): boolean {
  return seesEveryNeighbourhood(principal) || principal.neighbourhoodIds.includes(neighbourhoodId);
}

export function assertCanReadNeighbourhood(principal: Principal, neighbourhoodId: string): void {
  if (!canReadNeighbourhood(principal, neighbourhoodId)) throw forbidden(`neighbourhood ${neighbourhoodId} is outside your scope`);
}

/** Meetings: the programme-wide roles, or a representative of that neighbourhood (agencies' staff are not readers). */
export function assertCanReadMeetings(principal: Principal, neighbourhoodId: string): void {
  if (!seesWholeProgramme(principal) && !principal.neighbourhoodIds.includes(neighbourhoodId)) {
    throw forbidden(`neighbourhood ${neighbourhoodId} is outside your scope`);
  }
}
