import type { EligibilityFlag } from '@hamgam/contracts';
import { BrokenRuleError } from '@hamgam/service-kit/errors';

/**
 * The vulnerability assessment a welfare case worker records for a household. Four domains, each
 * answered with a few structured facts and scored 0 (no concern) … 3 (crisis):
 *
 * | domain | answer → score |
 * |---|---|
 * | income | `sufficient` 0 · `irregular` 1 · `below-poverty-line` 2 · `no-income` 3 |
 * | housing | `adequate` 0 · `insecure-tenure` 1 · `overcrowded` 2 · `unsafe` 3 |
 * | health | disability `none` 0 · `moderate` 2 · `severe` 3; a chronic illness adds 1 (at most 3) |
 * | household | +1 female-headed, +1 no earner, +1 dependants (children and elderly) at least half the members (at most 3) |
 *
 * The total (0…12) gives the level: **low** 0–3, **medium** 4–7, **high** 8–12; a crisis (3) in any
 * one domain makes the level at least **medium**, whatever the total.
 */
export const incomeLevels = ['sufficient', 'irregular', 'below-poverty-line', 'no-income'] as const;
export const housingConditions = ['adequate', 'insecure-tenure', 'overcrowded', 'unsafe'] as const;
export const disabilityLevels = ['none', 'moderate', 'severe'] as const;
export const vulnerabilityLevels = ['low', 'medium', 'high'] as const;

export type IncomeLevel = (typeof incomeLevels)[number];
export type HousingCondition = (typeof housingConditions)[number];
export type DisabilityLevel = (typeof disabilityLevels)[number];
export type VulnerabilityLevel = (typeof vulnerabilityLevels)[number];

export interface AssessmentAnswers {
  income: {
    level: IncomeLevel;
    /** Months the household's main earner has been without work (0 when working). */
    mainEarnerMonthsUnemployed: number;
  };
  housing: { condition: HousingCondition };
  health: { disability: DisabilityLevel; chronicIllness: boolean };
  household: {
    members: number;
    /** Children under 18 and members over 65. */
    dependants: number;
    earners: number;
    femaleHeaded: boolean;
  };
}

export interface DomainScores {
  income: number;
  housing: number;
  health: number;
  household: number;
}

export interface AssessmentResult {
  scores: DomainScores;
  total: number;
  level: VulnerabilityLevel;
  /** The eligibility flags these facts support; the officer confirms each one (with a validity) or not. */
  suggestedFlags: EligibilityFlag[];
}

/** Unemployed this long or longer counts as long-term unemployment. */
export const longTermUnemploymentMonths = 12;

const incomeScore: Record<IncomeLevel, number> = { sufficient: 0, irregular: 1, 'below-poverty-line': 2, 'no-income': 3 };
const housingScore: Record<HousingCondition, number> = { adequate: 0, 'insecure-tenure': 1, overcrowded: 2, unsafe: 3 };
const disabilityScore: Record<DisabilityLevel, number> = { none: 0, moderate: 2, severe: 3 };

/** Facts that cannot describe one household (more dependants or earners than members) break a rule, naming the answer at fault. */
export function checkAnswers(answers: AssessmentAnswers): void {
  const { members, dependants, earners } = answers.household;
  if (!Number.isInteger(members) || members < 1)
    throw new BrokenRuleError('household-members-invalid', 'a household has at least one member', 'household.members');
  if (!Number.isInteger(dependants) || dependants < 0 || dependants > members) {
    throw new BrokenRuleError(
      'household-counts-exceed-members',
      'dependants must be between 0 and the number of members',
      'household.dependants',
    );
  }
  if (!Number.isInteger(earners) || earners < 0 || earners > members) {
    throw new BrokenRuleError(
      'household-counts-exceed-members',
      'earners must be between 0 and the number of members',
      'household.earners',
    );
  }
  if (dependants + earners > members)
    throw new BrokenRuleError(
      'household-counts-exceed-members',
      'dependants and earners together cannot outnumber the members',
      'household',
    );
  const months = answers.income.mainEarnerMonthsUnemployed;
  if (!Number.isInteger(months) || months < 0 || months > 600) {
    throw new BrokenRuleError(
      'months-unemployed-invalid',
      'months unemployed must be a whole number from 0 to 600',
      'income.mainEarnerMonthsUnemployed',
    );
  }
}

/** Scores an assessment (pure; see the scale above). Impossible facts are a broken rule. */
export function scoreAssessment(answers: AssessmentAnswers): AssessmentResult {
  checkAnswers(answers);
  const { household } = answers;
  const scores: DomainScores = {
    income: incomeScore[answers.income.level],
    housing: housingScore[answers.housing.condition],
    health: Math.min(3, disabilityScore[answers.health.disability] + (answers.health.chronicIllness ? 1 : 0)),
    household: Math.min(
      3,
      (household.femaleHeaded ? 1 : 0) + (household.earners === 0 ? 1 : 0) + (household.dependants * 2 >= household.members ? 1 : 0),
    ),
  };
  const total = scores.income + scores.housing + scores.health + scores.household;
  const byTotal: VulnerabilityLevel = total >= 8 ? 'high' : total >= 4 ? 'medium' : 'low';
  const crisis = Object.values(scores).some((s) => s === 3);
  const level: VulnerabilityLevel = crisis && byTotal === 'low' ? 'medium' : byTotal;
  return { scores, total, level, suggestedFlags: suggestedFlags(answers) };
}

/** Which eligibility flags the facts support, in the contract's order. */
export function suggestedFlags(answers: AssessmentAnswers): EligibilityFlag[] {
  const flags: EligibilityFlag[] = [];
  if (incomeScore[answers.income.level] >= 2) flags.push('low-income');
  if (answers.household.femaleHeaded) flags.push('female-headed-household');
  if (answers.health.disability !== 'none') flags.push('disability-in-household');
  if (answers.income.mainEarnerMonthsUnemployed >= longTermUnemploymentMonths) flags.push('long-term-unemployed');
  return flags;
}
