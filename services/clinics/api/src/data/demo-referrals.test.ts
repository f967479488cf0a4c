import { demoReferrals } from '@hamgam/demo-data';
import { describe, expect, it } from 'vitest';
import { isOverdue } from '../domain/referrals.js';
import { nextReferralState, type ReferralTransition } from '../domain/referral-state.js';
import { demoReferralRecord, demoSlots } from './demo-referrals.js';

const now = new Date('2026-03-21T08:00:00Z');

describe('demo referrals from the clinic’s side', () => {
  const records = demoReferrals.map((d) => demoReferralRecord(d, now));

  it('cover every state, overdue ones included, in every clinic', () => {
    for (const clinicId of ['clinic-sarasiab', 'clinic-motahari', 'clinic-amiralmomenin', 'clinic-fajr']) {
      const mine = records.filter((r) => r.clinicId === clinicId);
      expect(new Set(mine.map((r) => r.state))).toEqual(new Set(['sent', 'accepted', 'declined', 'completed', 'withdrawn']));
      expect(
        mine
          .filter((r) => isOverdue(r, now))
          .map((r) => r.state)
          .sort(),
      ).toEqual(['accepted', 'sent']);
    }
  });

  it('have steps the state machine allows, in time order, none in the future', () => {
    for (const r of records) {
      let state = 'sent' as const as Parameters<typeof nextReferralState>[0];
      for (const step of r.steps.slice(1)) state = nextReferralState(state, step.kind as ReferralTransition)!;
      expect(state).toBe(r.state);
      const times = r.steps.map((s) => s.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    }
  });
});

describe('demo calendars', () => {
  const clinics = ['sarasiab', 'motahari', 'amiralmomenin', 'fajr'].map((n) => ({
    _id: `clinic-${n}`,
    neighbourhoodId: `nbh-${n}`,
    name: { fa: n, en: n },
  }));
  const slots = demoSlots(now, clinics);
  it('give each clinic four counselling days and one guild meeting, all ahead, within capacity', () => {
    for (const { _id } of clinics) {
      const mine = slots.filter((s) => s.clinicId === _id);
      expect(mine.filter((s) => s.kind === 'tvto-counselling')).toHaveLength(4);
      expect(mine.filter((s) => s.kind === 'guild-meeting')).toHaveLength(1);
    }
    expect(slots.every((s) => s.startsAt > now && s.bookedCount === s.bookings.length && s.bookedCount <= s.capacity)).toBe(true);
    expect(new Set(slots.map((s) => s._id)).size).toBe(slots.length);
  });
});
