import { describe, expect, it } from 'vitest';
import { addDays, dayOf, isPastDay, startOfDay, timeOf } from './days.js';

describe('Kerman calendar days', () => {
  it('turns at midnight Iran time (20:30 UTC), not at midnight UTC', () => {
    expect(dayOf(new Date('2026-11-26T20:29:59Z'))).toBe('2026-11-26');
    expect(dayOf(new Date('2026-11-26T20:30:00Z'))).toBe('2026-11-27');
  });

  it('adds days to a day or to an instant’s Kerman day, across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays(new Date('2026-11-26T21:00:00Z'), 1)).toBe('2026-11-28');
  });

  it('says the Kerman time of day of an instant, across midnight', () => {
    expect(timeOf(new Date('2026-11-24T05:30:00Z'))).toBe('09:00');
    expect(timeOf(new Date('2026-11-24T21:00:00Z'))).toBe('00:30');
  });

  it('says when a Kerman day begins (20:30 UTC the evening before), the inverse of dayOf', () => {
    expect(startOfDay('2026-01-01').toISOString()).toBe('2025-12-31T20:30:00.000Z');
    expect(dayOf(startOfDay('2026-03-21'))).toBe('2026-03-21');
    expect(dayOf(new Date(startOfDay('2026-03-21').getTime() - 1))).toBe('2026-03-20');
  });

  it('counts work due today as not yet late', () => {
    expect(isPastDay('2026-11-26', '2026-11-26')).toBe(false);
    expect(isPastDay('2026-11-26', '2026-11-27')).toBe(true);
  });
});
