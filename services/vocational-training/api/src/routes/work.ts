import { deskWork } from '@hamgam/agency-desk';
import { countUpTo, hasAnyRole, inList, workRoute } from '@hamgam/service-kit';
import { desk, readers, staff, type VtDeps } from '../deps.js';

/** Permits whose next step is TVTO's: documents to check, a workshop to inspect, a decision to make. */
const permitsInHand = ['submitted', 'documents-complete', 'inspected'] as const;

/**
 * TVTO's "my work" for the shell's home and bell: the desk's referrals and commitments, permit applications
 * waiting for a step, and the counselling sessions booked for today (Iran's day). Staff only: coordinators
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
        countUpTo(deps.models.permits, { status: inList(permitsInHand) }),
        countUpTo(deps.models.sessions, { day: work.today, state: 'booked' }),
      ]);
      return [
        ...fromDesk,
        { kind: 'permits-in-hand', count: permits, path: 'permits' },
        { kind: 'counselling-today', count: sessionsToday, path: 'counselling' },
      ];
    },
  }),
];
