import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { roles } from '../auth/principal.js';

/** Where services read "now" from, so due dates and overdue flags can be tested by moving time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The real time plus an offset that only a test moves (TEST_CLOCK=true); it never runs backwards by itself. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  setTo(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

const clockStateSchema = z.object({ now: z.iso.datetime(), offsetDays: z.number() });
const clockChangeSchema = z.union([
  z.object({ now: z.iso.datetime() }).strict(),
  z.object({ advanceDays: z.number().int().min(-3650).max(3650) }).strict(),
  z.object({ reset: z.literal(true) }).strict(),
]);

/** The test clock's routes; mounted only when TEST_CLOCK=true, never in a real deployment. */
export function testClockRoutes(clock: AdjustableClock): RouteSpec[] {
  const state = () => {
    const now = clock.now();
    return { now: now.toISOString(), offsetDays: Math.round((now.getTime() - Date.now()) / 86_400_000) };
  };
  return [
    defineRoute({
      method: 'get',
      path: '/test-clock',
      summary: 'The service clock (test deployments only)',
      roles,
      response: clockStateSchema,
      handler: state,
    }),
    defineRoute({
      method: 'put',
      path: '/test-clock',
      summary: 'Move the service clock (test deployments only)',
      roles,
      body: clockChangeSchema,
      response: clockStateSchema,
      handler: ({ body }) => {
        if ('now' in body) clock.setTo(new Date(body.now));
        else if ('advanceDays' in body) clock.advanceDays(body.advanceDays);
        else clock.reset();
        return state();
      },
    }),
  ];
}
