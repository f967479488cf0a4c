import { describe, expect, it } from 'vitest';
import { duplicateBenefits, flagIdOf, type KnownBenefit } from './duplicates.js';

const benefit = (
  benefitId: string,
  householdRef: string,
  purpose: string,
  source: KnownBenefit['source'],
  day: number,
  amountRials = 100,
): KnownBenefit => ({
  benefitId,
  householdRef,
  purpose,
  source,
  amountRials,
  grantedAt: new Date(Date.UTC(2026, 10, day)),
});

describe('the duplicate-benefit check', () => {
  it('flags a household funded for the same purpose by relief and by institute funding', () => {
    const flags = duplicateBenefits([
      benefit('b2', 'h1', 'skills-training', 'institute-funding', 10, 300),
      benefit('b1', 'h1', 'skills-training', 'relief-partnerships', 5, 200),
    ]);
    expect(flags).toEqual([
      {
        flagId: flagIdOf('h1', 'skills-training'),
        householdRef: 'h1',
        purpose: 'skills-training',
        crossAgency: true,
        totalRials: 500,
        benefits: [expect.objectContaining({ benefitId: 'b1' }), expect.objectContaining({ benefitId: 'b2' })],
      },
    ]);
  });

  it('flags two awards funding the same household here too, cross-agency flags first', () => {
    const flags = duplicateBenefits([
      benefit('a1', 'h2', 'skills-training', 'institute-funding', 1),
      benefit('a2', 'h2', 'skills-training', 'institute-funding', 2),
      benefit('b1', 'h1', 'skills-training', 'relief-partnerships', 5),
      benefit('b2', 'h1', 'skills-training', 'institute-funding', 6),
    ]);
    expect(flags.map((f) => [f.householdRef, f.crossAgency])).toEqual([
      ['h1', true],
      ['h2', false],
    ]);
  });

  it('does not flag one benefit, different purposes, different households, or the same benefit heard twice', () => {
    expect(
      duplicateBenefits([
        benefit('b1', 'h1', 'skills-training', 'relief-partnerships', 1),
        benefit('b1', 'h1', 'skills-training', 'relief-partnerships', 1),
        benefit('b2', 'h1', 'income-support', 'institute-funding', 2),
        benefit('b3', 'h2', 'skills-training', 'institute-funding', 3),
      ]),
    ).toEqual([]);
  });

  it('keeps a flag’s id stable per household and purpose (opaque: no household id inside)', () => {
    expect(flagIdOf('h1', 'skills-training')).toBe(flagIdOf('h1', 'skills-training'));
    expect(flagIdOf('h1', 'skills-training')).not.toBe(flagIdOf('h1', 'employment'));
    expect(flagIdOf('h1', 'skills-training')).toMatch(/^[0-9a-f]{24}$/);
  });
});
