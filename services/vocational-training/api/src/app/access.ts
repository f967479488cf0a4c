import { logAccess, type AccessLogAction, type Principal } from '@hamgam/service-kit';
import type { StoredPermit } from '../data/permits.js';
import { agency, type VtDeps } from '../deps.js';

type PermitRef = Pick<StoredPermit, '_id' | 'residentRef' | 'referralId'>;

/**
 * Logs permit applications whose applicant the caller saw or changed: the resident the clinic referred
 * (its ref), or for a walk-in, known only here, the application itself. Why: the referral went out under
 * the resident's `referral` consent; a walk-in applied to TVTO for the permit.
 */
export function logPermitAccess(deps: Pick<VtDeps, 'models' | 'clock'>, principal: Principal, action: AccessLogAction, permits: readonly PermitRef[]): Promise<void> {
  const at = deps.clock.now();
  return logAccess(
    deps.models.accessLog,
    agency,
    permits.map((p) => ({
      principal,
      action,
      record: { kind: 'permit', id: p._id },
      subjects: [p.residentRef ?? p._id],
      purpose: p.referralId ? { value: 'referral', source: 'consent' } : { value: 'permit-application', source: 'route' },
      at,
    })),
  );
}

/** Only TVTO's staff see the sealed applicant (see permitView), so only their reads are reads of personal data. */
export const seesApplicant = (principal: Principal) => principal.roles.includes('tvto-staff');
