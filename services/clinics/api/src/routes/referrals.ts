import { assertClinicInScope, caps, defineRoute, inList, pageOf, readAll, seesWholeProgramme, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { agencyNameOf, loadReferralInScope, makeReferral, withdrawReferral, type ReferralView } from '../app/referrals.js';
import type { ClinicsDeps } from '../deps.js';
import { referralStates } from '../domain/referral-state.js';
import { dueDay, isOverdue } from '../domain/referrals.js';
import { uuidParams } from './schemas/common.js';
import { newReferralSchema, referralCountsSchema, referralQuerySchema, referralSummaryQuerySchema, referralViewSchema, withdrawReferralSchema } from './schemas/referrals.js';

export const toReferralView = (r: ReferralView, now: Date) => ({
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

const referralReaders = ['clinic-worker', 'coordinator', 'auditor'] as const;

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

export function referralRoutes(deps: ClinicsDeps) {
  const { models, clock, flushOutbox } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/referrals',
      summary: 'Refer a resident (with consent) to an open catalogue offer; emits clinics.referral.made.v1',
      roles: ['clinic-worker'],
      // Sends a resident's refs to another agency.
      sensitive: true,
      body: newReferralSchema,
      response: referralViewSchema,
      status: 201,
      handler: async ({ body, principal, cause }) => {
        const referral = await makeReferral(deps, principal, body, cause);
        flushOutbox([referral._id]);
        return toReferralView(referral, clock.now());
      },
    }),
    defineRoute({
      method: 'get',
      path: '/referrals',
      summary: 'Referrals of the caller’s clinics (or one clinic), by state, only the overdue ones, or one resident’s, newest first; paged (with `overdue` a page may come short: follow X-Next-Cursor)',
      roles: referralReaders,
      query: referralQuerySchema,
      response: z.array(referralViewSchema),
      handler: async ({ query, principal, req }, res) => {
        const filter: Record<string, string> = {};
        if (query.state) filter.state = query.state;
        if (query.residentId) filter.residentId = query.residentId;
        const referrals = models.referrals.find(referralsOf(clinicsToList(principal, query.clinicId), filter), { outbox: 0 }).lean<ReferralView[]>();
        const rows = await pageOf(referrals, { query, req }, res, { by: 'madeAt', order: -1 });
        const now = clock.now();
        const views = rows.map((r) => toReferralView(r, now));
        if (query.overdue === 'true') return views.filter((r) => r.overdue);
        if (query.overdue === 'false') return views.filter((r) => !r.overdue);
        return views;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/referrals/summary',
      summary: 'Per clinic in scope: open and overdue referrals (the clinic home’s counters)',
      roles: referralReaders,
      query: referralSummaryQuerySchema,
      response: z.array(referralCountsSchema),
      handler: async ({ query, principal }) => {
        const clinicIds = clinicsToList(principal, query.clinicId);
        const known = clinicIds ?? (await readAll(models.clinics.find({}, { _id: 1 }).sort({ _id: 1 }).lean(), caps.reference)).map((c) => c._id);
        // Counters over every referral of the clinics in scope: one clinic's caseload, bounded.
        const rows = await readAll(models.referrals.find(referralsOf(known, {}), { outbox: 0 }).lean<ReferralView[]>(), caps.agencyCaseload);
        const now = clock.now();
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
      },
    }),
    defineRoute({
      method: 'get',
      path: '/referrals/:id',
      summary: 'One referral and every step of it',
      roles: referralReaders,
      params: uuidParams,
      response: referralViewSchema,
      handler: async ({ params, principal }) => toReferralView(await loadReferralInScope(models, principal, params.id), clock.now()),
    }),
    defineRoute({
      method: 'post',
      path: '/referrals/:id/withdraw',
      summary: 'Withdraw a sent or accepted referral (consent withdrawn, resident’s request, duplicate); emits clinics.referral.withdrawn.v1',
      roles: ['clinic-worker'],
      params: uuidParams,
      body: withdrawReferralSchema,
      response: referralViewSchema,
      handler: async ({ params, body, principal, cause }) => {
        const referral = await withdrawReferral(deps, principal, { referralId: params.id, reason: body.reason }, cause);
        flushOutbox([referral._id]);
        return toReferralView(referral, clock.now());
      },
    }),
  ];
}
