import { logAccess, type AccessLogAction, type AccessRecord, type Principal } from '@hamgam/service-kit';
import { agency, type WelfareDeps } from '../deps.js';

/**
 * Why a case worker sees a household: the clinic's referral to welfare went out under the resident's
 * consent for `referral`; a case opened directly rests on the agency's own social-work duty.
 */
export const casePurpose = (c: { referralId: string | null }): AccessRecord['purpose'] =>
  c.referralId ? { value: 'referral', source: 'consent' } : { value: 'case-work', source: 'route' };

/** Logs a read or change of cases: one entry per household and resident each case names. */
export function logCaseAccess(
  deps: Pick<WelfareDeps, 'models' | 'clock'>,
  principal: Principal,
  action: AccessLogAction,
  cases: readonly { _id: string; householdRef: string; residentRef: string | null; referralId: string | null }[],
): Promise<void> {
  const at = deps.clock.now();
  return logAccess(
    deps.models.accessLog,
    agency,
    cases.map((c) => ({ principal, action, record: { kind: 'case', id: c._id }, subjects: [c.householdRef, c.residentRef], purpose: casePurpose(c), at })),
  );
}

/** Logs a page of referrals shown to a case worker (the household each names), under the referral consent. */
export function logReferralList(deps: Pick<WelfareDeps, 'models' | 'clock'>, principal: Principal, referrals: readonly { _id: string; householdRef: string | null; residentRef?: string | null }[]) {
  const at = deps.clock.now();
  return logAccess(
    deps.models.accessLog,
    agency,
    referrals.map((r) => ({
      principal, action: 'list', record: { kind: 'referral', id: r._id }, subjects: [r.householdRef, r.residentRef], purpose: { value: 'referral', source: 'consent' }, at,
    })),
  );
}
