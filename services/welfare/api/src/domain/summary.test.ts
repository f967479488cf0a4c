import { describe, expect, it } from 'vitest';
import { scoreAssessment } from './assessment.js';
import type { WelfareCase } from './cases.js';
import { summarise } from './summary.js';

const now = new Date('2026-03-10T08:00:00Z');
const result = scoreAssessment({
  income: { level: 'no-income', mainEarnerMonthsUnemployed: 0 },
  housing: { condition: 'unsafe' },
  health: { disability: 'severe', chronicIllness: false },
  household: { members: 2, dependants: 1, earners: 0, femaleHeaded: false },
});
const base: WelfareCase = { state: 'opened', closedFrom: null, closure: null, assessment: null, goals: [], visits: [], flags: [] };
const flag = (validUntil: string, revoked = false) => ({
  flagId: validUntil,
  flag: 'low-income' as const,
  validUntil,
  confirmedAt: now,
  confirmedBy: 'w',
  revokedAt: revoked ? now : null,
  revokedBy: revoked ? 'w' : null,
});

describe('caseload summary', () => {
  it('counts per neighbourhood and in total, by stage, level (unassessed too) and overdue work; only active flags', () => {
    const cases = [
      { ...base, neighbourhoodId: 'nbh-b' },
      {
        ...base,
        neighbourhoodId: 'nbh-a',
        state: 'assessed' as const,
        assessment: { answers: {} as never, result, assessedAt: now, assessedBy: 'w' },
        flags: [flag('2026-04-01'), flag('2026-03-09')],
      },
      {
        ...base,
        neighbourhoodId: 'nbh-a',
        state: 'planned' as const,
        goals: [
          { goalId: 'g', text: 't', met: false, tasks: [{ taskId: 't', text: 't', dueOn: '2026-03-01', done: false, doneAt: null }] },
        ],
        flags: [flag('2026-04-01', true)],
      },
    ];
    const summary = summarise(cases, now);
    expect(summary.neighbourhoods.map((n) => n.neighbourhoodId)).toEqual(['nbh-a', 'nbh-b']);
    expect(summary.neighbourhoods[0]).toMatchObject({
      total: 2,
      withOverdueWork: 1,
      byState: { opened: 0, assessed: 1, planned: 1, 'in-follow-up': 0, closed: 0 },
      byLevel: { low: 0, medium: 0, high: 1, unassessed: 1 },
    });
    expect(summary.totals).toMatchObject({ total: 3, withOverdueWork: 1, byLevel: { high: 1, unassessed: 2 } });
    expect(summary.activeFlags).toEqual({
      'low-income': 1,
      'female-headed-household': 0,
      'disability-in-household': 0,
      'long-term-unemployed': 0,
    });
  });

  it('is empty for no cases', () => {
    expect(summarise([], now)).toMatchObject({ neighbourhoods: [], totals: { total: 0, withOverdueWork: 0 } });
  });
});
