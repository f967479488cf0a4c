import { describe, expect, it } from 'vitest';
import { assessEligibility, flagStatus, type EligibilityFacts, type FlagFact } from './eligibility.js';

const cert = { enrolmentId: 'e1', trade: 'tailoring', certificateNo: 'TVTO-1405-001', completedAt: new Date('2026-05-01T10:00:00Z') };
const flag = (over: Partial<FlagFact> = {}): FlagFact => ({
  flagId: 'f1',
  flag: 'low-income',
  validUntil: '2026-12-31',
  revokedAt: null,
  ...over,
});
const facts = (certificates = [cert], flags: FlagFact[] = [flag()]): EligibilityFacts => ({ certificates, flags });
const today = '2026-06-01';

describe('assessEligibility', () => {
  it('is eligible with a certificate and a welfare flag valid today', () => {
    expect(assessEligibility({ meansTest: 'not-done' }, facts(), today)).toEqual({
      eligible: true,
      reasons: ['certificate', 'welfare-flag', 'means-test-not-done'],
      validFlags: ['low-income'],
    });
  });

  it('is eligible with a certificate and the committee’s own means test instead of a flag', () => {
    const result = assessEligibility({ meansTest: 'passed' }, facts([cert], []), today);
    expect(result).toEqual({ eligible: true, reasons: ['certificate', 'no-welfare-flag', 'means-test-passed'], validFlags: [] });
  });

  it('is not eligible without a certificate, whatever else holds', () => {
    const result = assessEligibility({ meansTest: 'passed' }, facts([], [flag()]), today);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(['no-certificate', 'welfare-flag', 'means-test-passed']);
  });

  it('is not eligible with a certificate alone (no flag, means test failed or not done)', () => {
    expect(assessEligibility({ meansTest: 'failed' }, facts([cert], []), today)).toMatchObject({
      eligible: false,
      reasons: ['certificate', 'no-welfare-flag', 'means-test-failed'],
    });
    expect(assessEligibility({ meansTest: 'not-done' }, facts([cert], []), today).eligible).toBe(false);
  });

  it('does not count a flag whose validity ended before today (the last day still counts)', () => {
    expect(assessEligibility({ meansTest: 'not-done' }, facts([cert], [flag({ validUntil: '2026-05-31' })]), today)).toMatchObject({
      eligible: false,
      reasons: ['certificate', 'welfare-flag-expired', 'means-test-not-done'],
    });
    expect(assessEligibility({ meansTest: 'not-done' }, facts([cert], [flag({ validUntil: today })]), today).eligible).toBe(true);
  });

  it('does not count a revoked flag, even one whose revocation arrived before the flag', () => {
    const revoked = flag({ revokedAt: new Date('2026-05-20T08:00:00Z') });
    expect(assessEligibility({ meansTest: 'not-done' }, facts([cert], [revoked]), today)).toMatchObject({
      eligible: false,
      reasons: ['certificate', 'welfare-flag-revoked', 'means-test-not-done'],
    });
    const revocationOnly = flag({ flag: null, validUntil: null, revokedAt: new Date('2026-05-20T08:00:00Z') });
    expect(flagStatus(revocationOnly, today)).toBe('revoked');
    // The committee's own means test still carries a certified resident whose flag was revoked.
    expect(assessEligibility({ meansTest: 'passed' }, facts([cert], [revoked]), today).eligible).toBe(true);
  });

  it('is eligible when one of several flags is valid, and names each valid flag once', () => {
    const flags = [
      flag({ flagId: 'a', validUntil: '2026-01-01' }),
      flag({ flagId: 'b', flag: 'female-headed-household' }),
      flag({ flagId: 'c' }),
      flag({ flagId: 'd', revokedAt: new Date() }),
    ];
    expect(assessEligibility({ meansTest: 'not-done' }, facts([cert], flags), today)).toMatchObject({
      eligible: true,
      validFlags: ['female-headed-household', 'low-income'],
    });
  });

  it('changes its answer as late facts arrive: the certificate after the flag, then a revocation', () => {
    const request = { meansTest: 'not-done' as const };
    expect(assessEligibility(request, facts([], [flag()]), today).eligible).toBe(false);
    expect(assessEligibility(request, facts([cert], [flag()]), today).eligible).toBe(true);
    expect(assessEligibility(request, facts([cert], [flag({ revokedAt: new Date() })]), today).eligible).toBe(false);
  });

  it('judges the same flag by the day it is asked: valid before it expires, not after', () => {
    const request = { meansTest: 'not-done' as const };
    const withFlag = facts([cert], [flag({ validUntil: '2026-06-10' })]);
    expect(assessEligibility(request, withFlag, '2026-06-10').eligible).toBe(true);
    expect(assessEligibility(request, withFlag, '2026-06-11').eligible).toBe(false);
  });
});
