import { BrokenRuleError } from '@hamgam/service-kit/errors';

/**
 * The disbursement ledger: double entry in integer rials. Money enters a call's budget from the
 * programme's appropriation, is committed to an award, becomes payable to the institute when a tranche
 * is released against verified outcomes, and is paid. A cancelled award returns what it had not released
 * to its call's budget. Every posting balances, and no account may go where the rules forbid:
 *
 * - `budget:<call>` never negative — the awards of a call never exceed its budget;
 * - `commitment:<award>` never negative — an award never releases more than it awarded;
 * - `payable:<award>` never negative — an institute is never paid more than was released to it.
 *
 * Balances are debit-positive: the appropriation account is the one credit balance (the money's source).
 */

export type AccountKind = 'appropriation' | 'budget' | 'commitment' | 'payable' | 'paid';
export const accountKinds: readonly AccountKind[] = ['appropriation', 'budget', 'commitment', 'payable', 'paid'];

/** `<kind>:<call or award id>`, e.g. `budget:6f…`, `commitment:9a…`. */
export type Account = `${AccountKind}:${string}`;
export const account = (kind: AccountKind, id: string): Account => `${kind}:${id}`;
export const kindOf = (a: Account) => a.slice(0, a.indexOf(':')) as AccountKind;

export type PostingKind = 'budget' | 'award' | 'release' | 'payment' | 'cancellation';

export interface PostingLine {
  account: Account;
  debit: number;
  credit: number;
}

export interface Posting {
  /** Deterministic, so storing a posting twice is a no-op: e.g. `release:<award>:2`. */
  postingId: string;
  kind: PostingKind;
  callId: string;
  awardId: string | null;
  trancheNo: number | null;
  lines: PostingLine[];
  postedAt: Date;
}

/** A posting that would break the ledger's rules (the steps' own rules keep it from happening; the audit lists any). */
export class LedgerError extends BrokenRuleError {}

/** Accounts that must never go below zero (debit-positive). */
const nonNegative: ReadonlySet<AccountKind> = new Set(['budget', 'commitment', 'payable', 'paid']);

export type Balances = ReadonlyMap<Account, number>;

/** A posting's lines: positive integer amounts, one side each, debits equal to credits. */
export function assertBalanced(posting: Pick<Posting, 'postingId' | 'lines'>): void {
  if (posting.lines.length < 2) throw new LedgerError('posting-too-few-lines', `posting ${posting.postingId} needs at least two lines`);
  let debits = 0;
  let credits = 0;
  for (const line of posting.lines) {
    for (const amount of [line.debit, line.credit]) {
      if (!Number.isSafeInteger(amount) || amount < 0)
        throw new LedgerError('posting-amount-invalid', `posting ${posting.postingId}: amounts are whole, non-negative rials`);
    }
    if ((line.debit === 0) === (line.credit === 0))
      throw new LedgerError('posting-line-two-sided', `posting ${posting.postingId}: each line is either a debit or a credit`);
    debits += line.debit;
    credits += line.credit;
  }
  if (debits !== credits)
    throw new LedgerError('posting-unbalanced', `posting ${posting.postingId} does not balance: ${debits} ≠ ${credits}`);
}

/** The balances after a posting, refusing one that does not balance or breaks an account's rule. */
export function post(balances: Balances, posting: Pick<Posting, 'postingId' | 'lines'>): Map<Account, number> {
  assertBalanced(posting);
  const next = new Map(balances);
  for (const line of posting.lines) next.set(line.account, (next.get(line.account) ?? 0) + line.debit - line.credit);
  for (const line of posting.lines) {
    const balance = next.get(line.account)!;
    if (nonNegative.has(kindOf(line.account)) && balance < 0) {
      throw new LedgerError('account-below-zero', `posting ${posting.postingId} would take ${line.account} below zero (${balance})`);
    }
  }
  return next;
}

/** Replays postings from nothing (refusing the first that breaks a rule). */
export const balancesOf = (postings: readonly Pick<Posting, 'postingId' | 'lines'>[]) =>
  postings.reduce<Map<Account, number>>((b, p) => post(b, p), new Map());

/** Debits minus credits over every account: zero when every posting balanced. */
export const trialBalance = (balances: Balances) => [...balances.values()].reduce((sum, b) => sum + b, 0);

const move = (debit: Account, credit: Account, amount: number): PostingLine[] => [
  { account: debit, debit: amount, credit: 0 },
  { account: credit, debit: 0, credit: amount },
];

// The postings of each step of a call and its awards.
export const budgetPosting = (callId: string, amount: number, postedAt: Date): Posting => ({
  postingId: `budget:${callId}`,
  kind: 'budget',
  callId,
  awardId: null,
  trancheNo: null,
  postedAt,
  lines: move(account('budget', callId), account('appropriation', callId), amount),
});

export const awardPosting = (callId: string, awardId: string, amount: number, postedAt: Date): Posting => ({
  postingId: `award:${awardId}`,
  kind: 'award',
  callId,
  awardId,
  trancheNo: null,
  postedAt,
  lines: move(account('commitment', awardId), account('budget', callId), amount),
});

export const releasePosting = (callId: string, awardId: string, trancheNo: number, amount: number, postedAt: Date): Posting => ({
  postingId: `release:${awardId}:${trancheNo}`,
  kind: 'release',
  callId,
  awardId,
  trancheNo,
  postedAt,
  lines: move(account('payable', awardId), account('commitment', awardId), amount),
});

export const paymentPosting = (callId: string, awardId: string, trancheNo: number, amount: number, postedAt: Date): Posting => ({
  postingId: `payment:${awardId}:${trancheNo}`,
  kind: 'payment',
  callId,
  awardId,
  trancheNo,
  postedAt,
  lines: move(account('paid', awardId), account('payable', awardId), amount),
});

export const cancellationPosting = (callId: string, awardId: string, unreleased: number, postedAt: Date): Posting => ({
  postingId: `cancellation:${awardId}`,
  kind: 'cancellation',
  callId,
  awardId,
  trancheNo: null,
  postedAt,
  lines: move(account('budget', callId), account('commitment', awardId), unreleased),
});

/** One call's position, read off the balances. */
export function callPosition(balances: Balances, callId: string, awardIds: readonly string[]) {
  const of = (kind: AccountKind, id: string) => balances.get(account(kind, id)) ?? 0;
  const sum = (kind: AccountKind) => awardIds.reduce((s, id) => s + of(kind, id), 0);
  return {
    budget: -of('appropriation', callId),
    available: of('budget', callId),
    committed: sum('commitment'),
    payable: sum('payable'),
    paid: sum('paid'),
  };
}

/**
 * Audits stored postings: every one must balance, and in order none may take a guarded account below
 * zero. Never throws; lists what is wrong (an empty list: the ledger balances).
 */
export function checkLedger(postings: readonly Pick<Posting, 'postingId' | 'lines'>[]): {
  balances: Map<Account, number>;
  trialBalance: number;
  problems: string[];
} {
  let balances = new Map<Account, number>();
  const problems: string[] = [];
  for (const p of postings) {
    try {
      balances = post(balances, p);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      problems.push(error.message);
      for (const line of p.lines) balances.set(line.account, (balances.get(line.account) ?? 0) + line.debit - line.credit);
    }
  }
  const total = trialBalance(balances);
  if (total !== 0) problems.push(`debits and credits differ by ${total}`);
  return { balances, trialBalance: total, problems };
}
