import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { describe, expect, it } from 'vitest';
import { awardStatusAfter, cancelAward, isReleasable, payTranche, planTranches, releaseTranche, type Tranche } from './awards.js';

const at = new Date('2026-11-20T08:00:00Z');
const request = { trades: ['tailoring'], proposedSeats: 20, amountRequestedRials: 3_000_000_000 };
/** The kit's error a step throws, by its stable code. */
const step = (code: string) => expect.objectContaining({ code });

const plan = [
  { percent: 30, condition: { kind: 'enrolments' as const, atLeast: 10 } },
  { percent: 40, condition: { kind: 'completions' as const, atLeast: 6 } },
  { percent: 30, condition: { kind: 'completions' as const, atLeast: 9 } },
];

describe('award terms', () => {
  it('splits the award into tranches whose amounts add up exactly (the last takes the remainder)', () => {
    const tranches = planTranches({ amountRials: 1_000_000_001, seats: 12, plan }, request);
    expect(tranches.map((t) => [t.trancheNo, t.amountRials, t.state])).toEqual([
      [1, 300_000_000, 'pending'],
      [2, 400_000_000, 'pending'],
      [3, 300_000_001, 'pending'],
    ]);
  });

  it.each([
    [
      'shares not adding to 100',
      { amountRials: 1_000, seats: 12, plan: plan.map((t) => ({ ...t, percent: 30 })) },
      /100 %/,
      'tranche-shares-not-100',
      'plan',
    ],
    [
      'a zero share',
      {
        amountRials: 1_000,
        seats: 12,
        plan: [
          { ...plan[0]!, percent: 0 },
          { ...plan[1]!, percent: 100 },
        ],
      },
      /at least 1/,
      'tranche-share-invalid',
      'plan.0.percent',
    ],
    [
      'more than requested',
      { amountRials: request.amountRequestedRials + 1, seats: 12, plan },
      /exceeds the amount requested/,
      'award-exceeds-request',
      'amountRials',
    ],
    ['a fractional amount', { amountRials: 10.5, seats: 12, plan }, /whole number/, 'award-amount-invalid', 'amountRials'],
    ['more seats than proposed', { amountRials: 1_000, seats: 21, plan }, /seats/, 'award-seats-invalid', 'seats'],
    [
      'a threshold beyond the seats',
      { amountRials: 1_000, seats: 8, plan },
      /between 1 and the 8 seats/,
      'tranche-threshold-invalid',
      'plan.0.condition.atLeast',
    ],
    [
      'a falling threshold',
      {
        amountRials: 1_000,
        seats: 12,
        plan: [plan[0]!, plan[2]!, { ...plan[1]!, percent: 30 }].map((t, i) => (i === 1 ? { ...t, percent: 40 } : t)),
      },
      /lower than an earlier/,
      'tranche-threshold-falls',
      'plan.2.condition.atLeast',
    ],
    ['no tranche', { amountRials: 1_000, seats: 12, plan: [] }, /one to six/, 'tranche-count-invalid', 'plan'],
    ['a tranche of 0 rials', { amountRials: 1, seats: 12, plan }, /tranche 1 would be 0 rials/, 'tranche-amount-zero', 'amountRials'],
  ])('refuses %s (a broken rule, with its code and field)', (_what, terms, message, code, field) => {
    expect(() => planTranches(terms, request)).toThrow(message);
    expect(() => planTranches(terms, request)).toThrow(BrokenRuleError);
    expect(() => planTranches(terms, request)).toThrow(expect.objectContaining({ code, field }));
  });
});

