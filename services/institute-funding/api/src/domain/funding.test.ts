import { describe, expect, it } from 'vitest';
import {
  applicationStates,
  awardedFrom,
  awardFor,
  awardStatusAfter,
  callStatus,
  cancelAward,
  checkApplication,
  checkWithinBudget,
  FundingRuleError,
  householdsToGrant,
  IllegalStepError,
  isReleasable,
  payTranche,
  planTranches,
  releaseTranche,
  seatValue,
  stepApplication,
  verifiedCounts,
  type ApplicationStep,
  type AwardForMatching,
  type FundingCall,
  type Institute,
  type Tranche,
} from './funding.js';

const at = new Date('2026-11-20T08:00:00Z');
const call: FundingCall = { callId: 'c', budgetRials: 10_000_000_000, neighbourhoodIds: ['nbh-sarasiab', 'nbh-motahari'], trades: ['tailoring', 'pastry'], opensOn: '2026-11-01', closesOn: '2026-12-01' };
const institute: Institute = { instituteId: 'inst-negin', neighbourhoodId: 'nbh-sarasiab', trades: ['tailoring', 'carpentry'], licenceNo: 'KRM-1234', licenceValidUntil: '2027-06-30' };
const request = { trades: ['tailoring'], proposedSeats: 20, amountRequestedRials: 3_000_000_000 };

