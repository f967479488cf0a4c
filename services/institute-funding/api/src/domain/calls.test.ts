import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { describe, expect, it } from 'vitest';
import { planTranches, releaseTranche, cancelAward } from './awards.js';
import { awardedFrom, callStatus, checkCallDays, checkWithinBudget, type FundingCall } from './calls.js';

const call: FundingCall = {
  callId: 'c',
  budgetRials: 10_000_000_000,
  neighbourhoodIds: ['nbh-sarasiab'],
  trades: ['tailoring'],
  opensOn: '2026-11-01',
  closesOn: '2026-12-01',
};
const refusal = (code: string, field: string) => expect.objectContaining({ code, field });

describe('funding calls', () => {
  it('a call is upcoming, open (both ends included) or closed by the day', () => {
    expect(['2026-10-31', '2026-11-01', '2026-11-15', '2026-12-01', '2026-12-02'].map((d) => callStatus(call, d))).toEqual([
      'upcoming',
      'open',
      'open',
      'open',
      'closed',
    ]);
  });

  it('closes on or after the day it opens, and not before today (broken rules, 422)', () => {
    expect(() => checkCallDays(call, '2026-12-01')).not.toThrow();
    expect(() => checkCallDays({ opensOn: '2026-11-02', closesOn: '2026-11-01' }, '2026-10-01')).toThrow(
      refusal('call-closes-before-opening', 'closesOn'),
    );
    expect(() => checkCallDays(call, '2026-12-02')).toThrow(BrokenRuleError);
    expect(() => checkCallDays(call, '2026-12-02')).toThrow(refusal('call-closes-in-past', 'closesOn'));
  });

  it('keeps a call’s awards within its budget; a cancelled award holds only what it released', () => {
    const request = { proposedSeats: 20, amountRequestedRials: 3_000_000_000 };
    const plan = [
      { percent: 30, condition: { kind: 'enrolments' as const, atLeast: 10 } },
      { percent: 70, condition: { kind: 'completions' as const, atLeast: 9 } },
    ];
    const tranches = planTranches({ amountRials: 1_000, seats: 12, plan }, request);
    const released = releaseTranche('active', tranches, 1, { enrolments: 10, completions: 0 }, new Date('2026-11-20T08:00:00Z'));
    const awards = [
      { status: 'active' as const, amountRials: 5_000, tranches },
      { status: 'cancelled' as const, amountRials: 1_000, tranches: cancelAward('active', released).tranches },
    ];
    expect(awardedFrom(awards)).toBe(5_300);
    expect(() => checkWithinBudget({ budgetRials: 10_000 }, 5_300, 4_700)).not.toThrow();
    expect(() => checkWithinBudget({ budgetRials: 10_000 }, 5_300, 4_701)).toThrow(/4700 rials left/);
    expect(() => checkWithinBudget({ budgetRials: 10_000 }, 5_300, 4_701)).toThrow(refusal('call-budget-exceeded', 'amountRials'));
  });
});
