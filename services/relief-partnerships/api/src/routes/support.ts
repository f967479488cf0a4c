import {
  caps,
  defineRoute,
  inList,
  notFound,
  pageOf,
  pageQuerySchema,
  readAll,
  type AccessLogAction,
  type EventCause,
} from '@hamgam/service-kit';
import { z } from 'zod';
import { logCandidateAccess, logReferralAccess, logRequestAccess } from '../app/access.js';
import { factsOf } from '../app/facts.js';
import {
  allBenefits,
  decide,
  disburseRequest,
  listRequests,
  recordFollowUp,
  recordRepayment,
  setMeansTest,
  stillUnverified,
  submitRequest,
  trackingCodesOf,
} from '../app/support.js';
import { requestNumberOf } from '../domain/request-number.js';
import type { StoredSupportRequest } from '../data/support-requests.js';
import { dayOf } from '../domain/days.js';
import { duplicateBenefits, priorBenefits, type Benefit } from '../domain/duplicates.js';
import { assessEligibility, flagStatus } from '../domain/eligibility.js';
import { arrearsOf } from '../domain/schedule.js';
import { statusOf, supportKinds } from '../domain/support.js';
import { reliefOfficers, reliefReaders, type ReliefDeps } from '../deps.js';
import {
  approveBodySchema,
  candidateSchema,
  duplicateFlagSchema,
  emptyBodySchema,
  followUpBodySchema,
  meansTestBodySchema,
  newRequestSchema,
  openReferralSchema,
  rejectBodySchema,
  repaymentBodySchema,
  requestDetailSchema,
  requestParams,
  requestQuery,
  requestViewSchema,
} from './schemas.js';

type View = z.input<typeof requestViewSchema>;

/** A benefit as people read it: a relief benefit names its request by number. */
const withNumber = <B extends { source: string; requestId: string | null }>(b: B) => ({
  ...b,
  requestNumber: b.source === 'relief-partnerships' && b.requestId ? requestNumberOf(b.requestId) : null,
});

/** A request as officers see it; `unverified` from stillUnverified (no clinic referred its resident and household to relief, even now). */
function toView(
  r: Omit<StoredSupportRequest, 'outbox'>,
  benefits: readonly Benefit[],
  today: string,
  unverified: ReadonlySet<string>,
  trackingCode: string | null = null,
): View {
  const arrears = r.schedule ? arrearsOf(r.schedule, r.repayments, today) : null;
  return {
    requestId: r._id,
    requestNumber: r.requestNumber ?? requestNumberOf(r._id),
    trackingCode,
    referralId: r.referralId,
    unverified: unverified.has(r._id),
    residentRef: r.residentRef,
    householdRef: r.householdRef,
    neighbourhoodId: r.neighbourhoodId,
    kind: r.kind,
    purpose: r.purpose,
    requestedRials: r.requestedRials,
    businessPlan: r.businessPlan,
    meansTest: r.meansTest,
    state: r.state,
    status: statusOf(r.state, arrears?.arrearsRials ?? 0),
    assessment: r.assessment,
    decision: r.decision,
    disbursement: r.disbursement,
    schedule: r.schedule,
    arrears,
    repayments: r.repayments,
    followUps: r.followUps,
    duplicateBenefits: priorBenefits({ requestId: r._id, householdRef: r.householdRef, purpose: r.purpose }, benefits).length,
    submittedAt: r.submittedAt,
  };
}

