import { defineRoute, type Principal } from '@hamgam/service-kit';
import type { StoredSlot } from '../data/slots.js';
import { z } from 'zod';
import { bookSlot, cancelBooking, createSlot, createWeeklySlots, labelledSlots, slotsFor } from '../app/calendar.js';
import { piiFromConfig } from '../config.js';
import type { ClinicsDeps } from '../deps.js';
import {
  bookingBodySchema,
  bookingParams,
  slotBodySchema,
  slotIdParams,
  slotQuerySchema,
  slotViewSchema,
  weeklySlotsBodySchema,
} from './schemas/calendar.js';

/** The clinics' calendars: slots (weekly or single) and residents' bookings into them. */
export function calendarRoutes(deps: ClinicsDeps) {
  const withPii = { ...deps, pii: piiFromConfig(deps.config) };
  const show = (principal: Principal, slots: StoredSlot[]) => labelledSlots(withPii, principal, slots);
  const showOne = async (principal: Principal, slot: StoredSlot) => (await show(principal, [slot]))[0]!;
  return [
    defineRoute({
      method: 'get',
      path: '/calendar/slots',
      summary:
        'A clinic calendar’s slots from a day (default today) for some days (default 7); TVTO staff read the counselling slots of every clinic',
      roles: ['clinic-worker', 'coordinator', 'auditor', 'tvto-staff'],
      query: slotQuerySchema,
      response: z.array(slotViewSchema),
      handler: async ({ query, principal, req }, res) => show(principal, await slotsFor(deps, principal, query, { query, req, res })),
    }),
    defineRoute({
      method: 'post',
      path: '/calendar/weekly',
      summary: 'Generate dated slots from a weekly rule for some weeks (e.g. the TVTO counsellor’s day at the clinic)',
      roles: ['clinic-worker'],
      body: weeklySlotsBodySchema,
      response: z.array(slotViewSchema),
      status: 201,
      handler: async ({ body, principal }) => show(principal, await createWeeklySlots(deps, principal, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/calendar/slots',
      summary: 'Add one dated slot (a guild or joint meeting)',
      roles: ['clinic-worker'],
      body: slotBodySchema,
      response: slotViewSchema,
      status: 201,
      handler: async ({ body, principal }) =>
        showOne(principal, await createSlot(deps, principal, { ...body, startsAt: new Date(body.startsAt) })),
    }),
    defineRoute({
      method: 'post',
      path: '/calendar/slots/:id/bookings',
      summary: 'Book a resident into a slot (capacity enforced)',
      roles: ['clinic-worker'],
      params: slotIdParams,
      body: bookingBodySchema,
      response: slotViewSchema,
      status: 201,
      handler: async ({ params, body, principal }) =>
        showOne(principal, await bookSlot(deps, principal, { slotId: params.id, residentId: body.residentId })),
    }),
    defineRoute({
      method: 'delete',
      path: '/calendar/slots/:id/bookings/:residentId',
      summary: 'Cancel a resident’s booking',
      roles: ['clinic-worker'],
      params: bookingParams,
      response: slotViewSchema,
      handler: async ({ params, principal }) =>
        showOne(principal, await cancelBooking(deps, principal, { slotId: params.id, residentId: params.residentId })),
    }),
  ];
}
