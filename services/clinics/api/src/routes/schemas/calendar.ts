import { localizedTextSchema, slugIdSchema } from '@hamgam/contracts';
import { pageQueryShape } from '@hamgam/service-kit';
import { z } from 'zod';
import { slotKinds } from '../../domain/calendar.js';

export const slotViewSchema = z.object({
  id: z.string(),
  clinicId: z.string(),
  neighbourhoodId: z.string(),
  kind: z.enum(slotKinds),
  title: localizedTextSchema,
  place: localizedTextSchema,
  startsAt: z.date(),
  endsAt: z.date(),
  capacity: z.number(),
  bookedCount: z.number(),
  available: z.number(),
  /** Who is booked in (the name and the household's file number); only the slot's own clinic staff get them. */
  bookings: z
    .array(z.object({ residentId: z.string(), bookedAt: z.date(), fullName: z.string().nullable(), fileNumber: z.string() }))
    .nullable(),
});

export const slotQuerySchema = z
  .object({
    ...pageQueryShape,
    clinicId: slugIdSchema.optional(),
    kind: z.enum(slotKinds).optional(),
    from: z.iso.date().optional(),
    days: z.coerce.number().int().min(1).max(92).optional(),
  })
  .strict();

const slotBase = {
  clinicId: slugIdSchema,
  kind: z.enum(slotKinds),
  title: localizedTextSchema.optional(),
  capacity: z.number().int().min(1).max(200),
};
export const slotIdParams = z.object({ id: z.string().min(1).max(120) }).strict();

const duration = z.number().int().min(15).max(600);

/** A weekly rule (the TVTO counsellor's day at the clinic) and how many weeks of it to lay out. */
export const weeklySlotsBodySchema = z
  .object({
    ...slotBase,
    weekday: z.number().int().min(0).max(6),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    durationMinutes: duration,
    weeks: z.number().int().min(1).max(26),
  })
  .strict();

export const slotBodySchema = z.object({ ...slotBase, startsAt: z.iso.datetime({ offset: true }), durationMinutes: duration }).strict();
export const bookingBodySchema = z.object({ residentId: z.uuid() }).strict();
export const bookingParams = z.object({ id: slotIdParams.shape.id, residentId: z.uuid() }).strict();
