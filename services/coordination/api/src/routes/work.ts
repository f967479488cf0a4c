import { addDays } from '@hamgam/contracts/days';
import {
  between,
  countUpTo,
  hasAnyRole,
  inList,
  lessThan,
  notIn,
  seesWholeProgramme,
  workRoute,
  type WorkContext,
} from '@hamgam/service-kit';
import { programmeReaders, programmeWriters, type CoordinationDeps } from '../deps.js';

/** How far ahead a representative sees the working group's meetings about their neighbourhood. */
export const UPCOMING_MEETING_DAYS = 7;

/**
 * The programme's "my work" for the shell's home and bell. Coordinators: commitments past their (revised)
 * day across the programme, today's meetings, and past meetings not yet recorded as held. A representative
 * watches what is promised to their neighbourhood: its overdue commitments and its meetings of the coming
 * week. Agencies' staff find their commitments on their own desks, auditors have nothing waiting here.
 */
export const workRoutes = (deps: CoordinationDeps) => [
  workRoute({
    roles: programmeReaders,
    clock: deps.clock,
    items: async (work) => {
      if (hasAnyRole(work.principal, programmeWriters)) return coordinatorWork(deps, work);
      if (hasAnyRole(work.principal, ['representative'])) return representativeWork(deps, work);
      return [];
    },
  }),
];

/** isOverdue (domain/commitments.ts) as a filter: not delivered, and its revised day (or else its due day) is past. */
const overdue = (today: string) => ({
  status: notIn(['delivered']),
  $or: [{ revisedDueOn: lessThan(today) }, { revisedDueOn: null, dueOn: lessThan(today) }],
});

async function coordinatorWork({ models }: CoordinationDeps, { today }: WorkContext) {
  const [late, meetingsToday, unrecorded] = await Promise.all([
    countUpTo(models.commitments, overdue(today)),
    countUpTo(models.meetings, { status: 'scheduled', scheduledOn: today }),
    countUpTo(models.meetings, { status: 'scheduled', scheduledOn: lessThan(today) }),
  ]);
  return [
    { kind: 'commitments-overdue', count: late, path: 'commitments?overdue=true' },
    { kind: 'meetings-today', count: meetingsToday, path: 'meetings' },
    { kind: 'meetings-to-record', count: unrecorded, path: 'meetings' },
  ];
}

async function representativeWork({ models }: CoordinationDeps, { principal, today }: WorkContext) {
  // seesWholeProgramme is false for a representative: their scope claim names their neighbourhoods.
  const neighbourhoodId = seesWholeProgramme(principal) ? undefined : inList(principal.neighbourhoodIds);
  const scope = neighbourhoodId === undefined ? {} : { neighbourhoodId };
  const [late, upcoming] = await Promise.all([
    countUpTo(models.commitments, { ...scope, ...overdue(today) }),
    countUpTo(models.meetings, { ...scope, status: 'scheduled', scheduledOn: between(today, addDays(today, UPCOMING_MEETING_DAYS)) }),
  ]);
  return [
    { kind: 'commitments-overdue', count: late, path: 'commitments?overdue=true' },
    { kind: 'meetings-upcoming', count: upcoming, path: 'meetings' },
  ];
}
