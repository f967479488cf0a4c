/**
 * Who may receive home-business support: the Relief Committee's rule, drawn from facts other agencies
 * published (TVTO's certificates, welfare's flags) and the committee's own means test. Pure.
 */

/** A passed TVTO course of the resident (vocational-training.enrolment.completed, result passed). */
export interface CertificateFact {
  enrolmentId: string;
  trade: string;
  certificateNo: string | null;
  completedAt: Date;
}

/** A welfare eligibility flag of the household (welfare.eligibility.flagged; revokedAt from .revoked). */
export interface FlagFact {
  flagId: string;
  /** Null when only the revocation arrived so far (events may come out of order). */
  flag: string | null;
  validUntil: string | null;
  revokedAt: Date | null;
}

export interface EligibilityFacts {
  certificates: readonly CertificateFact[];
  flags: readonly FlagFact[];
}

/** The committee's own means test of the household: not done yet, passed or failed. */
export type MeansTest = 'not-done' | 'passed' | 'failed';

export type EligibilityReason =
  | 'certificate'
  | 'no-certificate'
  | 'welfare-flag'
  | 'welfare-flag-expired'
  | 'welfare-flag-revoked'
  | 'no-welfare-flag'
  | 'means-test-passed'
  | 'means-test-failed'
  | 'means-test-not-done';

export interface Eligibility {
  eligible: boolean;
  reasons: EligibilityReason[];
  /** The flags valid today (flag names only: welfare never says why). */
  validFlags: string[];
}

/** A flag counts while it is not revoked and today is not after its last valid day. */
export function flagStatus(flag: FlagFact, today: string): 'valid' | 'expired' | 'revoked' {
  if (flag.revokedAt) return 'revoked';
  if (flag.flag === null || flag.validUntil === null) return 'revoked';
  return today > flag.validUntil ? 'expired' : 'valid';
}

/**
 * Eligible = a skills certificate AND (a welfare flag valid today OR the committee's own means test
 * passed). The reasons name every fact that decided it, for the officer's page.
 */
export function assessEligibility(request: { meansTest: MeansTest }, facts: EligibilityFacts, today: string): Eligibility {
  const reasons: EligibilityReason[] = [];
  const certified = facts.certificates.length > 0;
  reasons.push(certified ? 'certificate' : 'no-certificate');

  const statuses = facts.flags.map((f) => ({ f, status: flagStatus(f, today) }));
  const valid = statuses.filter((s) => s.status === 'valid');
  if (valid.length > 0) reasons.push('welfare-flag');
  else if (statuses.some((s) => s.status === 'expired')) reasons.push('welfare-flag-expired');
  else if (statuses.some((s) => s.status === 'revoked')) reasons.push('welfare-flag-revoked');
  else reasons.push('no-welfare-flag');

  reasons.push(
    request.meansTest === 'passed' ? 'means-test-passed' : request.meansTest === 'failed' ? 'means-test-failed' : 'means-test-not-done',
  );
  const means = valid.length > 0 || request.meansTest === 'passed';
  return { eligible: certified && means, reasons, validFlags: [...new Set(valid.map((s) => s.f.flag!))].sort() };
}
