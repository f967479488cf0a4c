import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './days.js';
import { arrearsOf, checkTerms, feeOf, repaymentSchedule, splitEvenly, type LoanTerms } from './schedule.js';

const terms = (over: Partial<LoanTerms> = {}): LoanTerms => ({
  amountRials: 300_000_000,
  months: 36,
  graceMonths: 3,
  feePercent: 4,
  ...over,
});

const termsArb = fc.record({
  amountRials: fc.integer({ min: 1, max: 100_000_000_000 }),
  months: fc.integer({ min: 1, max: 120 }),
  graceMonths: fc.integer({ min: 0, max: 24 }),
  feePercent: fc.integer({ min: 0, max: 400 }).map((bp) => bp / 100),
});
const dayArb = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('repaymentSchedule', () => {
  it('a 300m-rial loan over 36 months at 4 % after 3 months’ grace', () => {
    const s = repaymentSchedule(terms(), '2026-03-15');
    expect(s.feeRials).toBe(36_000_000); // 4 % a year for 3 years
    expect(s.totalRials).toBe(336_000_000);
    expect(s.instalments).toHaveLength(36);
    expect(s.instalments[0]).toEqual({
      no: 1,
      dueOn: '2026-07-15',
      principalRials: 8_333_334,
      feeRials: 1_000_000,
      amountRials: 9_333_334,
    });
    expect(s.instalments.at(-1)).toMatchObject({ no: 36, dueOn: '2029-06-15', principalRials: 8_333_333 });
  });

  it('an interest-free loan costs exactly its principal', () => {
    const s = repaymentSchedule(terms({ feePercent: 0, amountRials: 100, months: 3, graceMonths: 0 }), '2026-01-31');
    expect(s.instalments.map((i) => [i.dueOn, i.amountRials])).toEqual([
      ['2026-02-28', 34],
      ['2026-03-31', 33],
      ['2026-04-30', 33],
    ]);
    expect(s.totalRials).toBe(100);
  });

  it('refuses terms out of bounds', () => {
    const bad: [LoanTerms, string, string][] = [
      [terms({ amountRials: 0 }), 'loan-amount-invalid', 'amountRials'],
      [terms({ amountRials: 1.5 }), 'loan-amount-invalid', 'amountRials'],
      [terms({ months: 0 }), 'loan-months-out-of-range', 'terms.months'],
      [terms({ months: 121 }), 'loan-months-out-of-range', 'terms.months'],
      [terms({ graceMonths: -1 }), 'grace-months-out-of-range', 'terms.graceMonths'],
      [terms({ feePercent: 4.01 }), 'fee-out-of-range', 'terms.feePercent'],
      [terms({ feePercent: -1 }), 'fee-out-of-range', 'terms.feePercent'],
      [terms({ feePercent: 1.234 }), 'fee-out-of-range', 'terms.feePercent'],
    ];
    for (const [t, code, field] of bad)
      expect(() => checkTerms(t), JSON.stringify(t)).toThrow(expect.objectContaining({ status: 422, code, field }));
    expect(() => checkTerms(terms({ feePercent: 2.5 }))).not.toThrow();
  });

  it('property: the instalments add up exactly to principal + fee, principal and fee each exactly', () => {
    fc.assert(
      fc.property(termsArb, dayArb, (t, day) => {
        const s = repaymentSchedule(t, day);
        const sum = (f: (i: (typeof s.instalments)[number]) => number) => s.instalments.reduce((a, i) => a + f(i), 0);
        expect(s.instalments).toHaveLength(t.months);
        expect(sum((i) => i.amountRials)).toBe(s.totalRials);
        expect(sum((i) => i.principalRials)).toBe(t.amountRials);
        expect(sum((i) => i.feeRials)).toBe(s.feeRials);
        expect(s.totalRials).toBe(t.amountRials + feeOf(t));
        expect(s.feeRials).toBeLessThanOrEqual(Math.ceil((t.amountRials * 0.04 * t.months) / 12));
      }),
      { numRuns: 300 },
    );
  });

  it('property: whole rials, at most one rial apart, due monthly after the grace, strictly later each time', () => {
    fc.assert(
      fc.property(termsArb, dayArb, (t, day) => {
        const s = repaymentSchedule(t, day);
        const amounts = s.instalments.map((i) => i.amountRials);
        for (const a of amounts) expect(Number.isInteger(a) && a >= 0).toBe(true);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(2);
        expect(s.instalments[0]!.dueOn).toBe(addMonths(day, t.graceMonths + 1));
        for (let k = 1; k < s.instalments.length; k++) expect(s.instalments[k]!.dueOn > s.instalments[k - 1]!.dueOn).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('splitEvenly keeps the sum and puts the remainder first', () => {
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 120 }), (total, parts) => {
        const split = splitEvenly(total, parts);
        expect(split.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });
});

describe('arrearsOf', () => {
  const s = repaymentSchedule({ amountRials: 1200, months: 12, graceMonths: 0, feePercent: 0 }, '2026-01-10');
  // instalments of 100 due 2026-02-10, 03-10, ...

  it('nothing is late before the first due day is over', () => {
    expect(arrearsOf(s, [], '2026-02-10')).toMatchObject({
      arrearsRials: 0,
      overdueInstalments: 0,
      outstandingRials: 1200,
      nextDue: { no: 1, dueOn: '2026-02-10', remainingRials: 100 },
    });
  });

  it('an unpaid instalment is late the day after it fell due', () => {
    expect(arrearsOf(s, [], '2026-02-11')).toMatchObject({ arrearsRials: 100, overdueInstalments: 1, oldestOverdueOn: '2026-02-10' });
  });

  it('repayments cover instalments in order; a part-paid one is still late for the rest', () => {
    const a = arrearsOf(s, [{ amountRials: 150 }], '2026-04-11');
    expect(a).toMatchObject({
      paidRials: 150,
      arrearsRials: 150,
      overdueInstalments: 2,
      oldestOverdueOn: '2026-03-10',
      outstandingRials: 1050,
      nextDue: { no: 2, remainingRials: 50 },
    });
  });

  it('paying ahead leaves no arrears, paying all leaves nothing outstanding', () => {
    expect(arrearsOf(s, [{ amountRials: 400 }], '2026-04-11')).toMatchObject({
      arrearsRials: 0,
      overdueInstalments: 0,
      nextDue: { no: 5 },
    });
    expect(arrearsOf(s, [{ amountRials: 1000 }, { amountRials: 200 }], '2030-01-01')).toMatchObject({
      arrearsRials: 0,
      outstandingRials: 0,
      nextDue: null,
    });
  });

  it('property: arrears never exceed what fell due, and vanish once everything due is paid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1300 }), fc.integer({ min: 0, max: 500 }), (paid, offset) => {
        const today = addDays('2026-01-10', offset);
        const a = arrearsOf(s, paid > 0 ? [{ amountRials: paid }] : [], today);
        const due = s.instalments.filter((i) => today > i.dueOn).reduce((x, i) => x + i.amountRials, 0);
        expect(a.arrearsRials).toBe(Math.max(0, due - paid));
      }),
    );
  });
});