describe('tranches (pending → released → paid; pending → cancelled with the award)', () => {
  const fresh = () => planTranches({ amountRials: 1_000_000, seats: 12, plan }, request);

  it('is releasable only in order and only when its verified condition holds', () => {
    const tranches = fresh();
    expect(isReleasable(tranches, 1, { enrolments: 9, completions: 0 })).toBe(false);
    expect(isReleasable(tranches, 1, { enrolments: 10, completions: 0 })).toBe(true);
    expect(isReleasable(tranches, 2, { enrolments: 12, completions: 12 })).toBe(false); // tranche 1 first
    const one = releaseTranche('active', tranches, 1, { enrolments: 10, completions: 0 }, at);
    expect(isReleasable(one, 1, { enrolments: 12, completions: 0 })).toBe(false); // released already
    expect(isReleasable(one, 2, { enrolments: 12, completions: 5 })).toBe(false);
    expect(isReleasable(one, 2, { enrolments: 12, completions: 6 })).toBe(true);
    expect(isReleasable(one, 9, { enrolments: 12, completions: 12 })).toBe(false);
  });

  it('records the counts a release relied on', () => {
    const one = releaseTranche('active', fresh(), 1, { enrolments: 11, completions: 0 }, at);
    expect(one[0]).toMatchObject({ state: 'released', releasedAt: at, verifiedEnrolments: 11, verifiedCompletions: 0 });
    expect(one.slice(1).map((t) => t.state)).toEqual(['pending', 'pending']);
  });

  it('refuses a release before its condition, out of order, twice, of a missing tranche, or on an award not active', () => {
    const tranches = fresh();
    expect(() => releaseTranche('active', tranches, 1, { enrolments: 9, completions: 0 }, at)).toThrow(
      /needs 10 verified enrolments; 9 so far/,
    );
    expect(() => releaseTranche('active', tranches, 1, { enrolments: 9, completions: 0 }, at)).toThrow(step('tranche-condition-not-met'));
    expect(() => releaseTranche('active', tranches, 2, { enrolments: 12, completions: 12 }, at)).toThrow(
      /tranche 1 must be released first/,
    );
    expect(() => releaseTranche('active', tranches, 2, { enrolments: 12, completions: 12 }, at)).toThrow(step('earlier-tranche-pending'));
    const one = releaseTranche('active', tranches, 1, { enrolments: 10, completions: 0 }, at);
    expect(() => releaseTranche('active', one, 1, { enrolments: 10, completions: 0 }, at)).toThrow(IllegalStepError);
    expect(() => releaseTranche('active', one, 1, { enrolments: 10, completions: 0 }, at)).toThrow(step('tranche-not-pending'));
    expect(() => releaseTranche('active', one, 4, { enrolments: 10, completions: 0 }, at)).toThrow(NotFoundError);
    expect(() => releaseTranche('active', one, 4, { enrolments: 10, completions: 0 }, at)).toThrow(step('tranche-not-found'));
    expect(() => releaseTranche('cancelled', tranches, 1, { enrolments: 12, completions: 12 }, at)).toThrow(/cancelled/);
    expect(() => releaseTranche('completed', tranches, 1, { enrolments: 12, completions: 12 }, at)).toThrow(/completed/);
    expect(() => releaseTranche('completed', tranches, 1, { enrolments: 12, completions: 12 }, at)).toThrow(step('award-not-active'));
  });

  it('pays only a released tranche; the award completes when every tranche is paid', () => {
    let tranches: Tranche[] = fresh();
    expect(() => payTranche('active', tranches, 1, 'PAY-1', at)).toThrow(/only a released tranche/);
    expect(() => payTranche('active', tranches, 1, 'PAY-1', at)).toThrow(step('tranche-not-released'));
    const all = { enrolments: 12, completions: 12 };
    for (const no of [1, 2, 3]) {
      tranches = releaseTranche('active', tranches, no, all, at);
      expect(() => payTranche('active', tranches, 9, 'PAY', at)).toThrow(step('tranche-not-found'));
      expect(awardStatusAfter(tranches)).toBe('active');
      tranches = payTranche('active', tranches, no, `PAY-${no}`, at);
      expect(() => payTranche('active', tranches, no, 'again', at)).toThrow(/is paid/);
    }
    expect(tranches.map((t) => [t.state, t.paymentRef])).toEqual([
      ['paid', 'PAY-1'],
      ['paid', 'PAY-2'],
      ['paid', 'PAY-3'],
    ]);
    expect(awardStatusAfter(tranches)).toBe('completed');
  });

  it('cancels an active award: pending tranches lapse, released ones stay (and may still be paid)', () => {
    const one = releaseTranche('active', fresh(), 1, { enrolments: 10, completions: 0 }, at);
    const { tranches, unreleased } = cancelAward('active', one);
    expect(tranches.map((t) => t.state)).toEqual(['released', 'cancelled', 'cancelled']);
    expect(unreleased).toBe(700_000);
    expect(payTranche('active', tranches, 1, 'PAY-1', at)[0]!.state).toBe('paid');
    expect(() => payTranche('cancelled', tranches, 1, 'PAY-1', at)).toThrow(/cancelled/);
    expect(() => payTranche('cancelled', tranches, 1, 'PAY-1', at)).toThrow(step('award-cancelled'));
    expect(() => cancelAward('cancelled', tranches)).toThrow(IllegalStepError);
    expect(() => cancelAward('cancelled', tranches)).toThrow(step('award-not-active'));
    expect(() => cancelAward('completed', tranches)).toThrow(IllegalStepError);
    expect(() => releaseTranche('cancelled', tranches, 2, { enrolments: 12, completions: 12 }, at)).toThrow(IllegalStepError);
    expect(isReleasable(tranches, 2, { enrolments: 12, completions: 12 })).toBe(false);
  });
});
