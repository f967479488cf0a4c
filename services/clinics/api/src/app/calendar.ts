import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '@hamgam/contracts';
import { startOfDay } from '@hamgam/contracts/days';
import {
  assertClinicInScope,
  between,
  forbidden,
  hasAnyRole,
  inList,
  isDuplicateKey,
  pageOf,
  seesWholeProgramme,
  type PageContext,
  type Principal,
} from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { ClinicsModels, ClinicsDeps } from '../deps.js';
import type { StoredSlot } from '../data/slots.js';
import { checkBooking, checkSlotStart, slotKindLabels, weeklyOccurrences, type SlotKind, type WeeklyRule } from '../domain/calendar.js';
import { labelOf, labelPeople, residentsByIds } from './people-labels.js';
import { isOwnClinicStaff, loadResidentInScope, type ResidentDeps } from './residents.js';

type Deps = Pick<ClinicsDeps, 'models' | 'clock' | 'locks'>;

const slotLockKey = (models: ClinicsModels) => models.slots.collection.collectionName;

async function clinicPlace(models: ClinicsModels, clinicId: string) {
  const clinic = await models.clinics.findById(clinicId).lean();
  if (!clinic) throw new NotFoundError('clinic-not-found', `clinic ${clinicId} does not exist`);
  return clinic;
}

export interface NewSlots {
  clinicId: string;
  kind: SlotKind;
  title?: LocalizedText;
  capacity: number;
}

/**
 * Dated slots from a weekly rule (the TVTO counsellor's day at the clinic). The slot id is derived from
 * the clinic, kind and start, so generating the same weeks again adds nothing.
 */
