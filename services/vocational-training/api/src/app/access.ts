import { accessLogger, type Principal } from '@hamgam/service-kit';
import type { StoredPermit } from '../data/permits.js';
import { agency } from '../deps.js';

/**
 * Logs permit applications whose applicant the caller saw or changed: the resident the clinic referred
 * (its ref), or for a walk-in, known only here, the application itself. Why: the referral went out under
 * the resident's `referral` consent; a walk-in applied to TVTO for the permit.
 */
export const logPermitAccess = accessLogger<Pick<StoredPermit, '_id' | 'residentRef' | 'referralId'>>(agency, {
  kind: 'permit',
  id: (p) => p._id,
  subjects: (p) => [p.residentRef ?? p._id],
  purpose: (p) => (p.referralId ? { value: 'referral', source: 'consent' } : { value: 'permit-application', source: 'route' }),
});

/** Only TVTO's staff see the sealed applicant (see permitView), so only their reads are reads of personal data. */
export const seesApplicant = (principal: Principal) => principal.roles.includes('tvto-staff');
