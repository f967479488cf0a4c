import { describe, expect, it } from 'vitest';
import { rankPriorities } from './ranking.js';

describe('rankPriorities', () => {
  it('ranks by total severity across households', () => {
    const ranked = rankPriorities([
      {
        needs: [
          { category: 'employment', severity: 5 },
          { category: 'housing-repair', severity: 2 },
        ],
      },
      {
        needs: [
          { category: 'employment', severity: 4 },
          { category: 'workshop-space', severity: 3 },
        ],
      },
      {
        needs: [
          { category: 'workshop-space', severity: 3 },
          { category: 'housing-repair', severity: 1 },
        ],
      },
    ]);
    expect(ranked).toEqual([
      { rank: 1, category: 'employment', score: 9, households: 2 },
      { rank: 2, category: 'workshop-space', score: 6, households: 2 },
      { rank: 3, category: 'housing-repair', score: 3, households: 2 },
    ]);
  });

  it('breaks a score tie in favour of the need more households share', () => {
    const ranked = rankPriorities([
      { needs: [{ category: 'social-care', severity: 4 }] },
      { needs: [{ category: 'skills-training', severity: 2 }] },
      { needs: [{ category: 'skills-training', severity: 2 }] },
    ]);
    expect(ranked.map((p) => p.category)).toEqual(['skills-training', 'social-care']);
  });

  it('breaks a full tie by the fixed category order, whatever the input order', () => {
    const a = rankPriorities([
      {
        needs: [
          { category: 'social-care', severity: 3 },
          { category: 'employment', severity: 3 },
        ],
      },
    ]);
    const b = rankPriorities([
      {
        needs: [
          { category: 'employment', severity: 3 },
          { category: 'social-care', severity: 3 },
        ],
      },
    ]);
    expect(a).toEqual(b);
    expect(a[0]?.category).toBe('employment');
  });

  it('ignores needs marked as absent and yields nothing without assessments', () => {
    expect(rankPriorities([])).toEqual([]);
    expect(rankPriorities([{ needs: [{ category: 'income-support', severity: 0 }] }])).toEqual([]);
  });
});
