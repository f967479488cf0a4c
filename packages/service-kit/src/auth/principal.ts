import { z } from 'zod';
import { forbidden } from '../http/problem.js';

/** The agency roles of the realm (infra/keycloak/hamgam-realm.json). */
export const roles = [
  'clinic-worker',
  'tvto-staff',
  'welfare-officer',
  'relief-officer',
  'basij-liaison',
  'fund-officer',
  'coordinator',
  'representative',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

/** Roles that watch the whole programme, so their scope is every clinic and neighbourhood. */
const programmeWideRoles: readonly Role[] = ['coordinator', 'auditor'];

export interface Principal {
  subject: string;
  username: string;
  roles: Role[];
  clinicIds: string[];
  neighbourhoodIds: string[];
}

/** Who calls a public route: no roles, no scope. */
export const anonymousPrincipal: Principal = Object.freeze({
  subject: 'anonymous',
  username: 'anonymous',
  roles: [],
  clinicIds: [],
  neighbourhoodIds: [],
});

const claimsSchema = z.object({
  sub: z.string().min(1),
  preferred_username: z.string().optional(),
  realm_access: z.object({ roles: z.array(z.string()) }).optional(),
  clinic_ids: z.union([z.array(z.string()), z.string()]).optional(),
  neighbourhood_ids: z.union([z.array(z.string()), z.string()]).optional(),
});

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function principalFromClaims(payload: unknown): Principal {
  const claims = claimsSchema.parse(payload);
  const known = new Set<string>(roles);
  return {
    subject: claims.sub,
    username: claims.preferred_username ?? claims.sub,
    roles: (claims.realm_access?.roles ?? []).filter((r): r is Role => known.has(r)),
    clinicIds: asList(claims.clinic_ids),
    neighbourhoodIds: asList(claims.neighbourhood_ids),
  };
}

export const hasAnyRole = (principal: Principal, allowed: readonly Role[]) => principal.roles.some((r) => allowed.includes(r));

export const seesWholeProgramme = (principal: Principal) => hasAnyRole(principal, programmeWideRoles);

export function canSeeNeighbourhood(principal: Principal, neighbourhoodId: string): boolean {
  return seesWholeProgramme(principal) || principal.neighbourhoodIds.includes(neighbourhoodId);
}

export function canSeeClinic(principal: Principal, clinicId: string): boolean {
  return seesWholeProgramme(principal) || principal.clinicIds.includes(clinicId);
}

export function assertNeighbourhoodInScope(principal: Principal, neighbourhoodId: string): void {
  if (!canSeeNeighbourhood(principal, neighbourhoodId)) {
    throw forbidden(`neighbourhood ${neighbourhoodId} is outside your scope`);
  }
}

export function assertClinicInScope(principal: Principal, clinicId: string): void {
  if (!canSeeClinic(principal, clinicId)) throw forbidden(`clinic ${clinicId} is outside your scope`);
}
