import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { addMonths } from './days.js';

/**
 * A qard al-hasan loan's repayment schedule and its arrears. Integer rials throughout: the instalments
 * always add up exactly to the principal plus the fee. Pure.
 */
export interface LoanTerms {
  amountRials: number;
  /** Number of monthly instalments. */
  months: number;
  /** Months after disbursement before the first instalment falls due. */
  graceMonths: number;
  /** The qard al-hasan fee (کارمزد), a yearly percentage over the loan's term (typically 0–4 %), up to two decimals. */
  feePercent: number;
}

export interface Instalment {
  no: number;
  dueOn: string;
  principalRials: number;
  feeRials: number;
  amountRials: number;
}

export interface Schedule {
  principalRials: number;
  feeRials: number;
  totalRials: number;
  instalments: Instalment[];
}

export const loanLimits = { maxAmountRials: 100_000_000_000, maxMonths: 120, maxGraceMonths: 24, maxFeePercent: 4 } as const;

/** Checks terms; the first one out of bounds is a broken rule (422) naming its field. */
export function checkTerms(terms: LoanTerms): void {
  const { amountRials, months, graceMonths, feePercent } = terms;
  if (!Number.isSafeInteger(amountRials) || amountRials <= 0 || amountRials > loanLimits.maxAmountRials) {
    throw new BrokenRuleError('loan-amount-invalid', 'the amount must be a positive whole number of rials', 'amountRials');
  }
  if (!Number.isInteger(months) || months < 1 || months > loanLimits.maxMonths)
    throw new BrokenRuleError('loan-months-out-of-range', `the loan runs 1–${loanLimits.maxMonths} months`, 'terms.months');
  if (!Number.isInteger(graceMonths) || graceMonths < 0 || graceMonths > loanLimits.maxGraceMonths) {
    throw new BrokenRuleError('grace-months-out-of-range', `grace is 0–${loanLimits.maxGraceMonths} months`, 'terms.graceMonths');
  }
  const basisPoints = Math.round(feePercent * 100);
  if (!(feePercent >= 0) || feePercent > loanLimits.maxFeePercent || Math.abs(basisPoints - feePercent * 100) > 1e-6) {
    throw new BrokenRuleError(
      'fee-out-of-range',
      `the fee is 0–${loanLimits.maxFeePercent} % with at most two decimals`,
      'terms.feePercent',
    );
  }
}

/** The fee in rials: the yearly rate over the term, on the principal, rounded down to the rial. */
export function feeOf(terms: LoanTerms): number {
  const basisPoints = Math.round(terms.feePercent * 100);
  // amount ≤ 1e11, bp ≤ 400, months ≤ 120: the product stays below 2^53.
  return Math.floor((terms.amountRials * basisPoints * terms.months) / (12 * 10_000));
}

/** `total` in `parts` whole pieces that differ by at most one rial, the larger ones first. */
export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const remainder = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** The monthly instalments of a loan disbursed on `disbursedOn`: the first falls due `graceMonths + 1` months later. */
export function repaymentSchedule(terms: LoanTerms, disbursedOn: string): Schedule {
  checkTerms(terms);
  const feeRials = feeOf(terms);
  const principal = splitEvenly(terms.amountRials, terms.months);
  const fee = splitEvenly(feeRials, terms.months);
  const instalments = principal.map((p, i) => ({
    no: i + 1,
    dueOn: addMonths(disbursedOn, terms.graceMonths + i + 1),
    principalRials: p,
    feeRials: fee[i]!,
    amountRials: p + fee[i]!,
  }));
  return { principalRials: terms.amountRials, feeRials, totalRials: terms.amountRials + feeRials, instalments };
}

export interface Arrears {
  paidRials: number;
  outstandingRials: number;
  /** What fell due before today and is not paid. */
  arrearsRials: number;
  /** Instalments due before today not fully covered by the repayments. */
  overdueInstalments: number;
  /** The oldest such instalment's due day. */
  oldestOverdueOn: string | null;
  /** The first instalment not fully paid (overdue or not). */
  nextDue: { no: number; dueOn: string; remainingRials: number } | null;
}

/**
 * Repayments cover the instalments in order. An instalment due on a day is late once that day is
 * over (by the service clock's `today`).
 */
export function arrearsOf(schedule: Schedule, repayments: readonly { amountRials: number }[], today: string): Arrears {
  const paidRials = repayments.reduce((sum, r) => sum + r.amountRials, 0);
  let covered = paidRials;
  let arrearsRials = 0;
  let overdueInstalments = 0;
  let oldestOverdueOn: string | null = null;
  let nextDue: Arrears['nextDue'] = null;
  for (const instalment of schedule.instalments) {
    const paidHere = Math.min(covered, instalment.amountRials);
    covered -= paidHere;
    const remaining = instalment.amountRials - paidHere;
    if (remaining === 0) continue;
    nextDue ??= { no: instalment.no, dueOn: instalment.dueOn, remainingRials: remaining };
    if (today > instalment.dueOn) {
      arrearsRials += remaining;
      overdueInstalments++;
      oldestOverdueOn ??= instalment.dueOn;
    }
  }
  return {
    paidRials,
    outstandingRials: Math.max(0, schedule.totalRials - paidRials),
    arrearsRials,
    overdueInstalments,
    oldestOverdueOn,
    nextDue,
  };
}
