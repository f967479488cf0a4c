import { forbidden, hasAnyRole, seesWholeProgramme, type Principal } from '@hamgam/service-kit';
import { agencyStaffRoles } from '../deps.js';

// The caller's neighbourhood scope: HTTP-level checks of who asks, not rules of the programme.

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
