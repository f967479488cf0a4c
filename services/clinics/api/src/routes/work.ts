import { addDays, startOfDay } from '@hamgam/contracts/days';
import { between, caps, countUpTo, hasAnyRole, inList, lessThan, readAll, workRoute, type WorkContext } from '@hamgam/service-kit';
import { clinicReaders, clinicWorkers, type ClinicsDeps } from '../deps.js';

/** A consent ending within this many days (today included) is worth renewing before a referral needs it. */
export const CONSENT_WARNING_DAYS = 14;
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
      const [late, declined, consents, booked] = await Promise.all([
        // isOverdue (domain/referrals.ts) as a filter: sent past respond-by, accepted past complete-by.
        countUpTo(models.referrals, {
          clinicId,
          $or: [
            { state: 'sent', respondBy: lessThan(today) },
            { state: 'accepted', completeBy: lessThan(today) },
          ],
        }),
        countUpTo(models.referrals, {
          clinicId,
          state: 'declined',
          updatedAt: between(new Date(now.getTime() - DECLINED_RECENT_DAYS * 86_400_000), new Date(now.getTime() + 1)),
        }),
        countUpTo(models.consents, { clinicId, withdrawnAt: null, expiresOn: between(today, addDays(today, CONSENT_WARNING_DAYS)) }),
        bookedToday(deps, work, clinicId),
      ]);
      return [
        { kind: 'bookings-today', count: booked, path: 'calendar' },
        { kind: 'referrals-overdue', count: late, path: 'referrals?overdue=true' },
        { kind: 'referrals-declined', count: declined, path: 'referrals?state=declined' },
        { kind: 'consents-expiring', count: consents, path: 'residents' },
      ];
    },
  }),
];

/** Residents booked into the caller's clinics' slots that start today in Iran: a clinic's day has tens of slots, read whole. */
async function bookedToday({ models }: ClinicsDeps, { today }: WorkContext, clinicId: string): Promise<number> {
  const slots = await readAll(
    models.slots.find({ clinicId, startsAt: between(startOfDay(today), startOfDay(addDays(today, 1))) }, { bookedCount: 1 }).lean(),
    caps.reference,
  );
  return slots.reduce((sum, slot) => sum + (slot.bookedCount ?? 0), 0);
}
