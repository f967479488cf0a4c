import { addDays } from '@hamgam/contracts/days';
import {
  after,
  between,
  hasAnyRole,
  inList,
  lessThan,
  notIn,
  seesWholeProgramme,
  tally,
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

/**
 * isOverdue (domain/commitments.ts) as a filter, for due days the filter names: before today (overdue), or on
 * or after the day the caller last looked and before today (fell overdue since: late from the next day).
 */
const dueOn = (day: string) => ({
  status: notIn(['delivered']),
  $or: [{ revisedDueOn: day }, { revisedDueOn: null, dueOn: day }],
});

async function coordinatorWork({ models }: CoordinationDeps, work: WorkContext) {
  const { today } = work;
  const [late, meetingsToday, unrecorded] = await Promise.all([
    tally(models.commitments, work, dueOn(lessThan(today)), (since) => dueOn(between(since.day, today))),
    tally(models.meetings, work, { status: 'scheduled', scheduledOn: today }, (since) => ({
      status: 'scheduled',
      scheduledOn: today,
      createdAt: after(since.at),
    })),
    tally(models.meetings, work, { status: 'scheduled', scheduledOn: lessThan(today) }, (since) => ({
      status: 'scheduled',
      scheduledOn: between(since.day, today),
    })),
  ]);
  return [
    { kind: 'commitments-overdue', ...late, path: 'commitments?overdue=true' },
    { kind: 'meetings-today', ...meetingsToday, path: 'meetings' },
    { kind: 'meetings-to-record', ...unrecorded, path: 'meetings' },
  ];
}

async function representativeWork({ models }: CoordinationDeps, work: WorkContext) {
  const { principal, today } = work;
  // seesWholeProgramme is false for a representative: their scope claim names their neighbourhoods.
  const scope = seesWholeProgramme(principal) ? {} : { neighbourhoodId: inList(principal.neighbourhoodIds) };
  const coming = { ...scope, status: 'scheduled', scheduledOn: between(today, addDays(today, UPCOMING_MEETING_DAYS)) };
  const [late, upcoming] = await Promise.all([
    tally(models.commitments, work, { ...scope, ...dueOn(lessThan(today)) }, (since) => ({
      ...scope,
      ...dueOn(between(since.day, today)),
    })),
    // New since the last look: scheduled after it, or come within the week since.
    tally(models.meetings, work, coming, (since) => ({
      ...coming,
      $or: [
        { createdAt: after(since.at) },
        { scheduledOn: between(addDays(since.day, UPCOMING_MEETING_DAYS), addDays(today, UPCOMING_MEETING_DAYS)) },
      ],
    })),
  ]);
  return [
    // Their own page (the module's `promises`), on its overdue filter.
    { kind: 'commitments-overdue', ...late, path: 'promises?overdue=true' },
    { kind: 'meetings-upcoming', ...upcoming, path: 'meetings' },
  ];
}
