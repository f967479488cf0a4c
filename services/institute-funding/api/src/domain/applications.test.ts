import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';
import { describe, expect, it } from 'vitest';
import { applicationStates, checkApplication, stepApplication, type ApplicationStep } from './applications.js';
import type { FundingCall } from './calls.js';
import type { Institute } from './institutes.js';

const call: FundingCall = {
  callId: 'c',
  budgetRials: 10_000_000_000,
  neighbourhoodIds: ['nbh-sarasiab', 'nbh-motahari'],
  trades: ['tailoring', 'pastry'],
  opensOn: '2026-11-01',
  closesOn: '2026-12-01',
};
const institute: Institute = {
  instituteId: 'inst-negin',
  neighbourhoodId: 'nbh-sarasiab',
  trades: ['tailoring', 'carpentry'],
  licenceNo: 'KRM-1234',
  licenceValidUntil: '2027-06-30',
};
const request = { trades: ['tailoring'], proposedSeats: 20, amountRequestedRials: 3_000_000_000 };

describe('applications', () => {
  it('takes an application from a licensed institute of a target neighbourhood for trades both teach and fund', () => {
    expect(() => checkApplication(call, institute, request, '2026-11-15')).not.toThrow();
    expect(() => checkApplication(call, { ...institute, licenceValidUntil: '2026-11-15' }, request, '2026-11-15')).not.toThrow();
  });

  it.each([
    ['a call not open yet', call, institute, request, '2026-10-20', 'call-not-open', 'callId', /upcoming/],
    ['a closed call', call, institute, request, '2026-12-05', 'call-not-open', 'callId', /closed/],
    [
      'an expired licence',
      call,
      { ...institute, licenceValidUntil: '2026-11-14' },
      request,
      '2026-11-15',
      'licence-expired',
      'instituteId',
      /expired/,
    ],
    [
      'an institute outside the target neighbourhoods',
      call,
      { ...institute, neighbourhoodId: 'nbh-fajr' },
      request,
      '2026-11-15',
      'institute-outside-target-neighbourhoods',
      'instituteId',
      /not a target/,
    ],
    [
      'a trade the call does not fund',
      call,
      { ...institute, trades: ['carpentry'] },
      { ...request, trades: ['carpentry'] },
      '2026-11-15',
      'trade-not-funded',
      'trades',
      /does not fund carpentry/,
    ],
    [
      'a trade the institute does not teach',
      call,
      institute,
      { ...request, trades: ['pastry'] },
      '2026-11-15',
      'trade-not-taught',
      'trades',
      /does not teach pastry/,
    ],
    [
      'a trade named twice',
      call,
      institute,
      { ...request, trades: ['tailoring', 'tailoring'] },
      '2026-11-15',
      'trade-named-twice',
      'trades',
      /twice/,
    ],
    [
      'more than the whole budget',
      call,
      institute,
      { ...request, amountRequestedRials: call.budgetRials + 1 },
      '2026-11-15',
      'request-exceeds-call-budget',
      'amountRequestedRials',
      /whole budget/,
    ],
  ])('refuses %s (a broken rule, with its code and field)', (_what, c, i, r, today, code, field, message) => {
    expect(() => checkApplication(c, i, r, today)).toThrow(BrokenRuleError);
    expect(() => checkApplication(c, i, r, today)).toThrow(expect.objectContaining({ code, field }));
    expect(() => checkApplication(c, i, r, today)).toThrow(message);
  });

  it('moves an application submitted → under review → awarded | rejected, and nothing else (every state × every step)', () => {
    const allowed: Record<string, string> = {
      'submitted/review': 'under-review',
      'submitted/reject': 'rejected',
      'under-review/award': 'awarded',
      'under-review/reject': 'rejected',
    };
    const refused: Record<ApplicationStep, string> = {
      review: 'application-not-submitted',
      award: 'application-not-under-review',
      reject: 'application-decided',
    };
    for (const state of applicationStates) {
      for (const step of ['review', 'award', 'reject'] as ApplicationStep[]) {
        const expected = allowed[`${state}/${step}`];
        if (expected) expect(stepApplication(state, step), `${state}/${step}`).toBe(expected);
        else {
          expect(() => stepApplication(state, step), `${state}/${step}`).toThrow(IllegalStepError);
          expect(() => stepApplication(state, step), `${state}/${step}`).toThrow(expect.objectContaining({ code: refused[step] }));
        }
      }
    }
  });
});
