import { describe, expect, it } from 'vitest';
import { checkConsentExpiry, consentCovers, consentStatus, type Consent } from './consent.js';

const granted = new Date('2026-03-01T08:00:00Z');
const referralToTvto: Consent = {
  purpose: 'referral',
  agency: 'vocational-training',
  grantedAt: granted,
  expiresOn: '2026-09-30',
  withdrawnAt: null,
};
const ask = (at: string) => ({ purpose: 'referral' as const, agency: 'vocational-training' as const, at: new Date(at) });

describe('consentCovers', () => {
  it('covers the purpose and agency it was given for, until the end of its last day in Iran (20:30 UTC)', () => {
    expect(consentCovers([referralToTvto], ask('2026-03-01T08:00:00Z'))).toBe(true);
    expect(consentCovers([referralToTvto], ask('2026-09-30T20:29:59.999Z'))).toBe(true);
    expect(consentCovers([referralToTvto], ask('2026-09-30T20:30:00Z'))).toBe(false);
  });

  it('does not cover anything before it was granted', () => {
    expect(consentCovers([referralToTvto], ask('2026-03-01T07:59:59Z'))).toBe(false);
  });

  it('stops covering from the moment it is withdrawn', () => {
    const withdrawn = { ...referralToTvto, withdrawnAt: new Date('2026-05-01T10:00:00Z') };
    expect(consentCovers([withdrawn], ask('2026-05-01T09:59:59Z'))).toBe(true);
    expect(consentCovers([withdrawn], ask('2026-05-01T10:00:00Z'))).toBe(false);
  });

  it('never covers another agency or another purpose', () => {
    expect(consentCovers([referralToTvto], { ...ask('2026-04-01T00:00:00Z'), agency: 'welfare' })).toBe(false);
    expect(consentCovers([referralToTvto], { ...ask('2026-04-01T00:00:00Z'), purpose: 'eligibility-sharing' })).toBe(false);
    expect(consentCovers([], ask('2026-04-01T00:00:00Z'))).toBe(false);
  });

  it('is covered by any one consent in force among withdrawn and expired ones', () => {
    const old = { ...referralToTvto, expiresOn: '2026-02-01', grantedAt: new Date('2026-01-01T00:00:00Z') };
    const withdrawn = { ...referralToTvto, withdrawnAt: new Date('2026-03-02T00:00:00Z') };
    expect(consentCovers([old, withdrawn], ask('2026-04-01T00:00:00Z'))).toBe(false);
    expect(consentCovers([old, withdrawn, referralToTvto], ask('2026-04-01T00:00:00Z'))).toBe(true);
  });

  it('names its status at a moment', () => {
    expect(consentStatus(referralToTvto, new Date('2026-04-01T00:00:00Z'))).toBe('active');
    expect(consentStatus(referralToTvto, new Date('2026-10-01T00:00:00Z'))).toBe('expired');
    expect(consentStatus(referralToTvto, new Date('2026-01-01T00:00:00Z'))).toBe('pending');
    expect(consentStatus({ ...referralToTvto, withdrawnAt: granted }, new Date('2026-04-01T00:00:00Z'))).toBe('withdrawn');
  });
});

describe('checkConsentExpiry', () => {
  it('accepts today (Iran’s day) and later, and refuses a day already over, naming the field', () => {
    const now = new Date('2026-03-20T21:00:00Z'); // 00:30 on 21 March in Iran
    expect(() => checkConsentExpiry('2026-03-21', now)).not.toThrow();
    expect(() => checkConsentExpiry('2026-03-20', now)).toThrow(
      expect.objectContaining({ status: 422, code: 'consent-expiry-passed', field: 'expiresOn' }),
    );
  });
});
