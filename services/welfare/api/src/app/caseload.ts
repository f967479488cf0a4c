import { caps, pageOf, readAll, type PageContext, type Principal } from '@hamgam/service-kit';
import type { WelfareDeps } from '../deps.js';
import { isFlagActive, isVisitOverdue, nextVisitDue, overdueTasks, type CaseState } from '../domain/cases.js';
import { hasOverdueWork, summarise } from '../domain/summary.js';
import type { CaseRecord } from './cases.js';

/** A case as its worker's caseload lists it: the stage, level, overdue work and active flags by the clock. */
export function caseSummary(c: Omit<CaseRecord, 'history'>, now: Date) {
  return {
    caseId: c._id,
    householdRef: c.householdRef,
    residentRef: c.residentRef,
    neighbourhoodId: c.neighbourhoodId,
    clinicId: c.clinicId,
    referralId: c.referralId,
    unverified: !(c.refsVerified ?? c.referralId !== null),
    state: c.state,
    level: c.assessment?.result.level ?? null,
    openedAt: c.openedAt,
    overdueTasks: overdueTasks(c, now).length,
    nextVisitOn: nextVisitDue(c),
    visitOverdue: isVisitOverdue(c, now),
    overdue: hasOverdueWork(c, now),
    activeFlags: c.flags.filter((f) => isFlagActive(f, now)).map((f) => f.flag),
  };
}

/** A case with everything in it, and its desk referral as the desk holds it now (for its own worker only). */
export async function caseView(deps: WelfareDeps, c: CaseRecord) {
  const now = deps.clock.now();
  const late = new Set(overdueTasks(c, now).map((t) => t.taskId));
  const referral = c.referralId
    ? await deps.models.referrals.findById(c.referralId, { trackingCode: 1, state: 1, outcome: 1 }).lean()
    : null;
  return {
    ...caseSummary(c, now),
    worker: c.worker,
    closedFrom: c.closedFrom,
    closure: c.closure,
    reopenReason: c.reopenReason,
    assessment: c.assessment,
    goals: c.goals.map((g) => ({ ...g, tasks: g.tasks.map((t) => ({ ...t, overdue: late.has(t.taskId) })) })),
    visits: c.visits,
    flags: c.flags.map((f) => ({ ...f, active: isFlagActive(f, now) })),
    referral: referral ? { trackingCode: referral.trackingCode, state: referral.state, outcome: referral.outcome } : null,
    revision: c.revision,
    history: c.history,
  };
}

/** One page of the caller's own caseload, newest first, by stage and overdue work (a page may come short). */
export async function caseload(
  deps: WelfareDeps,
  principal: Principal,
  filter: { state?: CaseState; overdue?: 'true' | 'false' },
  page: PageContext,
) {
  const now = deps.clock.now();
  const mine = deps.models.cases
    .find({ worker: principal.username, ...(filter.state ? { state: filter.state } : {}) }, { outbox: 0, history: 0 })
    .lean();
  const rows = await pageOf(mine, page, page.res, { by: 'openedAt', order: -1 });
  return rows.filter((c) => filter.overdue === undefined || hasOverdueWork(c, now) === (filter.overdue === 'true'));
}

/** The programme-wide counts of welfare's casework (nothing that names a household). */
export async function caseloadSummary(deps: WelfareDeps) {
  const now = deps.clock.now();
  // Counters over every case (the agency's caseload), bounded.
  const rows = await readAll(
    deps.models.cases
      .find({}, { state: 1, neighbourhoodId: 1, assessment: 1, goals: 1, visits: 1, flags: 1, closedFrom: 1, closure: 1 })
      .lean(),
    caps.agencyCaseload,
  );
  return { asOf: now, ...summarise(rows, now) };
}
