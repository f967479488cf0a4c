import { describe, expect, it } from 'vitest';
import { awardFor, householdsToGrant, seatValue, verifiedCounts, type AwardForMatching } from './outcomes.js';

const at = new Date('2026-11-20T08:00:00Z');

describe('verified outcomes', () => {
  it('counts enrolled residents and passes; a drop-out counts for neither, a fail only as an enrolment', () => {
    expect(
      verifiedCounts([
        { enrolled: true, result: null },
        { enrolled: true, result: 'passed' },
        { enrolled: false, result: 'passed' }, // completion heard before the enrolment: it was enrolled
        { enrolled: true, result: 'failed' },
        { enrolled: true, result: 'dropped-out' },
        { enrolled: false, result: 'dropped-out' },
      ]),
    ).toEqual({ enrolments: 4, completions: 2 });
    expect(verifiedCounts([])).toEqual({ enrolments: 0, completions: 0 });
  });

  const award = (id: string, extra: Partial<AwardForMatching> = {}): AwardForMatching => ({
    awardId: id,
    instituteId: 'inst-negin',
    trades: ['tailoring'],
    neighbourhoodIds: ['nbh-sarasiab'],
    status: 'active',
    awardedAt: at,
    ...extra,
  });
  const facts = { venue: { kind: 'private-institute' as const, id: 'inst-negin' }, trade: 'tailoring', neighbourhoodId: 'nbh-sarasiab' };

  it('counts an enrolment for the oldest active award of its institute, trade and target neighbourhood', () => {
    const older = award('b', { awardedAt: new Date('2026-01-01') });
    expect(awardFor(facts, [award('a'), older])?.awardId).toBe('b');
    expect(awardFor(facts, [award('a'), award('c', { status: 'cancelled', awardedAt: new Date('2025-01-01') })])?.awardId).toBe('a');
  });

  it.each([
    ['a course at a TVTO centre', { ...facts, venue: { kind: 'tvto-centre' as const, id: 'inst-negin' } }],
    ['another institute', { ...facts, venue: { kind: 'private-institute' as const, id: 'inst-farda' } }],
    ['another trade', { ...facts, trade: 'pastry' }],
    ['a resident outside the target neighbourhoods', { ...facts, neighbourhoodId: 'nbh-fajr' }],
    ['a resident of unknown neighbourhood', { ...facts, neighbourhoodId: null }],
  ])('does not count %s', (_what, f) => {
    expect(awardFor(f, [award('a')])).toBeUndefined();
  });

  it('grants each funded household once per award, up to the seats, only for seats that named a household', () => {
    const seats = [
      { enrolmentId: 'e1', householdRef: 'h1', residentRef: 'r1' },
      { enrolmentId: 'e2', householdRef: 'h1', residentRef: 'r2' }, // same household
      { enrolmentId: 'e3', householdRef: null, residentRef: 'r3' }, // a direct enrolment
      { enrolmentId: 'e4', householdRef: 'h2', residentRef: 'r4' },
      { enrolmentId: 'e5', householdRef: 'h3', residentRef: 'r5' },
      { enrolmentId: 'e6', householdRef: 'h4', residentRef: 'r6' },
    ];
    expect(householdsToGrant(seats, [], 10).map((s) => s.householdRef)).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(householdsToGrant(seats, [{ householdRef: 'h2' }], 10).map((s) => s.householdRef)).toEqual(['h1', 'h3', 'h4']);
    expect(householdsToGrant(seats, [{ householdRef: 'h2' }], 3).map((s) => s.householdRef)).toEqual(['h1', 'h3']);
    expect(householdsToGrant(seats, [{ householdRef: 'h1' }, { householdRef: 'h2' }], 2)).toEqual([]);
    expect(seatValue(1_000_000_001, 12)).toBe(83_333_333);
  });
});
