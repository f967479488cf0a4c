import { logAccess, type AccessLogAction, type Principal } from '@hamgam/service-kit';
import type { StoredSupportRequest } from '../data/models.js';
import { agency, type ReliefDeps } from './deps.js';

type RequestRef = Pick<StoredSupportRequest, '_id' | 'residentRef' | 'householdRef' | 'referralId'>;

/**
 * Logs support requests the caller read or changed, for the resident and the household each names. Why:
 * the clinic's referral went out under the resident's `referral` consent; a direct request rests on the
 * committee's own home-business support.
 */
export function logRequestAccess(deps: Pick<ReliefDeps, 'models' | 'clock'>, principal: Principal, action: AccessLogAction, requests: readonly RequestRef[]): Promise<void> {
  const at = deps.clock.now();
  return logAccess(
    deps.models.accessLog,
    agency,
    requests.map((r) => ({
      principal,
      action,
      record: { kind: 'support-request', id: r._id },
      subjects: [r.residentRef, r.householdRef],
      purpose: r.referralId ? { value: 'referral', source: 'consent' } : { value: 'home-business-support', source: 'route' },
      at,
    })),
  );
}

/** Logs a page of the desk's referrals shown for support (the people each names), under the referral consent. */
export function logReferralList(deps: Pick<ReliefDeps, 'models' | 'clock'>, principal: Principal, referrals: readonly { _id: string; residentRef: string | null; householdRef: string | null }[]) {
  const at = deps.clock.now();
  return logAccess(
    deps.models.accessLog,
    agency,
    referrals.map((r) => ({
      principal, action: 'list', record: { kind: 'referral', id: r._id }, subjects: [r.residentRef, r.householdRef], purpose: { value: 'referral', source: 'consent' }, at,
    })),
  );
}
