import { logAccess, type AccessLogAction, type AccessRecord, type Principal } from '@hamgam/service-kit';
import type { StoredSupportRequest } from '../data/support-requests.js';
import { agency, type ReliefDeps } from '../deps.js';

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

type Listed = { _id: string; residentRef: string | null; householdRef: string | null };

function logList(deps: Pick<ReliefDeps, 'models' | 'clock'>, principal: Principal, kind: string, purpose: AccessRecord['purpose'], rows: readonly Listed[]) {
  const at = deps.clock.now();
  return logAccess(
    deps.models.accessLog,
    agency,
    rows.map((r) => ({ principal, action: 'list', record: { kind, id: r._id }, subjects: [r.residentRef, r.householdRef], purpose, at })),
  );
}

/** Logs a page of the desk's referrals shown for support (the people each names), under the referral consent. */
export const logReferralList = (deps: Pick<ReliefDeps, 'models' | 'clock'>, principal: Principal, referrals: readonly Listed[]) =>
  logList(deps, principal, 'referral', { value: 'referral', source: 'consent' }, referrals);

/**
 * Logs a page of support candidates (TVTO's certificates, one per resident shown) for the people each
 * names: no consent reached relief with a certificate, so the purpose is the committee's own
 * home-business support, as for a direct request.
 */
export const logCandidateList = (deps: Pick<ReliefDeps, 'models' | 'clock'>, principal: Principal, certificates: readonly Listed[]) =>
  logList(deps, principal, 'certificate', { value: 'home-business-support', source: 'route' }, certificates);
