import { localizedTextSchema, needCategorySchema, partnerAgencySchema, referralWithdrawnV1, slugIdSchema } from '@hamgam/contracts';
import { assertClinicInScope, caps, defineRoute, inList, pageOf, pageQueryShape, readAll, seesWholeProgramme, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { agencyNameOf, loadReferralInScope, makeReferral, withdrawReferral, type ReferralView } from '../app/referrals.js';
import type { ClinicsDeps } from '../deps.js';
import { referralStates, referralStepKinds } from '../domain/referral-state.js';
import { dueDay, isOverdue } from '../domain/referrals.js';

const referralStepSchema = z.object({
  kind: z.enum(referralStepKinds),
  at: z.date(),
  reason: z.string().nullable().optional(),
  outcome: z.string().nullable().optional(),
  completeBy: z.string().nullable().optional(),
});

export const referralViewSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  agency: partnerAgencySchema,
  agencyName: localizedTextSchema,
  offerId: z.string(),
  offerTitle: localizedTextSchema,
  clinicId: z.string(),
  neighbourhoodId: z.string(),
  residentId: z.string(),
  needCategory: needCategorySchema,
  state: z.enum(referralStates),
  respondBy: z.string(),
  completeBy: z.string().nullable(),
  /** The day the current state is due (null when nothing is awaited). */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  madeAt: z.date(),
  updatedAt: z.date(),
  steps: z.array(referralStepSchema),
});

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

const listQuery = z
  .object({
    ...pageQueryShape,
    clinicId: slugIdSchema.optional(),
    state: z.enum(referralStates).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    residentId: z.uuid().optional(),
  })
  .strict();

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
      body: z.object({ residentId: z.uuid(), offerId: slugIdSchema, needCategory: needCategorySchema.optional() }).strict(),
      response: referralViewSchema,
      status: 201,
      handler: async ({ body, principal, correlationId }) => {
        const referral = await makeReferral(deps, principal, { ...body, correlationId });
        flushOutbox([referral._id]);
        return toReferralView(referral, clock.now());
      },
    }),
    defineRoute({
      method: 'get',
      path: '/referrals',
      summary: 'Referrals of the caller’s clinics (or one clinic), by state, only the overdue ones, or one resident’s, newest first; paged (with `overdue` a page may come short: follow X-Next-Cursor)',
      roles: referralReaders,
      query: listQuery,
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
      query: z.object({ clinicId: slugIdSchema.optional() }).strict(),
      response: z.array(z.object({ clinicId: z.string(), open: z.number(), overdue: z.number(), byState: z.record(z.string(), z.number()) })),
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
      params: z.object({ id: z.uuid() }).strict(),
      response: referralViewSchema,
      handler: async ({ params, principal }) => toReferralView(await loadReferralInScope(models, principal, params.id), clock.now()),
    }),
    defineRoute({
      method: 'post',
      path: '/referrals/:id/withdraw',
      summary: 'Withdraw a sent or accepted referral (consent withdrawn, resident’s request, duplicate); emits clinics.referral.withdrawn.v1',
      roles: ['clinic-worker'],
      params: z.object({ id: z.uuid() }).strict(),
      body: z.object({ reason: referralWithdrawnV1.shape.reason }).strict(),
      response: referralViewSchema,
      handler: async ({ params, body, principal, correlationId }) => {
        const referral = await withdrawReferral(deps, principal, { referralId: params.id, reason: body.reason, correlationId });
        flushOutbox([referral._id]);
        return toReferralView(referral, clock.now());
      },
    }),
  ];
}