export async function createWeeklySlots(
  { models, clock }: Deps,
  principal: Principal,
  request: NewSlots & WeeklyRule & { weeks: number; from?: Date },
): Promise<StoredSlot[]> {
  assertClinicInScope(principal, request.clinicId);
  const clinic = await clinicPlace(models, request.clinicId);
  const times = weeklyOccurrences(request, request.from ?? clock.now(), request.weeks);
  const ruleId = `${request.clinicId}:${request.kind}:${request.weekday}:${request.startTime}`;
  const now = clock.now();
  const rows: StoredSlot[] = times.map((t) => ({
    _id: `${request.clinicId}:${request.kind}:${t.startsAt.toISOString()}`,
    clinicId: clinic._id,
    neighbourhoodId: clinic.neighbourhoodId,
    kind: request.kind,
    title: request.title ?? slotKindLabels[request.kind],
    place: clinic.name,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    capacity: request.capacity,
    bookedCount: 0,
    bookings: [],
    ruleId,
    createdBy: principal.subject,
    createdAt: now,
  }));
  const created: StoredSlot[] = [];
  for (const row of rows) {
    try {
      await models.slots.create(row);
      created.push(row);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return created;
}

/** One dated slot (a guild meeting, a joint meeting, or an extra counselling session). */
export async function createSlot(
  { models, clock }: Deps,
  principal: Principal,
  request: NewSlots & { startsAt: Date; durationMinutes: number },
): Promise<StoredSlot> {
  assertClinicInScope(principal, request.clinicId);
  const clinic = await clinicPlace(models, request.clinicId);
  const now = clock.now();
  checkSlotStart(request.startsAt, now);
  const row: StoredSlot = {
    _id: randomUUID(),
    clinicId: clinic._id,
    neighbourhoodId: clinic.neighbourhoodId,
    kind: request.kind,
    title: request.title ?? slotKindLabels[request.kind],
    place: clinic.name,
    startsAt: request.startsAt,
    endsAt: new Date(request.startsAt.getTime() + request.durationMinutes * 60_000),
    capacity: request.capacity,
    bookedCount: 0,
    bookings: [],
    ruleId: null,
    createdBy: principal.subject,
    createdAt: now,
  };
  await models.slots.create(row);
  return row;
}

async function loadSlotInScope(models: ClinicsModels, principal: Principal, slotId: string): Promise<StoredSlot> {
  const slot = await models.slots.findById(slotId).lean();
  if (!slot) throw new NotFoundError('slot-not-found', `slot ${slotId} does not exist`);
  assertClinicInScope(principal, slot.clinicId);
  return slot;
}

/**
 * Books a resident into a slot. Capacity holds under concurrent bookings: the write is a
 * compare-and-set on the booked count just read (a lost race re-reads and re-checks), and writes to
 * one slot are serialised in this process (FerretDB updates are not atomic).
 */
export async function bookSlot(
  { models, clock, locks }: Deps,
  principal: Principal,
  request: { slotId: string; residentId: string },
): Promise<StoredSlot> {
  const resident = await loadResidentInScope(models, principal, request.residentId);
  if (resident.archivedAt) throw new IllegalStepError('resident-archived', 'the resident is archived; restore them first');
  return locks.run(slotLockKey(models), request.slotId, async () => {
    for (;;) {
      const slot = await loadSlotInScope(models, principal, request.slotId);
      const now = clock.now();
      checkBooking({ ...slot, residentIds: slot.bookings.map((b) => b.residentId) }, resident._id, now);
      const booking = { residentId: resident._id, bookedAt: now, bookedBy: principal.subject };
      const result = await models.slots.collection.updateOne(
        { _id: slot._id as never, bookedCount: slot.bookedCount },
        { $inc: { bookedCount: 1 }, $push: { bookings: booking } as never },
      );
      if (result.matchedCount === 1) return { ...slot, bookedCount: slot.bookedCount + 1, bookings: [...slot.bookings, booking] };
    }
  });
}

/** Cancels a resident's booking, freeing the seat. */
export async function cancelBooking(
  { models, locks }: Deps,
  principal: Principal,
  request: { slotId: string; residentId: string },
): Promise<StoredSlot> {
  return locks.run(slotLockKey(models), request.slotId, async () => {
    for (;;) {
      const slot = await loadSlotInScope(models, principal, request.slotId);
      const remaining = slot.bookings.filter((b) => b.residentId !== request.residentId);
      if (remaining.length === slot.bookings.length)
        throw new NotFoundError('booking-not-found', `resident ${request.residentId} is not booked into this slot`);
      const result = await models.slots.collection.updateOne(
        { _id: slot._id as never, bookedCount: slot.bookedCount },
        { $set: { bookings: remaining, bookedCount: remaining.length } },
      );
      if (result.matchedCount === 1) return { ...slot, bookings: remaining, bookedCount: remaining.length };
    }
  });
}

/** A slot as the calendar shows it; only its own clinic's staff see who is booked. */
export const slotView = (slot: StoredSlot, principal: Principal) => ({
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

/**
 * One page of slots from a day (default: from an hour ago) for some days (default 7): the caller's clinics',
 * one clinic's, or — for TVTO staff, who read the counselling slots only — every clinic's counselling.
 */
export async function slotsFor(
  { models, clock }: Pick<Deps, 'models' | 'clock'>,
  principal: Principal,
  asked: { clinicId?: string; kind?: SlotKind; from?: string; days?: number },
  page: PageContext,
) {
  const counsellorOnly = !seesWholeProgramme(principal) && !hasAnyRole(principal, ['clinic-worker']);
  if (counsellorOnly && asked.kind && asked.kind !== 'tvto-counselling') throw forbidden('TVTO staff read the counselling slots only');
  if (!counsellorOnly && asked.clinicId) assertClinicInScope(principal, asked.clinicId);
  const clinicIds = asked.clinicId ? [asked.clinicId] : counsellorOnly || seesWholeProgramme(principal) ? null : principal.clinicIds;
  const from = asked.from ? startOfDay(asked.from) : new Date(clock.now().getTime() - 3_600_000);
  const to = new Date(from.getTime() + (asked.days ?? 7) * 86_400_000);
  const filter: Record<string, unknown> = { startsAt: between(from, to) };
  const kind = counsellorOnly ? 'tvto-counselling' : asked.kind;
  if (kind) filter.kind = kind;
  if (clinicIds !== null) filter.clinicId = clinicIds.length === 1 ? clinicIds[0] : inList(clinicIds);
  return pageOf(models.slots.find(filter).lean(), page, page.res, { by: 'startsAt', order: 1 });
}

/**
 * Slots as the calendar shows them, each booking naming its resident for the slot's own clinic staff (the
 * name, each read logged, and the household's file number): a booked seat is a person, never an id.
 */
export async function labelledSlots(deps: Pick<ResidentDeps, 'models' | 'clock' | 'pii'>, principal: Principal, slots: StoredSlot[]) {
  const views = slots.map((s) => slotView(s, principal));
  const booked = views.flatMap((v) => v.bookings?.map((b) => b.residentId) ?? []);
  const labels = booked.length ? await labelPeople(deps, principal, await residentsByIds(deps.models, booked), 'calendar') : new Map();
  return views.map((v) => ({ ...v, bookings: v.bookings?.map((b) => ({ ...b, ...labelOf(labels, b.residentId) })) ?? null }));
}
