import { accessLogger } from '@hamgam/service-kit';
import type { StoredSupportRequest } from '../data/support-requests.js';
import { agency } from '../deps.js';

/**
 * Logs support requests the caller read or changed, for the resident and the household each names. Why:
 * the clinic's referral went out under the resident's `referral` consent; a direct request rests on the
 * committee's own home-business support.
 */
export const logRequestAccess = accessLogger<Pick<StoredSupportRequest, '_id' | 'residentRef' | 'householdRef' | 'referralId'>>(agency, {
  kind: 'support-request',
  id: (r) => r._id,
  subjects: (r) => [r.residentRef, r.householdRef],
  purpose: (r) => (r.referralId ? { value: 'referral', source: 'consent' } : { value: 'home-business-support', source: 'route' }),
});

/** Logs the desk's referrals shown for support (the people each names), under the referral consent. */
export const logReferralAccess = accessLogger<{ referralId: string; residentRef: string | null; householdRef: string | null }>(agency, {
  kind: 'referral',
  id: (r) => r.referralId,
  subjects: (r) => [r.residentRef, r.householdRef],
  purpose: { value: 'referral', source: 'consent' },
});

/**
 * Logs support candidates (TVTO's certificates, one per resident shown) for the people each names: no
 * consent reached relief with a certificate, so the purpose is the committee's own home-business
 * support, as for a direct request.
 */
export const logCandidateAccess = accessLogger<{ _id: string; residentRef: string | null; householdRef: string | null }>(agency, {
  kind: 'certificate',
  id: (c) => c._id,
  subjects: (c) => [c.residentRef, c.householdRef],
  purpose: { value: 'home-business-support', source: 'route' },
});
