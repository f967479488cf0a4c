import { demoClinics, demoOffers, demoReferrals, demoResidentIndex, demoResidentRef, type DemoReferral } from '@hamgam/demo-data';
import { caps, isDuplicateKey, readAll } from '@hamgam/service-kit';
import { slotKindLabels, weeklyOccurrences } from '../domain/calendar.js';
import { addDays, dayOf, localInstant } from '@hamgam/contracts/days';
import type { ReferralState } from '../domain/referral-state.js';
import type { ClinicsDeps } from '../deps.js';
import type { ReferralStep, StoredReferral } from './referrals.js';
import type { StoredSlot } from './slots.js';

const dayMs = 86_400_000;
/** A demo referral from the clinic's side, its steps dated relative to `now` (no events: the agencies' seeds hold the same story). */
export function demoReferralRecord(demo: DemoReferral, now: Date): Omit<StoredReferral, 'outbox'> {
  const offer = demoOffers.find((o) => o.offerId === demo.offerId);
  if (!offer) throw new Error(`demo referral ${demo.referralId} names unknown offer ${demo.offerId}`);
  const madeAt = new Date(now.getTime() - demo.madeDaysAgo * dayMs);
  const after = (days: number) => new Date(madeAt.getTime() + days * dayMs);
  const steps: ReferralStep[] = [{ kind: 'made', at: madeAt }];
  let state: ReferralState = 'sent';
  let completeBy: string | null = null;
  if (demo.accepted) {
    const at = after(demo.accepted.afterDays);
    completeBy = addDays(at, demo.accepted.completeWithinDays);
    steps.push({ kind: 'accepted', at, completeBy });
    state = 'accepted';
  }
  if (demo.declined) {
    steps.push({ kind: 'declined', at: after(demo.declined.afterDays), reason: demo.declined.reason });
    state = 'declined';
  }
  if (demo.completed) {
    steps.push({ kind: 'completed', at: after(demo.completed.afterDays), outcome: demo.completed.outcome });
    state = 'completed';
  }
  if (demo.withdrawn) {
    steps.push({ kind: 'withdrawn', at: after(demo.withdrawn.afterDays), reason: demo.withdrawn.reason });
    state = 'withdrawn';
  }
  return {
    _id: demo.referralId,
    trackingCode: demo.trackingCode,
    agency: demo.agency,
    offerId: demo.offerId,
    offer: { title: offer.title, place: offer.place, schedule: offer.schedule },
    clinicId: demo.clinicId,
    neighbourhoodId: demo.neighbourhoodId,
    residentId: demo.residentRef,
    needCategory: demo.needCategory,
    state,
    respondBy: addDays(madeAt, demo.respondWithinDays),
    completeBy,
    steps,
    madeBy: 'demo-seed',
    madeAt,
    updatedAt: steps.at(-1)!.at,
  };
}

/** Four weeks of each clinic's calendar: the TVTO counsellor's weekly day and one guild meeting, with a few bookings. */
export function demoSlots(now: Date, clinics: { _id: string; neighbourhoodId: string; name: { fa: string; en: string } }[]): StoredSlot[] {
  return demoClinics.flatMap(({ clinicId }, clinicIndex) => {
    const clinic = clinics.find((c) => c._id === clinicId);
    if (!clinic) return [];
    const resident = (n: number) => demoResidentRef(demoResidentIndex(clinicIndex, n));
    const base = { clinicId, neighbourhoodId: clinic.neighbourhoodId, place: clinic.name, createdBy: 'demo-seed', createdAt: now };
    // The counsellor visits one clinic a day: Saturday, Sunday, Monday, Tuesday.
    const weekday = [6, 0, 1, 2][clinicIndex]!;
    const counselling = weeklyOccurrences({ weekday, startTime: '09:00', durationMinutes: 240 }, now, 5)
      .slice(0, 4)
      .map((t, week): StoredSlot => {
        const bookings = week === 0 ? [0, 1].map((n) => ({ residentId: resident(n), bookedAt: now, bookedBy: 'demo-seed' })) : [];
        return {
          ...base,
          _id: `${clinicId}:tvto-counselling:${t.startsAt.toISOString()}`,
          kind: 'tvto-counselling',
          title: slotKindLabels['tvto-counselling'],
          startsAt: t.startsAt,
          endsAt: t.endsAt,
          capacity: 5,
          bookedCount: bookings.length,
          bookings,
          ruleId: `${clinicId}:tvto-counselling:${weekday}:09:00`,
        };
      });
    const guildDay = dayOf(new Date(now.getTime() + (8 + clinicIndex) * dayMs));
    const guildStart = localInstant(guildDay, '16:00');
    const guild: StoredSlot = {
      ...base,
      _id: `${clinicId}:guild-meeting:${guildStart.toISOString()}`,
      kind: 'guild-meeting',
      title: { fa: 'جلسه شاگرد–استادی با صنف درودگران', en: 'Apprenticeship meeting with the carpenters’ guild' },
      startsAt: guildStart,
      endsAt: new Date(guildStart.getTime() + 90 * 60_000),
      capacity: 8,
      bookedCount: 1,
      bookings: [{ residentId: resident(5), bookedAt: now, bookedBy: 'demo-seed' }],
      ruleId: null,
    };
    return [...counselling, guild];
  });
}

async function insertNew<T>(insert: (row: T) => Promise<unknown>, rows: T[]): Promise<number> {
  let inserted = 0;
  for (const row of rows) {
    try {
      await insert(row);
      inserted++;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return inserted;
}

/**
 * The demo referrals of every clinic in their states, and the clinics' calendars. Idempotent: skipped
 * once the demo referrals exist; every record has a fixed id, so a half-finished run completes.
 */
export async function seedReferralsDemo({ models, clock, logger }: Pick<ClinicsDeps, 'models' | 'clock' | 'logger'>): Promise<void> {
  const last = demoReferrals.at(-1)!;
  if (await models.referrals.exists({ _id: last.referralId })) return;
  const now = clock.now();
  const referrals = await insertNew(
    (row) => models.referrals.create(row),
    demoReferrals.map((d) => demoReferralRecord(d, now)),
  );
  const clinics = await readAll(models.clinics.find().lean(), caps.reference);
  const slots = await insertNew((row) => models.slots.create(row), demoSlots(now, clinics));
  logger.info({ referrals, slots }, 'demo referrals and calendars seeded');
}
