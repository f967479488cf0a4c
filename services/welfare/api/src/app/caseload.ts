import { codeSearch } from '@hamgam/agency-desk';
import { caps, inList, pageOf, readAll, type PageContext, type Principal } from '@hamgam/service-kit';
import type { WelfareDeps } from '../deps.js';
import { fileNumberOf, fileNumberPrefix } from '../domain/file-number.js';
import { isFlagActive, isVisitOverdue, nextVisitDue, overdueTasks, type CaseState } from '../domain/cases.js';
import { hasOverdueWork, summarise } from '../domain/summary.js';
import type { CaseRecord } from './cases.js';

/** A case as its worker's caseload lists it: the stage, level, overdue work and active flags by the clock. */
export function caseSummary(c: Omit<CaseRecord, 'history'>, now: Date, trackingCode: string | null = null) {
  return {
    caseId: c._id,
    fileNumber: c.fileNumber ?? fileNumberOf(c._id),
    trackingCode,
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
    ...caseSummary(c, now, referral?.trackingCode ?? null),
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

export interface CaseloadFilter {
  state?: CaseState | undefined;
  overdue?: 'true' | 'false' | undefined;
  neighbourhoodId?: string | undefined;
  /** A file number or a referral's tracking code, whole or begun, normalised (`WFK7QM`, `K7QM3X`). */
  q?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
}

/** How many referrals a tracking code's beginning may name for a search of the caseload (a longer beginning narrows it). */
const codeMatchesRead = 500;

/** The cases a typed code names: by file number, or by the tracking code of the referral a case was opened from. */
async function foundByCode(deps: WelfareDeps, q: string) {
  const byFileNumber = q.startsWith('WF') && q.length > 2 ? [{ fileNumber: codeSearch(q.slice(2), fileNumberPrefix) }] : [];
  // A case opened from a referral has the referral's id.
  const referrals = await deps.models.referrals
    .find({ trackingCode: codeSearch(q) }, { _id: 1 })
    .limit(codeMatchesRead)
    .lean();
  const byReferral = referrals.length > 0 ? [{ _id: inList(referrals.map((r) => r._id)) }] : [];
  return [...byFileNumber, ...byReferral];
}

/** One page of the caller's own caseload, newest (or oldest) first, by stage, neighbourhood, code and overdue work (a page may come short). */
export async function caseload(deps: WelfareDeps, principal: Principal, filter: CaseloadFilter, page: PageContext) {
  const now = deps.clock.now();
  const found = filter.q ? await foundByCode(deps, filter.q) : null;
  if (found && found.length === 0) return [];
  const mine = deps.models.cases
    .find(
      {
        worker: principal.username,
        ...(filter.state ? { state: filter.state } : {}),
        ...(filter.neighbourhoodId ? { neighbourhoodId: filter.neighbourhoodId } : {}),
        ...(found ? { $or: found } : {}),
      },
      { outbox: 0, history: 0 },
    )
    .lean();
  const rows = await pageOf(mine, page, page.res, { by: 'openedAt', order: filter.order === 'asc' ? 1 : -1 });
  return rows.filter((c) => filter.overdue === undefined || hasOverdueWork(c, now) === (filter.overdue === 'true'));
}

/** The tracking codes of the referrals the cases on a page were opened from (a case opened from one has its id). */
export async function trackingCodesOf(deps: WelfareDeps, cases: { referralId: string | null }[]) {
  const ids = cases.map((c) => c.referralId).filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map<string, string>();
  const rows = await readAll(deps.models.referrals.find({ _id: inList(ids) }, { trackingCode: 1 }).lean(), caps.pageOfHouseholds);
  return new Map(rows.filter((r) => r.trackingCode !== null).map((r) => [r._id, r.trackingCode!]));
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
