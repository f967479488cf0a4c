import { describe, expect, it } from 'vitest';
import { AdjustableClock } from './clock.js';

describe('AdjustableClock', () => {
  it('follows real time until moved, then keeps the offset', () => {
    const clock = new AdjustableClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    clock.advanceDays(3);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 50);
    clock.setTo(new Date('2027-03-21T08:00:00Z'));
    expect(clock.now().toISOString().slice(0, 13)).toBe('2027-03-21T08');
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
  });
});
