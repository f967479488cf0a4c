import { describe, expect, it } from 'vitest';
import {
  addProgressCheck,
  endPlacement,
  holdsMasterSeat,
  placementOutcome,
  placementStates,
  type PlacementState,
} from './apprenticeships.js';
import { byDemand, checkGuidance } from './counselling.js';
import { StepNotAllowedError } from './transitions.js';

const now = new Date('2026-05-10T08:00:00Z');
const check = { rating: 4, note: 'Cuts joints cleanly', by: 'u1' };

describe('placement: active → completed | withdrawn, monthly progress', () => {
  it('records one check per month, rated 1 to 5, only while active', () => {
    const first = addProgressCheck({ state: 'active', checks: [] }, check, now);
    expect(first).toMatchObject({ month: '2026-05', rating: 4 });
    expect(() => addProgressCheck({ state: 'active', checks: [first] }, check, now)).toThrow(
      expect.objectContaining({ status: 422, code: 'progress-already-recorded' }),
    );
    expect(addProgressCheck({ state: 'active', checks: [first] }, check, new Date('2026-06-02T08:00:00Z')).month).toBe('2026-06');
    expect(() => addProgressCheck({ state: 'active', checks: [] }, { ...check, rating: 6 }, now)).toThrow(
      expect.objectContaining({ status: 422, code: 'rating-out-of-range', field: 'rating' }),
    );
    expect(() => addProgressCheck({ state: 'active', checks: [] }, { ...check, rating: 0 }, now)).toThrow(
      expect.objectContaining({ status: 422, code: 'rating-out-of-range', field: 'rating' }),
    );
    expect(() => addProgressCheck({ state: 'completed', checks: [] }, check, now)).toThrow(
      expect.objectContaining({ status: 409, code: 'placement-ended' }),
    );
  });

  it('allows exactly these endings (exhaustive) and completes only after a check', () => {
    const c = addProgressCheck({ state: 'active', checks: [] }, check, now);
    const expected: Record<PlacementState, string[]> = { active: ['completed', 'withdrawn'], completed: [], withdrawn: [] };
    for (const from of placementStates) {
      const ok = (['completed', 'withdrawn'] as const).filter((to) => {
        try {
          endPlacement({ state: from, checks: [c] }, to);
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(StepNotAllowedError);
          expect(error).toMatchObject({ status: 409, code: 'placement-ended' });
          return false;
        }
      });
      expect(ok, from).toEqual(expected[from]);
    }
    expect(() => endPlacement({ state: 'active', checks: [] }, 'completed')).toThrow(
      expect.objectContaining({ status: 422, code: 'progress-not-checked' }),
    );
    expect(endPlacement({ state: 'active', checks: [] }, 'withdrawn')).toBe('withdrawn');
  });

  it('frees the master’s place when it ends, and tells the clinic the outcome', () => {
    expect(placementStates.map(holdsMasterSeat)).toEqual([true, false, false]);
    const good = addProgressCheck({ state: 'active', checks: [] }, check, now);
    const weak = { ...good, rating: 2 };
    expect(placementOutcome('completed', [good])).toBe('achieved');
    expect(placementOutcome('completed', [weak])).toBe('partly-achieved');
    expect(placementOutcome('withdrawn', [good])).toBe('not-achieved');
  });
});

describe('counselling guidance', () => {
  it('names only trades on the demand list, once each', () => {
    const list = new Set(['tailoring', 'pastry']);
    expect(checkGuidance(['pastry', 'pastry'], list)).toEqual(['pastry']);
    expect(() => checkGuidance(['welding'], list)).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'guidance-not-on-demand-list',
        field: 'guidance',
        message: expect.stringContaining('welding'),
      }),
    );
  });

  it('orders the demand list high first', () => {
    expect(
      byDemand([
        { trade: 'b', level: 'low' },
        { trade: 'c', level: 'high' },
        { trade: 'a', level: 'high' },
      ] as const).map((r) => r.trade),
    ).toEqual(['a', 'c', 'b']);
  });
});