describe('funding calls and applications', () => {
  it('a call is upcoming, open (both ends included) or closed by the day', () => {
    expect(['2026-10-31', '2026-11-01', '2026-11-15', '2026-12-01', '2026-12-02'].map((d) => callStatus(call, d))).toEqual(['upcoming', 'open', 'open', 'open', 'closed']);
  });

  it('takes an application from a licensed institute of a target neighbourhood for trades both teach and fund', () => {
    expect(() => checkApplication(call, institute, request, '2026-11-15')).not.toThrow();
  });

  it.each([
    ['a call not open yet', call, institute, request, '2026-10-20', /upcoming/],
    ['a closed call', call, institute, request, '2026-12-05', /closed/],
    ['an expired licence', call, { ...institute, licenceValidUntil: '2026-11-14' }, request, '2026-11-15', /expired/],
    ['an institute outside the target neighbourhoods', call, { ...institute, neighbourhoodId: 'nbh-fajr' }, request, '2026-11-15', /not a target/],
    ['a trade the call does not fund', call, { ...institute, trades: ['carpentry'] }, { ...request, trades: ['carpentry'] }, '2026-11-15', /does not fund carpentry/],
    ['a trade the institute does not teach', call, institute, { ...request, trades: ['pastry'] }, '2026-11-15', /does not teach pastry/],
    ['a trade named twice', call, institute, { ...request, trades: ['tailoring', 'tailoring'] }, '2026-11-15', /twice/],
    ['more than the whole budget', call, institute, { ...request, amountRequestedRials: call.budgetRials + 1 }, '2026-11-15', /whole budget/],
  ])('refuses %s', (_what, c, i, r, today, message) => {
    expect(() => checkApplication(c, i, r, today)).toThrow(FundingRuleError);
    expect(() => checkApplication(c, i, r, today)).toThrow(message);
  });

  it('moves an application submitted → under review → awarded | rejected, and nothing else (every state × every step)', () => {
    const allowed: Record<string, string> = {
      'submitted/review': 'under-review',
      'submitted/reject': 'rejected',
      'under-review/award': 'awarded',
      'under-review/reject': 'rejected',
    };
    for (const state of applicationStates) {
      for (const step of ['review', 'award', 'reject'] as ApplicationStep[]) {
        const expected = allowed[`${state}/${step}`];
        if (expected) expect(stepApplication(state, step), `${state}/${step}`).toBe(expected);
        else expect(() => stepApplication(state, step), `${state}/${step}`).toThrow(IllegalStepError);
      }
    }
  });
});

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
    ['shares not adding to 100', { amountRials: 1_000, seats: 12, plan: plan.map((t) => ({ ...t, percent: 30 })) }, /100 %/],
    ['a zero share', { amountRials: 1_000, seats: 12, plan: [{ ...plan[0]!, percent: 0 }, { ...plan[1]!, percent: 100 }] }, /at least 1/],
    ['more than requested', { amountRials: request.amountRequestedRials + 1, seats: 12, plan }, /exceeds the amount requested/],
    ['a fractional amount', { amountRials: 10.5, seats: 12, plan }, /whole number/],
    ['more seats than proposed', { amountRials: 1_000, seats: 21, plan }, /seats/],
    ['a threshold beyond the seats', { amountRials: 1_000, seats: 8, plan }, /between 1 and the 8 seats/],
    ['a falling threshold', { amountRials: 1_000, seats: 12, plan: [plan[0]!, plan[2]!, { ...plan[1]!, percent: 30 }].map((t, i) => (i === 1 ? { ...t, percent: 40 } : t)) }, /lower than an earlier/],
    ['no tranche', { amountRials: 1_000, seats: 12, plan: [] }, /one to six/],
    ['a tranche of 0 rials', { amountRials: 1, seats: 12, plan }, /tranche 1 would be 0 rials/],
  ])('refuses %s', (_what, terms, message) => {
    expect(() => planTranches(terms, request)).toThrow(message);
  });

  it('keeps a call’s awards within its budget; a cancelled award holds only what it released', () => {
    const tranches = planTranches({ amountRials: 1_000, seats: 12, plan }, request);
    const released = releaseTranche('active', tranches, 1, { enrolments: 10, completions: 0 }, at);
    const awards = [
      { status: 'active' as const, amountRials: 5_000, tranches },
      { status: 'cancelled' as const, amountRials: 1_000, tranches: cancelAward('active', released).tranches },
    ];
    expect(awardedFrom(awards)).toBe(5_300);
    expect(() => checkWithinBudget({ budgetRials: 10_000 }, 5_300, 4_700)).not.toThrow();
    expect(() => checkWithinBudget({ budgetRials: 10_000 }, 5_300, 4_701)).toThrow(/4700 rials left/);
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
    expect(() => releaseTranche('active', tranches, 1, { enrolments: 9, completions: 0 }, at)).toThrow(/needs 10 verified enrolments; 9 so far/);
    expect(() => releaseTranche('active', tranches, 2, { enrolments: 12, completions: 12 }, at)).toThrow(/tranche 1 must be released first/);
    const one = releaseTranche('active', tranches, 1, { enrolments: 10, completions: 0 }, at);
    expect(() => releaseTranche('active', one, 1, { enrolments: 10, completions: 0 }, at)).toThrow(IllegalStepError);
    expect(() => releaseTranche('active', one, 4, { enrolments: 10, completions: 0 }, at)).toThrow(FundingRuleError);
    expect(() => releaseTranche('cancelled', tranches, 1, { enrolments: 12, completions: 12 }, at)).toThrow(/cancelled/);
    expect(() => releaseTranche('completed', tranches, 1, { enrolments: 12, completions: 12 }, at)).toThrow(/completed/);
  });

  it('pays only a released tranche; the award completes when every tranche is paid', () => {
    let tranches: Tranche[] = fresh();
    expect(() => payTranche('active', tranches, 1, 'PAY-1', at)).toThrow(/only a released tranche/);
    const all = { enrolments: 12, completions: 12 };
    for (const no of [1, 2, 3]) {
      tranches = releaseTranche('active', tranches, no, all, at);
      expect(() => payTranche('active', tranches, 9, 'PAY', at)).toThrow(FundingRuleError);
      expect(awardStatusAfter(tranches)).toBe('active');
      tranches = payTranche('active', tranches, no, `PAY-${no}`, at);
      expect(() => payTranche('active', tranches, no, 'again', at)).toThrow(/is paid/);
    }
    expect(tranches.map((t) => [t.state, t.paymentRef])).toEqual([['paid', 'PAY-1'], ['paid', 'PAY-2'], ['paid', 'PAY-3']]);
    expect(awardStatusAfter(tranches)).toBe('completed');
  });

  it('cancels an active award: pending tranches lapse, released ones stay (and may still be paid)', () => {
    const one = releaseTranche('active', fresh(), 1, { enrolments: 10, completions: 0 }, at);
    const { tranches, unreleased } = cancelAward('active', one);
    expect(tranches.map((t) => t.state)).toEqual(['released', 'cancelled', 'cancelled']);
    expect(unreleased).toBe(700_000);
    expect(payTranche('active', tranches, 1, 'PAY-1', at)[0]!.state).toBe('paid');
    expect(() => payTranche('cancelled', tranches, 1, 'PAY-1', at)).toThrow(/cancelled/);
    expect(() => cancelAward('cancelled', tranches)).toThrow(IllegalStepError);
    expect(() => cancelAward('completed', tranches)).toThrow(IllegalStepError);
    expect(() => releaseTranche('cancelled', tranches, 2, { enrolments: 12, completions: 12 }, at)).toThrow(IllegalStepError);
    expect(isReleasable(tranches, 2, { enrolments: 12, completions: 12 })).toBe(false);
  });
});

