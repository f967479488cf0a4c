import { accessLogger } from '@hamgam/service-kit';
import { agency } from '../deps.js';

/**
 * Logs a read or change of cases: one entry per household and resident each case names. Why a case
 * worker sees a household: the clinic's referral to welfare went out under the resident's consent for
 * `referral`; a case opened directly rests on the agency's own social-work duty.
 */
export const logCaseAccess = accessLogger<{ _id: string; householdRef: string; residentRef: string | null; referralId: string | null }>(
  agency,
  {
    kind: 'case',
    id: (c) => c._id,
    subjects: (c) => [c.householdRef, c.residentRef],
    purpose: (c) => (c.referralId ? { value: 'referral', source: 'consent' } : { value: 'case-work', source: 'route' }),
  },
);

/** Logs referrals shown to a case worker (the household and resident each names), under the referral consent. */
export const logReferralAccess = accessLogger<{ _id: string; householdRef: string | null; residentRef?: string | null }>(agency, {
  kind: 'referral',
  id: (r) => r._id,
  subjects: (r) => [r.householdRef, r.residentRef],
  purpose: { value: 'referral', source: 'consent' },
});
