import { accessLogger } from '@hamgam/service-kit';
import type { StoredReferral } from '../data/models.js';
import type { DeskOptions } from '../options.js';

/**
 * Logs received referrals the caller saw or changed, in the agency's access log: one entry for the
 * resident and one for the household each names. Why: the clinic referred the resident to this agency
 * under their consent for `referral`.
 */
export const referralAccess = (options: DeskOptions) =>
  accessLogger<Pick<StoredReferral, '_id' | 'residentRef' | 'householdRef'>>(options.agency, {
    kind: 'referral',
    id: (r) => r._id,
    subjects: (r) => [r.residentRef, r.householdRef],
    purpose: { value: 'referral', source: 'consent' },
  });