export function supportRoutes(deps: ReliefDeps) {
  const { supportRequests } = deps.models;
  const today = () => dayOf(deps.clock.now());

  async function detail(stored: Omit<StoredSupportRequest, 'outbox'>) {
    const [benefits, { facts, stored: factDocs }, unverified, codes] = await Promise.all([
      allBenefits(deps, [stored.householdRef]),
      factsOf(deps, stored.residentRef, stored.householdRef),
      stillUnverified(deps, [stored]),
      trackingCodesOf(deps, [stored]),
    ]);
    const day = today();
    const { eligible, reasons, validFlags } = assessEligibility(stored, facts, day);
    return {
      ...toView(stored, benefits, day, unverified, (stored.referralId && codes.get(stored.referralId)) || null),
      facts: {
        certificates: [...facts.certificates],
        flags: factDocs
          .filter((f) => f.kind === 'flag')
          .map((f) => {
            const fact = { flagId: f.flagId!, flag: f.flag, validUntil: f.validUntil, revokedAt: f.revokedAt };
            return { ...fact, status: flagStatus(fact, day) };
          }),
      },
      eligibleToday: { eligible, reasons, validFlags },
      priorBenefits: priorBenefits({ requestId: stored._id, householdRef: stored.householdRef, purpose: stored.purpose }, benefits).map(
        withNumber,
      ),
    };
  }

  const step = <S extends z.ZodObject>(
    path: string,
    action: AccessLogAction,
    body: S,
    summary: string,
    run: (id: string, body: z.infer<S>, by: { subject: string; cause: EventCause }) => Promise<Omit<StoredSupportRequest, 'outbox'>>,
  ) =>
    defineRoute({
      method: 'post',
      path: `/support-requests/:requestId/${path}`,
      summary,
      tags: ['support'],
      roles: reliefOfficers,
      // A disbursement moves money: the officer's session is confirmed with Keycloak first.
      ...(action === 'disburse' ? { sensitive: true as const } : {}),
      params: requestParams,
      body,
      response: requestDetailSchema,
      handler: async ({ params, body: given, principal, cause }) => {
        const changed = await run(params.requestId, given as z.infer<S>, { subject: principal.subject, cause });
        await logRequestAccess(deps, principal, action, [changed]);
        return detail(changed);
      },
    });

  return [
    defineRoute({
      method: 'get',
      path: '/support-requests',
      summary:
        'Home-business support requests, newest (or oldest) first; found by request number or the referral’s tracking code (whole or begun), filtered by kind, need, neighbourhood and state (in-arrears: loans with late instalments); paged (with `state` a page may come short: follow X-Next-Cursor)',
      tags: ['support'],
      roles: reliefReaders,
      query: requestQuery,
      response: z.array(requestViewSchema),
      handler: async ({ query, principal, req }, res) => {
        const rows = await listRequests(deps, query, { query, req, res });
        const [benefits, unverified, codes] = await Promise.all([
          allBenefits(deps, [...new Set(rows.map((r) => r.householdRef))]),
          stillUnverified(deps, rows),
          trackingCodesOf(deps, rows),
        ]);
        const day = today();
        const shown = rows
          .map((r) => ({ r, view: toView(r, benefits, day, unverified, (r.referralId && codes.get(r.referralId)) || null) }))
          .filter(({ view }) => !query.state || view.status === query.state);
        await logRequestAccess(
          deps,
          principal,
          'list',
          shown.map(({ r }) => r),
        );
        return shown.map(({ view }) => view);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/support-requests/:requestId',
      summary: 'One request with the facts it is judged on, today’s eligibility and the household’s earlier benefits for the purpose',
      tags: ['support'],
      roles: reliefReaders,
      params: requestParams,
      response: requestDetailSchema,
      handler: async ({ params, principal }) => {
        const stored = await supportRequests.findById(params.requestId, { outbox: 0 }).lean();
        if (!stored) throw notFound(`no support request ${params.requestId}`);
        await logRequestAccess(deps, principal, 'read', [stored]);
        return detail(stored);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/support-requests',
      summary: 'Submit a request from an accepted referral (loan, grant or equipment offer) or directly; it is assessed at once',
      tags: ['support'],
      roles: reliefOfficers,
      body: newRequestSchema,
      response: requestDetailSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        const submitted = await submitRequest(deps, body, principal.subject);
        await logRequestAccess(deps, principal, 'create', [submitted]);
        return detail(submitted);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/support-requests/:requestId/means-test',
      summary: 'Record the committee’s own means test; the request is assessed again',
      tags: ['support'],
      roles: reliefOfficers,
      params: requestParams,
      body: meansTestBodySchema,
      response: requestDetailSchema,
      handler: async ({ params, body, principal }) => {
        const changed = await setMeansTest(deps, params.requestId, body.meansTest);
        await logRequestAccess(deps, principal, 'update', [changed]);
        return detail(changed);
      },
    }),
    step(
      'approve',
      'decide',
      approveBodySchema,
      'Approve a request eligible on the day with the amount (a loan with its terms: 422 loan-terms-missing without them); publishes relief-partnerships.support.decided.v1. A request for a resident and household no clinic referred to relief (unverified) is 409 refs-unverified',
      (id, body, by) =>
        decide(
          deps,
          id,
          { decision: 'approved', amountRials: body.amountRials, ...(body.terms ? { terms: body.terms } : {}) },
          by.subject,
          by.cause,
        ),
    ),
    step(
      'reject',
      'decide',
      rejectBodySchema,
      'Reject a request with a reason; publishes relief-partnerships.support.decided.v1',
      (id, body, by) => decide(deps, id, { decision: 'rejected', reason: body.reason }, by.subject, by.cause),
    ),
    step(
      'disburse',
      'disburse',
      emptyBodySchema,
      'Disburse an approved request (support.disbursed + benefit.granted); completes its referral. An unverified request is 409 refs-unverified',
      (id, _body, by) => disburseRequest(deps, id, by.subject, by.cause),
    ),
    step(
      'repayments',
      'update',
      repaymentBodySchema,
      'Record a loan repayment (not ahead of today, nor over what is outstanding: 422)',
      (id, body, by) => recordRepayment(deps, id, body, by.subject),
    ),
    step('follow-ups', 'update', followUpBodySchema, 'Record a follow-up visit to the business, after the disbursement', (id, body, by) =>
      recordFollowUp(deps, id, { ...body, note: body.note ?? '' }, by.subject),
    ),
    defineRoute({
      method: 'get',
      path: '/benefit-flags',
      summary: 'Households funded more than once for the same purpose, by relief or institute funding (opaque ids only)',
      tags: ['support'],
      roles: reliefReaders,
      response: z.array(duplicateFlagSchema),
      handler: async () => duplicateBenefits(await allBenefits(deps)).map((f) => ({ ...f, benefits: f.benefits.map(withNumber) })),
    }),
    defineRoute({
      method: 'get',
      path: '/support-candidates',
      summary:
        'Residents with a TVTO certificate and no support request yet (course completion → home-business support), newest first; paged over certificates (a page may come short: follow X-Next-Cursor)',
      tags: ['support'],
      roles: reliefReaders,
      query: pageQuerySchema,
      response: z.array(candidateSchema),
      handler: async ({ query, principal, req }, res) => {
        const certificates = await pageOf(deps.models.facts.find({ kind: 'certificate' }).lean(), { query, req }, res, {
          by: 'completedAt',
          order: -1,
        });
        const residentRefs = [...new Set(certificates.flatMap((c) => (c.residentRef ? [c.residentRef] : [])))];
        const householdRefs = [...new Set(certificates.flatMap((c) => (c.householdRef ? [c.householdRef] : [])))];
        const [requests, flags] = await Promise.all([
          readAll(supportRequests.find({ residentRef: inList(residentRefs) }, { residentRef: 1, state: 1 }).lean(), caps.pageOfHouseholds),
          readAll(deps.models.facts.find({ kind: 'flag', householdRef: inList(householdRefs) }).lean(), caps.pageOfHouseholds),
        ]);
        const requested = new Set(requests.filter((r) => r.state !== 'rejected').map((r) => r.residentRef));
        const day = today();
        const seen = new Set<string>();
        const shown = certificates.filter((c): c is typeof c & { residentRef: string } => {
          if (!c.residentRef || requested.has(c.residentRef) || seen.has(c.residentRef)) return false;
          seen.add(c.residentRef);
          return true;
        });
        await logCandidateAccess(deps, principal, 'list', shown);
        return shown.map((c) => {
          const householdFlags = c.householdRef
            ? flags
                .filter((f) => f.householdRef === c.householdRef)
                .map((f) => ({ flagId: f.flagId!, flag: f.flag, validUntil: f.validUntil, revokedAt: f.revokedAt }))
            : [];
          const eligibleToday = c.householdRef
            ? assessEligibility(
                { meansTest: 'not-done' },
                {
                  certificates: [{ enrolmentId: c._id, trade: c.trade ?? '', certificateNo: c.certificateNo, completedAt: c.completedAt! }],
                  flags: householdFlags,
                },
                day,
              ).eligible
            : null;
          return {
            residentRef: c.residentRef,
            householdRef: c.householdRef,
            neighbourhoodId: c.neighbourhoodId ?? null,
            trade: c.trade ?? '',
            certificateNo: c.certificateNo,
            completedAt: c.completedAt!,
            eligibleToday,
          };
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/support-referrals',
      summary:
        'Accepted referrals for a loan, grant or equipment offer that have no support request yet, newest first; paged over accepted referrals (a page may come short: follow X-Next-Cursor)',
      tags: ['support'],
      roles: reliefReaders,
      query: pageQuerySchema,
      response: z.array(openReferralSchema),
      handler: async ({ query, principal, req }, res) => {
        const referrals = await pageOf(deps.models.referrals.find({ state: 'accepted' }, { outbox: 0 }).lean(), { query, req }, res, {
          by: 'madeAt',
          order: -1,
        });
        const [offers, requests] = await Promise.all([
          readAll(deps.models.offers.find({}, { kind: 1 }).lean(), caps.reference),
          readAll(
            supportRequests.find({ referralId: inList(referrals.map((r) => r._id)) }, { referralId: 1 }).lean(),
            caps.pageOfHouseholds,
          ),
        ]);
        const kinds = new Map(offers.map((o) => [o._id, o.kind as string]));
        const used = new Set(requests.map((r) => r.referralId));
        const open = referrals.flatMap((r) => {
          const kind = r.offerId ? kinds.get(r.offerId) : undefined;
          if (!kind || !(supportKinds as readonly string[]).includes(kind) || used.has(r._id) || r.trackingCode === null) return [];
          return [
            {
              referralId: r._id,
              trackingCode: r.trackingCode,
              offerId: r.offerId!,
              kind: kind as (typeof supportKinds)[number],
              residentRef: r.residentRef!,
              householdRef: r.householdRef,
              neighbourhoodId: r.neighbourhoodId!,
              needCategory: r.needCategory!,
              completeBy: r.completeBy,
            },
          ];
        });
        await logReferralAccess(deps, principal, 'list', open);
        return open;
      },
    }),
  ];
}