describe('verified outcomes', () => {
  it('counts enrolled residents and passes; a drop-out counts for neither, a fail only as an enrolment', () => {
    expect(
      verifiedCounts([
        { enrolled: true, result: null },
        { enrolled: true, result: 'passed' },
        { enrolled: false, result: 'passed' }, // completion heard before the enrolment: it was enrolled
        { enrolled: true, result: 'failed' },
        { enrolled: true, result: 'dropped-out' },
        { enrolled: false, result: 'dropped-out' },
      ]),
    ).toEqual({ enrolments: 4, completions: 2 });
    expect(verifiedCounts([])).toEqual({ enrolments: 0, completions: 0 });
  });

  const award = (id: string, extra: Partial<AwardForMatching> = {}): AwardForMatching => ({
    awardId: id, instituteId: 'inst-negin', trades: ['tailoring'], neighbourhoodIds: ['nbh-sarasiab'], status: 'active', awardedAt: at, ...extra,
  });
  const facts = { venue: { kind: 'private-institute' as const, id: 'inst-negin' }, trade: 'tailoring', neighbourhoodId: 'nbh-sarasiab' };

  it('counts an enrolment for the oldest active award of its institute, trade and target neighbourhood', () => {
    const older = award('b', { awardedAt: new Date('2026-01-01') });
    expect(awardFor(facts, [award('a'), older])?.awardId).toBe('b');
    expect(awardFor(facts, [award('a'), award('c', { status: 'cancelled', awardedAt: new Date('2025-01-01') })])?.awardId).toBe('a');
  });

  it.each([
    ['a course at a TVTO centre', { ...facts, venue: { kind: 'tvto-centre' as const, id: 'inst-negin' } }],
    ['another institute', { ...facts, venue: { kind: 'private-institute' as const, id: 'inst-farda' } }],
    ['another trade', { ...facts, trade: 'pastry' }],
    ['a resident outside the target neighbourhoods', { ...facts, neighbourhoodId: 'nbh-fajr' }],
    ['a resident of unknown neighbourhood', { ...facts, neighbourhoodId: null }],
  ])('does not count %s', (_what, f) => {
    expect(awardFor(f, [award('a')])).toBeUndefined();
  });

  it('grants each funded household once per award, up to the seats, only for seats that named a household', () => {
    const seats = [
      { enrolmentId: 'e1', householdRef: 'h1', residentRef: 'r1' },
      { enrolmentId: 'e2', householdRef: 'h1', residentRef: 'r2' }, // same household
      { enrolmentId: 'e3', householdRef: null, residentRef: 'r3' }, // a direct enrolment
      { enrolmentId: 'e4', householdRef: 'h2', residentRef: 'r4' },
      { enrolmentId: 'e5', householdRef: 'h3', residentRef: 'r5' },
      { enrolmentId: 'e6', householdRef: 'h4', residentRef: 'r6' },
    ];
    expect(householdsToGrant(seats, [], 10).map((s) => s.householdRef)).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(householdsToGrant(seats, [{ householdRef: 'h2' }], 10).map((s) => s.householdRef)).toEqual(['h1', 'h3', 'h4']);
    expect(householdsToGrant(seats, [{ householdRef: 'h2' }], 3).map((s) => s.householdRef)).toEqual(['h1', 'h3']);
    expect(householdsToGrant(seats, [{ householdRef: 'h1' }, { householdRef: 'h2' }], 2)).toEqual([]);
    expect(seatValue(1_000_000_001, 12)).toBe(83_333_333);
  });
});
