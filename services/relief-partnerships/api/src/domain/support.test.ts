import { describe, expect, it } from 'vitest';
import {
  approvalTerms,
  approve,
  approveEligible,
  assess,
  canFollowUp,
  checkFollowUp,
  checkRepayment,
  disburse,
  isUndecided,
  loanSchedule,
  reject,
  repay,
  statusOf,
  supportStates,
  type SupportState,
} from './support.js';

const step = (code: string) => expect.objectContaining({ status: 409, code });
const broken = (code: string, field: string) => expect.objectContaining({ status: 422, code, field });

const others = (...allowed: SupportState[]) => supportStates.filter((s) => !allowed.includes(s));

describe('support request state machine', () => {
  it('assesses (and re-assesses) only undecided requests', () => {
    for (const from of ['submitted', 'eligible', 'ineligible'] as const) {
      expect(assess(from, true)).toBe('eligible');
      expect(assess(from, false)).toBe('ineligible');
    }
    for (const from of others('submitted', 'eligible', 'ineligible')) {
      expect(() => assess(from, true)).toThrow(step('request-decided'));
      expect(isUndecided(from)).toBe(false);
    }
  });

  it('approves only an eligible request', () => {
    expect(approve('eligible')).toBe('approved');
    for (const from of ['submitted', 'ineligible'] as const) expect(() => approve(from), from).toThrow(step('request-not-eligible'));
    for (const from of others('submitted', 'eligible', 'ineligible')) expect(() => approve(from), from).toThrow(step('request-decided'));
  });

  it('approves on the decision day’s facts, whatever the stored assessment said', () => {
    expect(approveEligible('ineligible', { eligible: true, reasons: [] })).toBe('approved');
    expect(() => approveEligible('eligible', { eligible: false, reasons: ['welfare-flag-expired'] })).toThrow(
      expect.objectContaining({ status: 409, code: 'request-not-eligible', message: expect.stringContaining('welfare-flag-expired') }),
    );
    expect(() => approveEligible('approved', { eligible: true, reasons: [] })).toThrow(step('request-decided'));
  });

  it('approves a loan with its terms and nothing else with any', () => {
    const terms = { months: 12, graceMonths: 1, feePercent: 4 };
    expect(approvalTerms('micro-loan', terms)).toEqual(terms);
    expect(approvalTerms('grant', undefined)).toBeNull();
    expect(() => approvalTerms('micro-loan', undefined)).toThrow(broken('loan-terms-missing', 'terms'));
    expect(() => approvalTerms('equipment', terms)).toThrow(broken('terms-not-for-loan', 'terms'));
  });

  it('rejects an eligible or ineligible request, nothing else', () => {
    expect(reject('eligible')).toBe('rejected');
    expect(reject('ineligible')).toBe('rejected');
    expect(() => reject('submitted')).toThrow(step('request-not-assessed'));
    for (const from of others('submitted', 'eligible', 'ineligible')) expect(() => reject(from), from).toThrow(step('request-decided'));
  });

  it('disburses only an approved request', () => {
    expect(disburse('approved')).toBe('disbursed');
    for (const from of ['disbursed', 'repaying', 'repaid'] as const) expect(() => disburse(from), from).toThrow(step('request-disbursed'));
    for (const from of others('approved', 'disbursed', 'repaying', 'repaid'))
      expect(() => disburse(from), from).toThrow(step('request-not-approved'));
  });

  it('takes repayments of a disbursed loan until nothing is outstanding', () => {
    expect(repay('disbursed', 'micro-loan', 500)).toBe('repaying');
    expect(repay('repaying', 'micro-loan', 1)).toBe('repaying');
    expect(repay('repaying', 'micro-loan', 0)).toBe('repaid');
    expect(repay('disbursed', 'micro-loan', 0)).toBe('repaid');
    for (const from of others('disbursed', 'repaying'))
      expect(() => repay(from, 'micro-loan', 10), from).toThrow(step('not-a-disbursed-loan'));
    expect(() => repay('disbursed', 'grant', 0)).toThrow(step('not-a-disbursed-loan'));
    expect(() => repay('disbursed', 'equipment', 0)).toThrow(step('not-a-disbursed-loan'));
    expect(() => loanSchedule({ state: 'disbursed', kind: 'grant', schedule: null })).toThrow(step('not-a-disbursed-loan'));
  });

  it('records a repayment once paid, after the disbursement, up to what is outstanding', () => {
    const loan = { today: '2026-05-10', disbursedOn: '2026-04-01', outstandingRials: 500 };
    expect(() => checkRepayment({ amountRials: 500, paidOn: '2026-05-10' }, loan)).not.toThrow();
    expect(() => checkRepayment({ amountRials: 100, paidOn: '2026-05-11' }, loan)).toThrow(broken('repayment-in-future', 'paidOn'));
    expect(() => checkRepayment({ amountRials: 100, paidOn: '2026-03-31' }, loan)).toThrow(
      broken('repayment-before-disbursement', 'paidOn'),
    );
    expect(() => checkRepayment({ amountRials: 501, paidOn: '2026-05-10' }, loan)).toThrow(
      broken('repayment-over-outstanding', 'amountRials'),
    );
  });

  it('shows a disbursed or repaying loan with late instalments as in arrears', () => {
    expect(statusOf('disbursed', 10)).toBe('in-arrears');
    expect(statusOf('repaying', 1)).toBe('in-arrears');
    expect(statusOf('repaying', 0)).toBe('repaying');
    for (const s of others('disbursed', 'repaying')) expect(statusOf(s, 10)).toBe(s);
  });

  it('allows follow-up visits once the support reached the household, recorded once they happened', () => {
    expect(supportStates.filter(canFollowUp)).toEqual(['disbursed', 'repaying', 'repaid']);
    expect(() => checkFollowUp('approved', '2026-05-10', '2026-05-10')).toThrow(step('follow-up-before-disbursement'));
    expect(() => checkFollowUp('disbursed', '2026-05-11', '2026-05-10')).toThrow(broken('visit-in-future', 'visitedOn'));
    expect(() => checkFollowUp('repaid', '2026-05-10', '2026-05-10')).not.toThrow();
  });

  it('walks a loan through its whole life', () => {
    let s: SupportState = 'submitted';
    s = assess(s, false);
    s = assess(s, true); // a late certificate
    s = approve(s);
    s = disburse(s);
    s = repay(s, 'micro-loan', 100);
    s = repay(s, 'micro-loan', 0);
    expect(s).toBe('repaid');
  });
});
