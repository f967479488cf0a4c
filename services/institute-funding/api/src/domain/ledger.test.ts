import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@hamgam/service-kit/errors';
import {
  awardStatusAfter,
  cancelAward,
  payTranche,
  planTranches,
  releasedOf,
  releaseTranche,
  type AwardStatus,
  type Tranche,
} from './awards.js';
import { awardedFrom, checkWithinBudget } from './calls.js';
import {
  account,
  assertBalanced,
  awardPosting,
  balancesOf,
  budgetPosting,
  callPosition,
  cancellationPosting,
  checkLedger,
  LedgerError,
  paymentPosting,
  post,
  releasePosting,
  trialBalance,
  type Account,
  type Posting,
} from './ledger.js';

const at = new Date('2026-11-20T08:00:00Z');

describe('postings', () => {
  it('balance: every step moves one amount from one account to another', () => {
    for (const p of [
      budgetPosting('c', 100, at),
      awardPosting('c', 'a', 60, at),
      releasePosting('c', 'a', 1, 18, at),
      paymentPosting('c', 'a', 1, 18, at),
      cancellationPosting('c', 'a', 42, at),
    ]) {
      expect(() => assertBalanced(p)).not.toThrow();
      expect(p.lines.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
    }
  });

  it('refuse unbalanced, one-line, two-sided, fractional or negative lines', () => {
    const a: Account = 'budget:c';
    const b: Account = 'appropriation:c';
    const bad = [
      [
        { account: a, debit: 10, credit: 0 },
        { account: b, debit: 0, credit: 9 },
      ],
      [{ account: a, debit: 10, credit: 0 }],
      [
        { account: a, debit: 10, credit: 10 },
        { account: b, debit: 0, credit: 0 },
      ],
      [
        { account: a, debit: 1.5, credit: 0 },
        { account: b, debit: 0, credit: 1.5 },
      ],
      [
        { account: a, debit: -5, credit: 0 },
        { account: b, debit: 0, credit: -5 },
      ],
      [
        { account: a, debit: 0, credit: 0 },
        { account: b, debit: 0, credit: 0 },
      ],
    ];
    const codes = [
      'posting-unbalanced',
      'posting-too-few-lines',
      'posting-line-two-sided',
      'posting-amount-invalid',
      'posting-amount-invalid',
      'posting-line-two-sided',
    ];
    for (const [i, lines] of bad.entries()) {
      expect(() => assertBalanced({ postingId: 'x', lines }), JSON.stringify(lines)).toThrow(LedgerError);
      expect(() => assertBalanced({ postingId: 'x', lines }), JSON.stringify(lines)).toThrow(expect.objectContaining({ code: codes[i] }));
    }
  });

  it('refuse taking a budget, commitment or payable below zero, leaving the balances as they were', () => {
    const balances = balancesOf([budgetPosting('c', 100, at), awardPosting('c', 'a', 60, at)]);
    expect(() => post(balances, awardPosting('c', 'b', 41, at))).toThrow(/budget:c below zero/);
    expect(() => post(balances, awardPosting('c', 'b', 41, at))).toThrow(expect.objectContaining({ code: 'account-below-zero' }));
    expect(() => post(balances, releasePosting('c', 'a', 1, 61, at))).toThrow(/commitment:a below zero/);
    expect(() => post(balances, paymentPosting('c', 'a', 1, 1, at))).toThrow(/payable:a below zero/);
    expect(balances.get(account('budget', 'c'))).toBe(40);
  });

  it('give a call’s position: budget, available, committed, payable, paid', () => {
    const balances = balancesOf([
      budgetPosting('c', 1000, at),
      awardPosting('c', 'a', 600, at),
      awardPosting('c', 'b', 300, at),
      releasePosting('c', 'a', 1, 180, at),
      paymentPosting('c', 'a', 1, 180, at),
      releasePosting('c', 'a', 2, 240, at),
      cancellationPosting('c', 'b', 300, at),
    ]);
    expect(callPosition(balances, 'c', ['a', 'b'])).toEqual({ budget: 1000, available: 400, committed: 180, payable: 240, paid: 180 });
    expect(trialBalance(balances)).toBe(0);
  });
});

// A random programme: calls with budgets, awards on them, releases, payments and cancellations in any order.
type Op =
  | { op: 'award'; call: number; amount: number; seats: number; percents: number[] }
  | { op: 'release'; award: number; trancheNo: number }
  | { op: 'pay'; award: number; trancheNo: number }
  | { op: 'cancel'; award: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('award' as const),
    call: fc.nat(2),
    amount: fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 2_000_000_000 })),
    seats: fc.integer({ min: 1, max: 30 }),
    percents: fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n })),
  }),
  fc.record({ op: fc.constant('release' as const), award: fc.nat(9), trancheNo: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('pay' as const), award: fc.nat(9), trancheNo: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('cancel' as const), award: fc.nat(9) }),
);

