import { describe, expect, it } from 'vitest';
import { checkBooking, checkSlotStart, weeklyOccurrences } from './calendar.js';

describe('weekly recurrence', () => {
  // 2026-03-21 is a Saturday.
  const from = new Date('2026-03-21T05:00:00Z'); // 08:30 in Kerman

  it('generates one dated slot a week on the rule’s weekday at the local time', () => {
    const slots = weeklyOccurrences({ weekday: 1, startTime: '09:00', durationMinutes: 240 }, from, 4);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-23T05:30:00.000Z',
      '2026-03-30T05:30:00.000Z',
      '2026-04-06T05:30:00.000Z',
      '2026-04-13T05:30:00.000Z',
    ]);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 240 * 60_000)).toBe(true);
    expect(slots.every((s) => s.startsAt.getUTCDay() === 1)).toBe(true);
  });

  it('includes today when the slot is still ahead and skips it when it has begun', () => {
    const later = weeklyOccurrences({ weekday: 6, startTime: '10:00', durationMinutes: 60 }, from, 2);
    expect(later[0]!.startsAt.toISOString()).toBe('2026-03-21T06:30:00.000Z');
    const begun = weeklyOccurrences({ weekday: 6, startTime: '08:00', durationMinutes: 60 }, from, 2);
    expect(begun.map((s) => s.startsAt.toISOString())).toEqual(['2026-03-28T04:30:00.000Z']);
  });

  it('uses the local day even when UTC is still on the previous day', () => {
    const lateEvening = new Date('2026-03-20T21:00:00Z'); // 00:30 on Saturday in Kerman
    const slots = weeklyOccurrences({ weekday: 6, startTime: '09:00', durationMinutes: 60 }, lateEvening, 1);
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-03-21T05:30:00.000Z');
  });

  it('refuses a malformed rule', () => {
    expect(() => weeklyOccurrences({ weekday: 7, startTime: '09:00', durationMinutes: 60 }, from, 1)).toThrow(
      expect.objectContaining({ code: 'weekly-rule-invalid', field: 'weekday' }),
    );
    expect(() => weeklyOccurrences({ weekday: 1, startTime: '9am', durationMinutes: 60 }, from, 1)).toThrow(
      expect.objectContaining({ code: 'weekly-rule-invalid', field: 'startTime' }),
    );
    expect(() => weeklyOccurrences({ weekday: 1, startTime: '09:00', durationMinutes: 0 }, from, 1)).toThrow(
      expect.objectContaining({ code: 'weekly-rule-invalid', field: 'durationMinutes' }),
    );
  });
});

describe('booking rule', () => {
  const now = new Date('2026-03-21T05:00:00Z');
  const slot = { capacity: 2, bookedCount: 1, startsAt: new Date('2026-03-23T05:30:00Z'), residentIds: ['r1'] };
  it('books while seats are left', () => {
    expect(() => checkBooking(slot, 'r2', now)).not.toThrow();
  });
  it('refuses a full slot', () => {
    expect(() => checkBooking({ ...slot, bookedCount: 2, residentIds: ['r1', 'r3'] }, 'r2', now)).toThrow(
      expect.objectContaining({ code: 'slot-full', status: 409 }),
    );
  });
  it('refuses booking the same resident twice', () => {
    expect(() => checkBooking(slot, 'r1', now)).toThrow(expect.objectContaining({ code: 'resident-already-booked', status: 409 }));
  });
  it('refuses a slot that has begun', () => {
    expect(() => checkBooking(slot, 'r2', new Date('2026-03-23T05:30:00Z'))).toThrow(
      expect.objectContaining({ code: 'slot-started', status: 409 }),
    );
    expect(() => checkSlotStart(new Date('2026-03-23T05:30:00Z'), now)).not.toThrow();
    expect(() => checkSlotStart(now, now)).toThrow(expect.objectContaining({ code: 'slot-in-past', field: 'startsAt', status: 422 }));
  });
});
