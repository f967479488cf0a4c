import type { RankedPriority } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { applyAgreedOrder, checkAgreedOrder, InvalidAgreedOrderError, toRankedPriority } from './reranking.js';

const computed: RankedPriority[] = [
  { rank: 1, category: 'workshop-space', score: 40, households: 12 },
  { rank: 2, category: 'skills-training', score: 33, households: 11 },
  { rank: 3, category: 'employment', score: 20, households: 8 },
];

describe('applyAgreedOrder', () => {
  it('without an agreement keeps the computed order', () => {
    expect(applyAgreedOrder(computed, null).map((p) => [p.rank, p.category, p.computedRank])).toEqual([
      [1, 'workshop-space', 1],
      [2, 'skills-training', 2],
      [3, 'employment', 3],
    ]);
  });

  it('ranks 1..n in the agreed order and keeps scores, household counts and the computed rank', () => {
    const agreed = applyAgreedOrder(computed, { order: ['employment', 'workshop-space', 'skills-training'] });
    expect(agreed).toEqual([
      { rank: 1, category: 'employment', score: 20, households: 8, computedRank: 3 },
      { rank: 2, category: 'workshop-space', score: 40, households: 12, computedRank: 1 },
      { rank: 3, category: 'skills-training', score: 33, households: 11, computedRank: 2 },
    ]);
    expect(agreed.map(toRankedPriority)[0]).toEqual({ rank: 1, category: 'employment', score: 20, households: 8 });
  });

  it('after new assessments: the agreed categories keep their order, new categories follow in computed order', () => {
    const later: RankedPriority[] = [
      { rank: 1, category: 'workshop-space', score: 45, households: 13 },
      { rank: 2, category: 'housing-repair', score: 38, households: 10 },
      { rank: 3, category: 'skills-training', score: 34, households: 11 },
      { rank: 4, category: 'employment', score: 21, households: 8 },
      { rank: 5, category: 'social-care', score: 5, households: 2 },
    ];
    const agreed = applyAgreedOrder(later, { order: ['employment', 'workshop-space', 'skills-training'] });
    expect(agreed.map((p) => [p.rank, p.category, p.computedRank])).toEqual([
      [1, 'employment', 4],
      [2, 'workshop-space', 1],
      [3, 'skills-training', 3],
      [4, 'housing-repair', 2],
      [5, 'social-care', 5],
    ]);
  });

  it('drops an agreed category no household reports any more, without leaving a gap in the ranks', () => {
    const fewer = computed.filter((p) => p.category !== 'workshop-space').map((p, i) => ({ ...p, rank: i + 1 }));
    const agreed = applyAgreedOrder(fewer, { order: ['employment', 'workshop-space', 'skills-training'] });
    expect(agreed.map((p) => [p.rank, p.category])).toEqual([
      [1, 'employment'],
      [2, 'skills-training'],
    ]);
  });
});

describe('checkAgreedOrder', () => {
  it('accepts a permutation of the draft', () => {
    expect(() => checkAgreedOrder(computed, ['employment', 'skills-training', 'workshop-space'])).not.toThrow();
  });

  it('refuses repeats, unknown and missing categories, and an empty draft', () => {
    expect(() => checkAgreedOrder(computed, ['employment', 'employment', 'workshop-space'])).toThrow(/each category once/);
    expect(() => checkAgreedOrder(computed, ['employment', 'skills-training', 'workshop-space', 'social-care'])).toThrow(/social-care/);
    expect(() => checkAgreedOrder(computed, ['employment', 'skills-training'])).toThrow(/missing: workshop-space/);
    expect(() => checkAgreedOrder([], [])).toThrow(InvalidAgreedOrderError);
    expect(() => checkAgreedOrder([], [])).toThrow(expect.objectContaining({ status: 422, code: 'agreed-order-invalid', field: 'order' }));
  });
});
