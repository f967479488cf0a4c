import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, addMonths, dayOf, isFutureDay, isPastDay, localInstant, localIso, startOfDay, timeOf, today, weekdayOf } from './days.js';

describe('Iran calendar days', () => {
  it('turns at midnight Iran time (20:30 UTC), not at midnight UTC', () => {
    expect(dayOf(new Date('2026-11-26T20:29:59Z'))).toBe('2026-11-26');
    expect(dayOf(new Date('2026-11-26T20:30:00Z'))).toBe('2026-11-27');
  });

  it('follows the Asia/Tehran zone, not a fixed offset: Iran kept summer time (+04:30) until 2022', () => {
    expect(dayOf(new Date('2021-06-01T19:45:00Z'))).toBe('2021-06-02');
    expect(timeOf(new Date('2021-06-01T19:45:00Z'))).toBe('00:15');
    expect(localIso('2021-06-01', '09:00')).toBe('2021-06-01T09:00:00+04:30');
  });

  it('adds days to a day or to an instant’s Iran day, across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays(new Date('2026-11-26T21:00:00Z'), 1)).toBe('2026-11-28');
  });

  it('adds calendar months, clamped to the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('numbers weekdays as Date#getDay does (Nowruz 1405 is a Saturday)', () => {
    expect(weekdayOf('2026-03-21')).toBe(6);
    expect(weekdayOf('2026-03-22')).toBe(0);
    expect(weekdayOf('2026-03-27')).toBe(5);
  });

  it('says the Iran time of day of an instant, across midnight', () => {
    expect(timeOf(new Date('2026-11-24T05:30:00Z'))).toBe('09:00');
    expect(timeOf(new Date('2026-11-24T21:00:00Z'))).toBe('00:30');
  });

  it('says when an Iran day begins (20:30 UTC the evening before), the inverse of dayOf', () => {
    expect(startOfDay('2026-01-01').toISOString()).toBe('2025-12-31T20:30:00.000Z');
    expect(dayOf(startOfDay('2026-03-21'))).toBe('2026-03-21');
    expect(dayOf(new Date(startOfDay('2026-03-21').getTime() - 1))).toBe('2026-03-20');
  });

  it('turns an Iran day and wall-clock time into an instant and an ISO timestamp with the day’s offset', () => {
    expect(localInstant('2026-03-21', '00:30').toISOString()).toBe('2026-03-20T21:00:00.000Z');
    expect(localIso('2026-04-01', '16:00')).toBe('2026-04-01T16:00:00+03:30');
    expect(Date.parse(localIso('2026-04-01', '16:00'))).toBe(localInstant('2026-04-01', '16:00').getTime());
  });

  it('counts work due today as not yet late', () => {
    expect(isPastDay('2026-11-26', '2026-11-26')).toBe(false);
    expect(isPastDay('2026-11-26', '2026-11-27')).toBe(true);
  });
});

describe('the date rules late at night and early in the morning in Iran', () => {
  afterEach(() => vi.useRealTimers());

  // 00:30 in Iran on 21 March is still 20 March in UTC (21:00Z); 23:30 is 20:00Z the same day.
  for (const [label, clock] of [
    ['00:30', '2026-03-20T21:00:00Z'],
    ['23:30', '2026-03-21T20:00:00Z'],
  ] as const) {
    it(`at ${label} Iran time, today is the Iran day (1 Farvardin 1405 = 2026-03-21)`, () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(clock));
      expect(today()).toBe('2026-03-21');
      expect(dayOf(new Date())).toBe('2026-03-21');
      expect(today(-1)).toBe('2026-03-20');
      expect(today(1)).toBe('2026-03-22');
      expect(timeOf(new Date())).toBe(label);
      expect(startOfDay(today()).toISOString()).toBe('2026-03-20T20:30:00.000Z');
      // A meeting or a visit dated today is not in the future; one dated tomorrow is.
      expect(isFutureDay('2026-03-21', new Date())).toBe(false);
      expect(isFutureDay('2026-03-22', new Date())).toBe(true);
      // Work due today is not overdue; work due yesterday is.
      expect(isPastDay('2026-03-21', today())).toBe(false);
      expect(isPastDay('2026-03-20', today())).toBe(true);
    });
  }

  it('takes "now" from an injected clock as well as from the system clock', () => {
    expect(today(0, new Date('2026-03-20T21:00:00Z'))).toBe('2026-03-21');
    expect(today(7, new Date('2026-03-21T20:00:00Z'))).toBe('2026-03-28');
  });
});

describe('the Jalali year', () => {
  it('turns at Nowruz, Iran time (not UTC): 20 March 2026 is 1404 until the spring equinox’s day, then 1405', async () => {
    const { jalaliYearOf } = await import('./days.js');
    expect(jalaliYearOf(new Date('2026-03-20T12:00:00Z'))).toBe('1404');
    expect(jalaliYearOf(new Date('2026-03-21T12:00:00Z'))).toBe('1405');
    // 23:30 on 20 March in UTC is already 21 March (03:00) in Iran: Nowruz 1405.
    expect(jalaliYearOf(new Date('2026-03-20T23:30:00Z'))).toBe('1405');
    expect(jalaliYearOf(new Date('2026-12-07T06:00:00Z'))).toBe('1405');
  });
});
