import { addDays, startOfDay } from '@hamgam/contracts/days';
import { between, caps, hasAnyRole, inList, lessThan, readAll, tally, workRoute, type WorkContext } from '@hamgam/service-kit';
import { clinicReaders, clinicWorkers, type ClinicsDeps } from '../deps.js';
import { consentsEnding } from '../app/residents.js';
import { CONSENT_WARNING_DAYS } from '../domain/consent.js';

/** An agency's "no" stays on the home this long: the clinic finds the resident another way. */
export const DECLINED_RECENT_DAYS = 7;

/**
 * The clinic's "my work" for the shell's home and bell, over the caller's own clinics (their scope claim):
 * referrals an agency left past their day, referrals an agency declined this week, consents ending within two
 * weeks, and the residents booked into today's calendar (Iran's day). Coordinators, representatives and
 * auditors read the clinics; nothing here waits for them.
 */
export const workRoutes = (deps: ClinicsDeps) => [
  workRoute({
    roles: clinicReaders,
    clock: deps.clock,
    items: async (work) => {
      if (!hasAnyRole(work.principal, clinicWorkers) || work.principal.clinicIds.length === 0) return [];
      const { models } = deps;
      const { today, now } = work;
      const clinicId = inList(work.principal.clinicIds);
      // isOverdue (domain/referrals.ts) as a filter: sent past respond-by, accepted past complete-by.
      const referralsDue = (day: string) => ({
        clinicId,
        $or: [
          { state: 'sent', respondBy: day },
          { state: 'accepted', completeBy: day },
        ],
      });
      const weekAgo = new Date(now.getTime() - DECLINED_RECENT_DAYS * 86_400_000);
      const declinedFrom = (from: Date) => ({ clinicId, state: 'declined', updatedAt: between(from, new Date(now.getTime() + 1)) });
      // Asked `since`, each says how many are new: fell due, were declined, or came within the two weeks after it.
      const [late, declined, consents, booked] = await Promise.all([
        tally(models.referrals, work, referralsDue(lessThan(today)), (since) => referralsDue(between(since.day, today))),
        tally(models.referrals, work, declinedFrom(weekAgo), (since) =>
          declinedFrom(new Date(Math.max(since.at.getTime() + 1, weekAgo.getTime()))),
        ),
        tally(models.consents, work, consentsEnding(clinicId, today), (since) =>
          consentsEnding(clinicId, today, addDays(since.day, CONSENT_WARNING_DAYS)),
        ),
        bookedToday(deps, work, clinicId),
      ]);
      return [
        { kind: 'bookings-today', ...booked, path: 'calendar' },
        { kind: 'referrals-overdue', ...late, path: 'referrals?overdue=true' },
        { kind: 'referrals-declined', ...declined, path: 'referrals?state=declined' },
        { kind: 'consents-expiring', ...consents, path: 'residents?consents=ending' },
      ];
    },
  }),
];

/**
 * Residents booked into the caller's clinics' slots that start today in Iran (a clinic's day has tens of slots,
 * read whole), and asked `since`, those booked after it.
 */
async function bookedToday(
  { models }: ClinicsDeps,
  { today, since }: WorkContext,
  clinicId: string,
): Promise<{ count: number; fresh?: number }> {
  const slots = await readAll(
    models.slots
      .find({ clinicId, startsAt: between(startOfDay(today), startOfDay(addDays(today, 1))) }, { bookedCount: 1, bookings: 1 })
      .lean(),
    caps.reference,
  );
  const count = slots.reduce((sum, slot) => sum + (slot.bookedCount ?? 0), 0);
  if (!since) return { count };
  const fresh = slots.reduce((sum, slot) => sum + (slot.bookings ?? []).filter((b) => b.bookedAt > since.at).length, 0);
  return { count, fresh };
}
