import {
  assertClinicInScope,
  caps,
  inList,
  pageOf,
  readAll,
  seesWholeProgramme,
  type PageContext,
  type Principal,
} from '@hamgam/service-kit';
import type { ClinicsDeps } from '../deps.js';
import { referralStates, type ReferralState } from '../domain/referral-state.js';
import { dueDay, isOverdue } from '../domain/referrals.js';
import { agencyNameOf, type ReferralView } from './referrals.js';

type Deps = Pick<ClinicsDeps, 'models' | 'clock'>;

/** A referral as the clinics' screens show it, with the day it is due and whether it is late now. */
export const referralView = (r: ReferralView, now: Date) => ({
  id: r._id,
  trackingCode: r.trackingCode,
  agency: r.agency,
  agencyName: agencyNameOf(r.agency),
  offerId: r.offerId,
  offerTitle: r.offer.title,
  clinicId: r.clinicId,
  neighbourhoodId: r.neighbourhoodId,
  residentId: r.residentId,
  needCategory: r.needCategory,
  state: r.state,
  respondBy: r.respondBy,
  completeBy: r.completeBy ?? null,
  dueOn: dueDay(r),
  overdue: isOverdue(r, now),
  madeAt: r.madeAt,
  updatedAt: r.updatedAt,
  steps: r.steps.map(({ eventId: _e, ...step }) => step),
});

/** The clinics whose referrals the caller may list: the one asked for (if in scope), else all of theirs (null = every clinic). */
function clinicsToList(principal: Principal, clinicId: string | undefined): string[] | null {
  if (clinicId) {
    assertClinicInScope(principal, clinicId);
    return [clinicId];
  }
  return seesWholeProgramme(principal) ? null : principal.clinicIds;
}

/** The referrals of these clinics (null = every clinic) matching the filter, as one query's filter. */
const referralsOf = (clinicIds: string[] | null, filter: Record<string, string>) => ({
  ...filter,
  ...(clinicIds === null ? {} : { clinicId: clinicIds.length === 1 ? clinicIds[0] : inList(clinicIds) }),
});

/** One page of the referrals of the caller's clinics (or one clinic), by state, resident and lateness, newest first (a page may come short). */
export async function referralsPage(
  { models, clock }: Deps,
  principal: Principal,
  filter: { clinicId?: string; state?: ReferralState; residentId?: string; overdue?: 'true' | 'false' },
  page: PageContext,
) {
  const match: Record<string, string> = {};
  if (filter.state) match.state = filter.state;
  if (filter.residentId) match.residentId = filter.residentId;
  const referrals = models.referrals
    .find(referralsOf(clinicsToList(principal, filter.clinicId), match), { outbox: 0 })
    .lean<ReferralView[]>();
  const rows = await pageOf(referrals, page, page.res, { by: 'madeAt', order: -1 });
  const now = clock.now();
  const views = rows.map((r) => referralView(r, now));
  if (filter.overdue === undefined) return views;
  return views.filter((r) => r.overdue === (filter.overdue === 'true'));
}

/** Per clinic in the caller's scope (or the one asked for): open and overdue referrals, and how many in each state. */
export async function referralCounts(deps: Deps, principal: Principal, clinicId: string | undefined) {
  const clinicIds = clinicsToList(principal, clinicId);
  const known =
    clinicIds ?? (await readAll(deps.models.clinics.find({}, { _id: 1 }).sort({ _id: 1 }).lean(), caps.reference)).map((c) => c._id);
  // Counters over every referral of the clinics in scope: one clinic's caseload, bounded.
  const rows = await readAll(deps.models.referrals.find(referralsOf(known, {}), { outbox: 0 }).lean<ReferralView[]>(), caps.agencyCaseload);
  const now = deps.clock.now();
  return known.map((clinicId) => {
    const mine = rows.filter((r) => r.clinicId === clinicId);
    const byState = Object.fromEntries(referralStates.map((s) => [s, mine.filter((r) => r.state === s).length]));
    return {
      clinicId,
      open: mine.filter((r) => r.state === 'sent' || r.state === 'accepted').length,
      overdue: mine.filter((r) => isOverdue(r, now)).length,
      byState,
    };
  });
}
