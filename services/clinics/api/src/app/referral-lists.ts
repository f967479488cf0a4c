import {
  assertClinicInScope,
  caps,
  inList,
  pageOf,
  readAll,
  seesWholeProgramme,
  type PageContext,
  type PageOrder,
  type Principal,
} from '@hamgam/service-kit';
import type { PartnerAgency } from '@hamgam/contracts';
import type { ClinicsDeps } from '../deps.js';
import { readSearch, residentsFound } from './clinic-search.js';
import { labelOf, labelPeople, residentsByIds } from './people-labels.js';
import type { ResidentDeps } from './residents.js';
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

export type ReferralSort = 'newest' | 'oldest' | 'updated' | 'respond-by';
const referralOrders: Record<ReferralSort, PageOrder> = {
  newest: { by: 'madeAt', order: -1 },
  oldest: { by: 'madeAt', order: 1 },
  updated: { by: 'updatedAt', order: -1 },
  'respond-by': { by: 'respondBy', order: 1 },
};

export interface ReferralFilter {
  clinicId?: string;
  state?: ReferralState;
  residentId?: string;
  agency?: PartnerAgency;
  overdue?: 'true' | 'false';
  q?: string;
  sort?: ReferralSort;
}

/** What the search box names among referrals: one tracking code, or the referrals of the residents a search finds. */
async function referralSearch(deps: ResidentDeps, principal: Principal, clinicIds: string[] | null, q: string) {
  const term = readSearch(q);
  if (term.kind === 'tracking-code') return { trackingCode: term.code };
  const clinics =
    clinicIds ?? (await readAll(deps.models.clinics.find({}, { _id: 1 }).sort({ _id: 1 }).lean(), caps.reference)).map((c) => c._id);
  const found = await residentsFound(deps, principal, clinics, term);
  return { residentId: inList(found.map((r) => r._id)) };
}

/**
 * One page of the referrals of the caller's clinics (or one clinic), by state, agency, resident and lateness,
 * sorted as asked (a page may come short with `overdue`); `q` is a tracking code, a file number or — the
 * clinic's own staff — a name or national id. Each names its resident: the name for the clinic's own staff
 * (each read logged), the household's file number for anyone.
 */
export async function referralsPage(deps: ResidentDeps, principal: Principal, filter: ReferralFilter, page: PageContext) {
  const { models, clock } = deps;
  const clinicIds = clinicsToList(principal, filter.clinicId);
  const match: Record<string, unknown> = {};
  if (filter.state) match.state = filter.state;
  if (filter.residentId) match.residentId = filter.residentId;
  if (filter.agency) match.agency = filter.agency;
  if (filter.q) Object.assign(match, await referralSearch(deps, principal, clinicIds, filter.q));
  const referrals = models.referrals.find(referralsOf(clinicIds, match as Record<string, string>), { outbox: 0 }).lean<ReferralView[]>();
  const rows = await pageOf(referrals, page, page.res, referralOrders[filter.sort ?? 'newest']);
  const now = clock.now();
  const shown = filter.overdue === undefined ? rows : rows.filter((r) => isOverdue(r, now) === (filter.overdue === 'true'));
  return withResidents(deps, principal, shown, now, 'referral-list');
}

/** Referrals as the screens show them, each naming its resident (see referralsPage). */
export async function withResidents(deps: ResidentDeps, principal: Principal, referrals: ReferralView[], now: Date, purpose: string) {
  const labels = await labelPeople(
    deps,
    principal,
    await residentsByIds(
      deps.models,
      referrals.map((r) => r.residentId),
    ),
    purpose,
  );
  return referrals.map((r) => ({ ...referralView(r, now), resident: labelOf(labels, r.residentId) }));
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