/** Percentages that add up to 100 from any positive weights. */
function toPercents(weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => Math.max(1, Math.floor((w * 100) / total)));
  shares[shares.length - 1]! += 100 - shares.reduce((s, x) => s + x, 0);
  return shares[shares.length - 1]! >= 1 ? shares : [100];
}

interface ModelAward {
  id: string;
  callId: string;
  amountRials: number;
  status: AwardStatus;
  tranches: Tranche[];
}

describe('the ledger under any sequence of awards, releases, payments and cancellations', () => {
  it(
    'always balances, never awards beyond a call’s budget, never releases beyond an award, never pays beyond a release',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 3_000_000_000 }), { minLength: 3, maxLength: 3 }),
          fc.array(opArb, { maxLength: 60 }),
          (budgets, ops) => {
            const calls = budgets.map((budgetRials, i) => ({ callId: `call-${i}`, budgetRials }));
            const postings: Posting[] = calls.map((c) => budgetPosting(c.callId, c.budgetRials, at));
            let balances = balancesOf(postings);
            const awards: ModelAward[] = [];
            const everything = { enrolments: 1000, completions: 1000 };

            for (const op of ops) {
              const fresh: Posting[] = [];
              try {
                if (op.op === 'award') {
                  const call = calls[op.call]!;
                  const percents = toPercents(op.percents);
                  const tranches = planTranches(
                    {
                      amountRials: op.amount,
                      seats: op.seats,
                      plan: percents.map((percent, i) => ({
                        percent,
                        condition: { kind: 'enrolments', atLeast: Math.min(op.seats, i + 1) },
                      })),
                    },
                    { proposedSeats: op.seats, amountRequestedRials: op.amount },
                  );
                  expect(tranches.reduce((s, t) => s + t.amountRials, 0)).toBe(op.amount);
                  checkWithinBudget(call, awardedFrom(awards.filter((a) => a.callId === call.callId)), op.amount);
                  const award: ModelAward = {
                    id: `award-${awards.length}`,
                    callId: call.callId,
                    amountRials: op.amount,
                    status: 'active',
                    tranches,
                  };
                  fresh.push(awardPosting(call.callId, award.id, op.amount, at));
                  balances = post(balances, fresh[0]!); // the domain allowed it, so the ledger must
                  awards.push(award);
                } else {
                  const award = awards[op.award];
                  if (!award) continue;
                  if (op.op === 'release') {
                    const tranches = releaseTranche(award.status, award.tranches, op.trancheNo, everything, at);
                    const amount = award.tranches.find((t) => t.trancheNo === op.trancheNo)!.amountRials;
                    fresh.push(releasePosting(award.callId, award.id, op.trancheNo, amount, at));
                    balances = post(balances, fresh[0]!);
                    award.tranches = tranches;
                  } else if (op.op === 'pay') {
                    const tranches = payTranche(award.status, award.tranches, op.trancheNo, 'PAY-1', at);
                    const amount = award.tranches.find((t) => t.trancheNo === op.trancheNo)!.amountRials;
                    fresh.push(paymentPosting(award.callId, award.id, op.trancheNo, amount, at));
                    balances = post(balances, fresh[0]!);
                    award.tranches = tranches;
                    award.status = awardStatusAfter(tranches);
                  } else {
                    const { tranches, unreleased } = cancelAward(award.status, award.tranches);
                    if (unreleased > 0) {
                      fresh.push(cancellationPosting(award.callId, award.id, unreleased, at));
                      balances = post(balances, fresh[0]!);
                    }
                    award.tranches = tranches;
                    award.status = 'cancelled';
                  }
                }
                postings.push(...fresh);
              } catch (error) {
                // Only the domain's rules of the step may refuse it; the ledger never has to.
                if (error instanceof LedgerError || !(error instanceof DomainError)) throw error;
              }

              expect(trialBalance(balances)).toBe(0);
              expect(balancesOf(postings)).toEqual(balances);
              for (const call of calls) {
                const mine = awards.filter((a) => a.callId === call.callId);
                const position = callPosition(
                  balances,
                  call.callId,
                  mine.map((a) => a.id),
                );
                expect(position.budget).toBe(call.budgetRials);
                expect(awardedFrom(mine)).toBeLessThanOrEqual(call.budgetRials);
                expect(position.available).toBe(call.budgetRials - awardedFrom(mine));
                expect(position.available + position.committed + position.payable + position.paid).toBe(call.budgetRials);
              }
              for (const a of awards) {
                const released = releasedOf(a.tranches);
                const paid = a.tranches.filter((t) => t.state === 'paid').reduce((s, t) => s + t.amountRials, 0);
                expect(released).toBeLessThanOrEqual(a.amountRials);
                expect(balances.get(account('commitment', a.id)) ?? 0).toBe(a.status === 'cancelled' ? 0 : a.amountRials - released);
                expect(balances.get(account('payable', a.id)) ?? 0).toBe(released - paid);
                expect(balances.get(account('paid', a.id)) ?? 0).toBe(paid);
              }
            }
          },
        ),
        { numRuns: Number(process.env['FC_RUNS'] ?? 300) },
      );
    },
  );

  it('refuses any posting that would break a rule, whatever it is, and keeps the rest intact', { timeout: 60_000 }, () => {
    const accountArb = fc.constantFrom<Account>('appropriation:c', 'budget:c', 'commitment:a', 'payable:a', 'paid:a');
    const lineArb = fc
      .record({ account: accountArb, amount: fc.integer({ min: -5, max: 1000 }), side: fc.boolean() })
      .map(({ account: acc, amount, side }) => ({ account: acc, debit: side ? amount : 0, credit: side ? 0 : amount }));
    fc.assert(
      fc.property(fc.array(fc.array(lineArb, { maxLength: 4 }), { maxLength: 40 }), (candidates) => {
        let balances: Map<Account, number> = new Map();
        for (const [i, lines] of candidates.entries()) {
          try {
            balances = post(balances, { postingId: `p${i}`, lines });
          } catch (error) {
            expect(error).toBeInstanceOf(LedgerError);
          }
          expect(trialBalance(balances)).toBe(0);
          for (const [acc, b] of balances) if (!acc.startsWith('appropriation')) expect(b).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 500) },
    );
  });
});

describe('auditing stored postings', () => {
  it('reports nothing for a sound ledger and names an unbalanced posting or an overdrawn account', () => {
    const sound = [budgetPosting('c', 100, at), awardPosting('c', 'a', 60, at), releasePosting('c', 'a', 1, 20, at)];
    expect(checkLedger(sound)).toMatchObject({ trialBalance: 0, problems: [] });
    const lopsided = {
      postingId: 'x',
      lines: [
        { account: account('budget', 'c'), debit: 5, credit: 0 },
        { account: account('appropriation', 'c'), debit: 0, credit: 4 },
      ],
    };
    const report = checkLedger([...sound, lopsided, paymentPosting('c', 'a', 1, 30, at)]);
    expect(report.problems).toEqual([
      expect.stringMatching(/x does not balance/),
      expect.stringMatching(/payable:a below zero/),
      'debits and credits differ by 1',
    ]);
    expect(report.trialBalance).toBe(1);
  });
});
