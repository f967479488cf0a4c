import { describe, expect, it } from 'vitest';
import { duplicateBenefits, priorBenefits, type Benefit } from './duplicates.js';

const benefit = (over: Partial<Benefit>): Benefit => ({
  benefitId: 'b',
  source: 'relief-partnerships',
  householdRef: 'h1',
  purpose: 'income-support',
  amountRials: 1000,
  grantedAt: new Date('2026-01-01'),
  requestId: null,
  ...over,
});

describe('duplicate-benefit check', () => {
  it('flags a household funded by relief and by institute funding for the same purpose', () => {
    const relief = benefit({ benefitId: 'r1', requestId: 'q1', grantedAt: new Date('2026-03-01') });
    const fund = benefit({ benefitId: 'f1', source: 'institute-funding', grantedAt: new Date('2026-02-01') });
    expect(duplicateBenefits([relief, fund])).toEqual([{ householdRef: 'h1', purpose: 'income-support', benefits: [fund, relief] }]);
  });

  it('flags two benefits of one source too', () => {
    expect(duplicateBenefits([benefit({ benefitId: 'a' }), benefit({ benefitId: 'b2' })])).toHaveLength(1);
  });

  it('does not flag different purposes, different households, or one benefit heard twice', () => {
    expect(duplicateBenefits([benefit({ benefitId: 'a' }), benefit({ benefitId: 'b2', purpose: 'employment' })])).toEqual([]);
    expect(duplicateBenefits([benefit({ benefitId: 'a' }), benefit({ benefitId: 'b2', householdRef: 'h2' })])).toEqual([]);
    expect(duplicateBenefits([benefit({ benefitId: 'a' }), benefit({ benefitId: 'a' })])).toEqual([]);
  });

  it('lists the newest duplication first', () => {
    const flags = duplicateBenefits([
      benefit({ benefitId: 'a', householdRef: 'old', grantedAt: new Date('2025-01-01') }),
      benefit({ benefitId: 'b2', householdRef: 'old', grantedAt: new Date('2025-02-01') }),
      benefit({ benefitId: 'c', householdRef: 'new', grantedAt: new Date('2026-01-01') }),
      benefit({ benefitId: 'd', householdRef: 'new', grantedAt: new Date('2026-02-01') }),
    ]);
    expect(flags.map((f) => f.householdRef)).toEqual(['new', 'old']);
  });

  it('warns before approving: the household’s earlier benefits for the purpose, not the request’s own', () => {
    const own = benefit({ benefitId: 'r1', requestId: 'q1' });
    const fund = benefit({ benefitId: 'f1', source: 'institute-funding' });
    const other = benefit({ benefitId: 'f2', source: 'institute-funding', purpose: 'skills-training' });
    expect(priorBenefits({ requestId: 'q1', householdRef: 'h1', purpose: 'income-support' }, [own, fund, other])).toEqual([fund]);
    expect(priorBenefits({ requestId: 'q2', householdRef: 'h1', purpose: 'income-support' }, [own, fund, other])).toEqual([own, fund]);
    expect(priorBenefits({ requestId: 'q2', householdRef: 'h9', purpose: 'income-support' }, [own, fund])).toEqual([]);
  });
});
