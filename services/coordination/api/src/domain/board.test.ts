import type { RankedPriority } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { computeBoard } from './board.js';
import { aCommitment } from '../../test/fixtures.js';

const priorities: RankedPriority[] = [
  { rank: 2, category: 'skills-training', score: 6, households: 10 },
  { rank: 1, category: 'workshop-space', score: 9, households: 14 },
  { rank: 3, category: 'housing-repair', score: 3, households: 4 },
];
const now = new Date('2026-05-20T08:00:00Z');
let n = 0;
const c = (overrides: Parameters<typeof aCommitment>[0]) =>
  aCommitment({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, ...overrides });

describe('computeBoard', () => {
  it('lays the priorities out by rank × every partner agency and marks uncovered ones', () => {
    const board = computeBoard({
      priorities,
      commitments: [c({ agency: 'vocational-training', answers: 'skills-training', dueOn: '2026-06-01' })],
      now,
    });
    expect(board.rows.map((r) => r.category)).toEqual(['workshop-space', 'skills-training', 'housing-repair']);
    expect(board.rows[1]!.cells.map((cell) => cell.agency)).toEqual([
      'vocational-training',
      'welfare',
      'relief-partnerships',
      'institute-funding',
    ]);
    expect(board.rows[1]!.cells[0]!.commitments).toHaveLength(1);
    expect(board.rows[1]!.covered).toBe(true);
    expect(board.uncovered).toEqual(['workshop-space', 'housing-repair']);
    expect(board.duplicated).toEqual([]);
  });

  it('does not count a slipped commitment with no new day as coverage, but does count delivered and re-planned ones', () => {
    const board = computeBoard({
      priorities,
      commitments: [
        c({ agency: 'welfare', answers: 'workshop-space', status: 'slipped' }),
        c({ agency: 'relief-partnerships', answers: 'housing-repair', status: 'slipped', revisedDueOn: '2026-07-01' }),
        c({ agency: 'vocational-training', answers: 'skills-training', status: 'delivered', deliveredOn: '2026-05-01' }),
      ],
      now,
    });
    expect(board.uncovered).toEqual(['workshop-space']);
    // The slipped commitment still shows in its cell, so the board tells what happened.
    expect(board.rows[0]!.cells[1]!.commitments[0]!.status).toBe('slipped');
  });

  it('flags duplicated work when two or more agencies act on the same priority, not one agency twice', () => {
    const board = computeBoard({
      priorities,
      commitments: [
        c({ agency: 'vocational-training', answers: 'skills-training', dueOn: '2026-06-01' }),
        c({ agency: 'vocational-training', answers: 'skills-training', dueOn: '2026-06-02' }),
        c({ agency: 'institute-funding', answers: 'workshop-space', dueOn: '2026-06-01' }),
        c({ agency: 'vocational-training', answers: 'workshop-space', dueOn: '2026-06-01' }),
      ],
      now,
    });
    expect(board.duplicated).toEqual(['workshop-space']);
    expect(board.rows.find((r) => r.category === 'workshop-space')!.agencies).toEqual(['vocational-training', 'institute-funding']);
  });

  it('lists actions that answer no priority: none named, or a category not in the latest list', () => {
    const none = c({ answers: null, dueOn: '2026-06-03' });
    const offList = c({ answers: 'income-support', dueOn: '2026-06-02' });
    const board = computeBoard({ priorities, commitments: [none, offList, c({ answers: 'skills-training' })], now });
    expect(board.unlinked.map((i) => i.id)).toEqual([offList.id, none.id]);
  });

  it('treats every commitment as unlinked when no list is published yet', () => {
    const board = computeBoard({ priorities: [], commitments: [c({ answers: 'skills-training' })], now });
    expect(board.rows).toEqual([]);
    expect(board.unlinked).toHaveLength(1);
    expect(board.uncovered).toEqual([]);
  });

  it('lists overdue commitments, oldest first, and not delivered ones', () => {
    const old = c({ dueOn: '2026-05-01', status: 'in-progress' });
    const recent = c({ dueOn: '2026-05-19' });
    const board = computeBoard({
      priorities,
      commitments: [recent, c({ dueOn: '2026-05-20' }), c({ dueOn: '2026-05-01', status: 'delivered', deliveredOn: '2026-05-05' }), old],
      now,
    });
    expect(board.overdue.map((i) => i.id)).toEqual([old.id, recent.id]);
    expect(board.overdue.every((i) => i.overdue)).toBe(true);
  });

  it('computes each agency’s on-time rate = on time ÷ (delivered + overdue undelivered + slipped)', () => {
    const board = computeBoard({
      priorities,
      commitments: [
        c({ agency: 'welfare', status: 'delivered', dueOn: '2026-05-10', deliveredOn: '2026-05-10' }),
        c({ agency: 'welfare', status: 'delivered', dueOn: '2026-05-10', deliveredOn: '2026-05-12' }),
        c({ agency: 'welfare', status: 'planned', dueOn: '2026-05-01' }),
        c({ agency: 'welfare', status: 'slipped', dueOn: '2026-06-01', revisedDueOn: '2026-07-01' }),
        c({ agency: 'welfare', status: 'in-progress', dueOn: '2026-06-01' }),
      ],
      now,
    });
    const welfare = board.rates.find((r) => r.agency === 'welfare')!;
    expect(welfare).toEqual({
      agency: 'welfare',
      deliveredOnTime: 1,
      delivered: 2,
      overdueUndelivered: 1,
      slipped: 1,
      counted: 4,
      rate: 0.25,
    });
  });

  it('gives no rate (null, not 0 %) to an agency with nothing counted yet, and 100 % when all on time', () => {
    const board = computeBoard({
      priorities,
      commitments: [
        c({ agency: 'institute-funding', status: 'planned', dueOn: '2026-06-01' }),
        c({ agency: 'relief-partnerships', status: 'delivered', dueOn: '2026-05-10', deliveredOn: '2026-05-01' }),
      ],
      now,
    });
    expect(board.rates.find((r) => r.agency === 'institute-funding')).toMatchObject({ counted: 0, rate: null });
    expect(board.rates.find((r) => r.agency === 'vocational-training')).toMatchObject({ counted: 0, rate: null });
    expect(board.rates.find((r) => r.agency === 'relief-partnerships')).toMatchObject({ counted: 1, rate: 1 });
  });
});
