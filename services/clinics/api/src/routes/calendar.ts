import { startOfDay } from '@hamgam/contracts/days';
import { assertClinicInScope, between, defineRoute, forbidden, hasAnyRole, inList, pageOf, seesWholeProgramme, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { bookSlot, cancelBooking, createSlot, createWeeklySlots } from '../app/calendar.js';
import { isOwnClinicStaff } from '../app/residents.js';
import type { ClinicsDeps } from '../deps.js';
import type { StoredSlot } from '../data/slots.js';
import { bookingBodySchema, bookingParams, slotBodySchema, slotIdParams, slotQuerySchema, slotViewSchema, weeklySlotsBodySchema } from './schemas/calendar.js';

const toSlotView = (slot: StoredSlot, principal: Principal) => ({
  id: slot._id,
  clinicId: slot.clinicId,
  neighbourhoodId: slot.neighbourhoodId,
  kind: slot.kind,
  title: slot.title,
  place: slot.place,
  startsAt: slot.startsAt,
  endsAt: slot.endsAt,
  capacity: slot.capacity,
  bookedCount: slot.bookedCount,
  available: Math.max(0, slot.capacity - slot.bookedCount),
  bookings: isOwnClinicStaff(principal, slot.clinicId) ? slot.bookings.map(({ residentId, bookedAt }) => ({ residentId, bookedAt })) : null,
});

export function calendarRoutes(deps: ClinicsDeps) {
  const { models, clock } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/calendar/slots',
      summary: 'A clinic calendar’s slots from a day (default today) for some days (default 7); TVTO staff read the counselling slots of every clinic',
      roles: ['clinic-worker', 'coordinator', 'auditor', 'tvto-staff'],
      query: slotQuerySchema,
      response: z.array(slotViewSchema),
      handler: async ({ query, principal, req }, res) => {
        const counsellorOnly = !seesWholeProgramme(principal) && !hasAnyRole(principal, ['clinic-worker']);
        if (counsellorOnly && query.kind && query.kind !== 'tvto-counselling') throw forbidden('TVTO staff read the counselling slots only');
        if (!counsellorOnly && query.clinicId) assertClinicInScope(principal, query.clinicId);
        const clinicIds = query.clinicId ? [query.clinicId] : counsellorOnly || seesWholeProgramme(principal) ? null : principal.clinicIds;
        const from = query.from ? startOfDay(query.from) : new Date(clock.now().getTime() - 3_600_000);
        const to = new Date(from.getTime() + (query.days ?? 7) * 86_400_000);
        const filter: Record<string, unknown> = { startsAt: between(from, to) };
        const kind = counsellorOnly ? 'tvto-counselling' : query.kind;
        if (kind) filter.kind = kind;
        if (clinicIds !== null) filter.clinicId = clinicIds.length === 1 ? clinicIds[0] : inList(clinicIds);
        const rows = await pageOf(models.slots.find(filter).lean(), { query, req }, res, { by: 'startsAt', order: 1 });
        return rows.map((s) => toSlotView(s, principal));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/calendar/weekly',
      summary: 'Generate dated slots from a weekly rule for some weeks (e.g. the TVTO counsellor’s day at the clinic)',
      roles: ['clinic-worker'],
      body: weeklySlotsBodySchema,
      response: z.array(slotViewSchema),
      status: 201,
      handler: async ({ body, principal }) => (await createWeeklySlots(deps, principal, body)).map((s) => toSlotView(s, principal)),
    }),
    defineRoute({
      method: 'post',
      path: '/calendar/slots',
      summary: 'Add one dated slot (a guild or joint meeting)',
      roles: ['clinic-worker'],
      body: slotBodySchema,
      response: slotViewSchema,
      status: 201,
      handler: async ({ body, principal }) => toSlotView(await createSlot(deps, principal, { ...body, startsAt: new Date(body.startsAt) }), principal),
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
      handler: async ({ params, body, principal }) => toSlotView(await bookSlot(deps, principal, { slotId: params.id, residentId: body.residentId }), principal),
    }),
    defineRoute({
      method: 'delete',
      path: '/calendar/slots/:id/bookings/:residentId',
      summary: 'Cancel a resident’s booking',
      roles: ['clinic-worker'],
      params: bookingParams,
      response: slotViewSchema,
      handler: async ({ params, principal }) => toSlotView(await cancelBooking(deps, principal, { slotId: params.id, residentId: params.residentId }), principal),
    }),
  ];
}
