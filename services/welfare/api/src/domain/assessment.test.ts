import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { describe, expect, it } from 'vitest';
import { scoreAssessment, suggestedFlags, type AssessmentAnswers } from './assessment.js';

const calm: AssessmentAnswers = {
  income: { level: 'sufficient', mainEarnerMonthsUnemployed: 0 },
  housing: { condition: 'adequate' },
  health: { disability: 'none', chronicIllness: false },
  household: { members: 4, dependants: 1, earners: 2, femaleHeaded: false },
};
const withAnswers = (patch: { [K in keyof AssessmentAnswers]?: Partial<AssessmentAnswers[K]> }): AssessmentAnswers => ({
  income: { ...calm.income, ...patch.income },
  housing: { ...calm.housing, ...patch.housing },
  health: { ...calm.health, ...patch.health },
  household: { ...calm.household, ...patch.household },
});

describe('vulnerability scoring', () => {
  it('scores a household without concerns 0, low, with no flags', () => {
    expect(scoreAssessment(calm)).toEqual({
      scores: { income: 0, housing: 0, health: 0, household: 0 },
      total: 0,
      level: 'low',
      suggestedFlags: [],
    });
  });

  it.each([
    ['sufficient', 0],
    ['irregular', 1],
    ['below-poverty-line', 2],
    ['no-income', 3],
  ] as const)('income %s scores %i', (level, score) => {
    expect(scoreAssessment(withAnswers({ income: { level } })).scores.income).toBe(score);
  });

  it.each([
    ['adequate', 0],
    ['insecure-tenure', 1],
    ['overcrowded', 2],
    ['unsafe', 3],
  ] as const)('housing %s scores %i', (condition, score) => {
    expect(scoreAssessment(withAnswers({ housing: { condition } })).scores.housing).toBe(score);
  });

  it.each([
    ['none', false, 0],
    ['none', true, 1],
    ['moderate', false, 2],
    ['moderate', true, 3],
    ['severe', false, 3],
    ['severe', true, 3],
  ] as const)('health: disability %s, chronic illness %s scores %i (capped at 3)', (disability, chronicIllness, score) => {
    expect(scoreAssessment(withAnswers({ health: { disability, chronicIllness } })).scores.health).toBe(score);
  });

  it('household: +1 female-headed, +1 no earner, +1 dependants at least half the members', () => {
    expect(scoreAssessment(withAnswers({ household: { femaleHeaded: true } })).scores.household).toBe(1);
    expect(scoreAssessment(withAnswers({ household: { earners: 0 } })).scores.household).toBe(1);
    expect(scoreAssessment(withAnswers({ household: { members: 4, dependants: 2, earners: 1 } })).scores.household).toBe(1);
    expect(scoreAssessment(withAnswers({ household: { members: 5, dependants: 2, earners: 1 } })).scores.household).toBe(0);
    expect(
      scoreAssessment(withAnswers({ household: { members: 4, dependants: 3, earners: 0, femaleHeaded: true } })).scores.household,
    ).toBe(3);
  });

  it('levels by total: 0–3 low, 4–7 medium, 8–12 high (boundaries)', () => {
    // 3: irregular (1) + overcrowded (2)
    expect(scoreAssessment(withAnswers({ income: { level: 'irregular' }, housing: { condition: 'overcrowded' } }))).toMatchObject({
      total: 3,
      level: 'low',
    });
    // 4: below poverty line (2) + overcrowded (2)
    expect(scoreAssessment(withAnswers({ income: { level: 'below-poverty-line' }, housing: { condition: 'overcrowded' } }))).toMatchObject({
      total: 4,
      level: 'medium',
    });
    // 7: 2 + 2 + 2 + 1
    const seven = withAnswers({
      income: { level: 'below-poverty-line' },
      housing: { condition: 'overcrowded' },
      health: { disability: 'moderate' },
      household: { femaleHeaded: true },
    });
    expect(scoreAssessment(seven)).toMatchObject({ total: 7, level: 'medium' });
    // 8: 3 + 2 + 2 + 1
    expect(scoreAssessment({ ...seven, income: { ...seven.income, level: 'no-income' } })).toMatchObject({ total: 8, level: 'high' });
    // 12: every domain in crisis
    const worst = withAnswers({
      income: { level: 'no-income', mainEarnerMonthsUnemployed: 24 },
      housing: { condition: 'unsafe' },
      health: { disability: 'severe', chronicIllness: true },
      household: { members: 5, dependants: 4, earners: 0, femaleHeaded: true },
    });
    expect(scoreAssessment(worst)).toMatchObject({ total: 12, level: 'high' });
  });

  it('a crisis in one domain makes a low total at least medium', () => {
    expect(scoreAssessment(withAnswers({ housing: { condition: 'unsafe' } }))).toMatchObject({ total: 3, level: 'medium' });
    expect(scoreAssessment(withAnswers({ health: { disability: 'severe' } }))).toMatchObject({ total: 3, level: 'medium' });
    expect(scoreAssessment(withAnswers({ income: { level: 'no-income' } }))).toMatchObject({ total: 3, level: 'medium' });
  });

  it('refuses facts no household has', () => {
    const refused = (answers: AssessmentAnswers, code: string, field: string) => {
      expect(() => scoreAssessment(answers)).toThrow(BrokenRuleError);
      expect(() => scoreAssessment(answers)).toThrow(expect.objectContaining({ code, field }));
    };
    refused(withAnswers({ household: { members: 0, dependants: 0, earners: 0 } }), 'household-members-invalid', 'household.members');
    refused(withAnswers({ household: { members: 3, dependants: 4 } }), 'household-counts-exceed-members', 'household.dependants');
    refused(withAnswers({ household: { members: 3, earners: 4, dependants: 0 } }), 'household-counts-exceed-members', 'household.earners');
    refused(withAnswers({ household: { members: 3, dependants: 2, earners: 2 } }), 'household-counts-exceed-members', 'household');
    refused(withAnswers({ household: { members: 2.5 } }), 'household-members-invalid', 'household.members');
    refused(withAnswers({ income: { mainEarnerMonthsUnemployed: -1 } }), 'months-unemployed-invalid', 'income.mainEarnerMonthsUnemployed');
  });
});

