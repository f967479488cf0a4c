import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from './days.js';
import { approve, assess, canFollowUp, disburse, isUndecided, reject, repay, statusOf, supportStates, type SupportState } from './support.js';

const others = (...allowed: SupportState[]) => supportStates.filter((s) => !allowed.includes(s));

describe('support request state machine', () => {
  it('assesses (and re-assesses) only undecided requests', () => {
    for (const from of ['submitted', 'eligible', 'ineligible'] as const) {
      expect(assess(from, true)).toBe('eligible');
      expect(assess(from, false)).toBe('ineligible');
    }
    for (const from of others('submitted', 'eligible', 'ineligible')) {
      expect(() => assess(from, true)).toThrow(IllegalTransitionError);
      expect(isUndecided(from)).toBe(false);
    }
  });

  it('approves only an eligible request', () => {
    expect(approve('eligible')).toBe('approved');
    for (const from of others('eligible')) expect(() => approve(from), from).toThrow(IllegalTransitionError);
  });

  it('rejects an eligible or ineligible request, nothing else', () => {
    expect(reject('eligible')).toBe('rejected');
    expect(reject('ineligible')).toBe('rejected');
    for (const from of others('eligible', 'ineligible')) expect(() => reject(from), from).toThrow(IllegalTransitionError);
  });

  it('disburses only an approved request', () => {
    expect(disburse('approved')).toBe('disbursed');
    for (const from of others('approved')) expect(() => disburse(from), from).toThrow(IllegalTransitionError);
  });

  it('takes repayments of a disbursed loan until nothing is outstanding', () => {
    expect(repay('disbursed', 'micro-loan', 500)).toBe('repaying');
    expect(repay('repaying', 'micro-loan', 1)).toBe('repaying');
    expect(repay('repaying', 'micro-loan', 0)).toBe('repaid');
    expect(repay('disbursed', 'micro-loan', 0)).toBe('repaid');
    for (const from of others('disbursed', 'repaying')) expect(() => repay(from, 'micro-loan', 10), from).toThrow(IllegalTransitionError);
    expect(() => repay('disbursed', 'grant', 0)).toThrow(IllegalTransitionError);
    expect(() => repay('disbursed', 'equipment', 0)).toThrow(IllegalTransitionError);
  });

  it('shows a disbursed or repaying loan with late instalments as in arrears', () => {
    expect(statusOf('disbursed', 10)).toBe('in-arrears');
    expect(statusOf('repaying', 1)).toBe('in-arrears');
    expect(statusOf('repaying', 0)).toBe('repaying');
    for (const s of others('disbursed', 'repaying')) expect(statusOf(s, 10)).toBe(s);
  });

  it('allows follow-up visits once the support reached the household', () => {
    expect(supportStates.filter(canFollowUp)).toEqual(['disbursed', 'repaying', 'repaid']);
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
