import { deskWork } from '@hamgam/agency-desk';
import { after, hasAnyRole, inList, tally, workRoute } from '@hamgam/service-kit';
import { desk, readers, staff, type VtDeps } from '../deps.js';

/** Permits whose next step is TVTO's: documents to check, a workshop to inspect, a decision to make. */
const permitsInHand = ['submitted', 'documents-complete', 'inspected'] as const;

/**
 * TVTO's "my work" for the shell's home and bell: the desk's referrals and commitments, permit applications
 * waiting for a step, and the counselling sessions booked for today (Iran's day) — asked `since`, each also
 * says how many arrived after it (submitted, booked). Staff only: coordinators
 * and auditors read TVTO's records but nothing here waits for them.
 */
export const workRoutes = (deps: VtDeps) => [
  workRoute({
    roles: readers,
    clock: deps.clock,
    items: async (work) => {
      if (!hasAnyRole(work.principal, staff)) return [];
      const [fromDesk, permits, sessionsToday] = await Promise.all([
        deskWork(deps.models, desk.options, work),
        tally(deps.models.permits, work, { status: inList(permitsInHand) }, (since) => ({
          status: inList(permitsInHand),
          submittedAt: after(since.at),
        })),
        tally(deps.models.sessions, work, { day: work.today, state: 'booked' }, (since) => ({
          day: work.today,
          state: 'booked',
          bookedAt: after(since.at),
        })),
      ]);
      return [
        ...fromDesk,
        { kind: 'permits-in-hand', ...permits, path: 'permits' },
        { kind: 'counselling-today', ...sessionsToday, path: 'counselling' },
      ];
    },
  }),
];