describe('suggested eligibility flags', () => {
  it('low-income from an income below the poverty line or none, not from irregular income', () => {
    expect(suggestedFlags(withAnswers({ income: { level: 'below-poverty-line' } }))).toEqual(['low-income']);
    expect(suggestedFlags(withAnswers({ income: { level: 'no-income' } }))).toEqual(['low-income']);
    expect(suggestedFlags(withAnswers({ income: { level: 'irregular' } }))).toEqual([]);
  });

  it('female-headed-household, disability-in-household (moderate or severe), long-term-unemployed from 12 months', () => {
    expect(suggestedFlags(withAnswers({ household: { femaleHeaded: true } }))).toEqual(['female-headed-household']);
    expect(suggestedFlags(withAnswers({ health: { disability: 'moderate' } }))).toEqual(['disability-in-household']);
    expect(suggestedFlags(withAnswers({ health: { disability: 'none', chronicIllness: true } }))).toEqual([]);
    expect(suggestedFlags(withAnswers({ income: { mainEarnerMonthsUnemployed: 11 } }))).toEqual([]);
    expect(suggestedFlags(withAnswers({ income: { mainEarnerMonthsUnemployed: 12 } }))).toEqual(['long-term-unemployed']);
  });

  it('all four together, in the contract’s order', () => {
    const all = withAnswers({
      income: { level: 'no-income', mainEarnerMonthsUnemployed: 30 },
      health: { disability: 'severe' },
      household: { femaleHeaded: true },
    });
    expect(scoreAssessment(all).suggestedFlags).toEqual([
      'low-income',
      'female-headed-household',
      'disability-in-household',
      'long-term-unemployed',
    ]);
  });
});
