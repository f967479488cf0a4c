import { dayOf } from '@hamgam/contracts/days';
import { isoDateSchema, localizedNameSchema, opaqueIdSchema, slugIdSchema } from '@hamgam/contracts';
import { caps, defineRoute, notFound, pageQuerySchema, pageQueryShape, readAll, type AccessLogAction, type Principal, type RouteSpec } from '@hamgam/service-kit';
import { z } from 'zod';
import {
  applicationsView,
  awardApplication,
  awardsView,
  callsView,
  cancelAwardOf,
  openCall,
  payAwardTranche,
  registerInstitute,
  rejectApplication,
  releaseAwardTranche,
  startReview,
  submitApplication,
  updateInstitute,
} from '../app/funding.js';
import { logAwardAccess, logFlagAccess } from '../app/access.js';
import { ledgerView } from '../app/ledger.js';
import { duplicateFlagsView, reviewFlag } from '../app/outcomes.js';
import { applicationStates } from '../domain/funding.js';
import type { StoredApplication, StoredInstitute } from '../data/models.js';
import { causeOf, officers, readers, type FundingDeps } from '../deps.js';

const rials = z.number().int().positive().max(1e15);
const trades = z.array(slugIdSchema).min(1).max(20);
const text = (max: number) => z.string().trim().min(1).max(max);

const instituteFields = z
  .object({
    name: localizedNameSchema,
    licenceNo: z.string().regex(/^[A-Z0-9-]{4,32}$/, 'a licence number such as KRM-1402-118'),
    licenceValidUntil: isoDateSchema,
    neighbourhoodId: slugIdSchema,
    address: text(300),
    trades,
  })
  .strict();
const instituteView = instituteFields.extend({ instituteId: slugIdSchema, licenceValid: z.boolean(), updatedAt: z.iso.datetime() });

const callFields = z
  .object({
    title: localizedNameSchema,
    budgetRials: rials,
    neighbourhoodIds: z.array(slugIdSchema).min(1).max(20),
    trades,
    opensOn: isoDateSchema,
    closesOn: isoDateSchema,
  })
  .strict();
const callView = callFields.extend({
  callId: opaqueIdSchema,
  status: z.enum(['upcoming', 'open', 'closed']),
  awardedRials: z.number().int(),
  availableRials: z.number().int(),
  createdAt: z.iso.datetime(),
});

const conditionSchema = z.object({ kind: z.enum(['enrolments', 'completions']), atLeast: z.number().int().positive().max(10_000) }).strict();
const trancheView = z.object({
  trancheNo: z.number().int(),
  percent: z.number().int(),
  condition: conditionSchema,
  amountRials: z.number().int(),
  state: z.enum(['pending', 'released', 'paid', 'cancelled']),
  releasable: z.boolean(),
  releasedAt: z.iso.datetime().nullable(),
  verifiedEnrolments: z.number().int().nullable(),
  verifiedCompletions: z.number().int().nullable(),
  paidAt: z.iso.datetime().nullable(),
  paymentRef: z.string().nullable(),
});
const awardSummary = z.object({ amountRials: z.number().int(), seats: z.number().int(), status: z.enum(['active', 'completed', 'cancelled']), awardedAt: z.iso.datetime() });
const applicationView = z.object({
  applicationId: opaqueIdSchema,
  callId: opaqueIdSchema,
  instituteId: slugIdSchema,
  trades: z.array(z.string()),
  proposedSeats: z.number().int(),
  amountRequestedRials: z.number().int(),
  state: z.enum(applicationStates),
  submittedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  award: awardSummary.nullable(),
});
const awardView = z.object({
  awardId: opaqueIdSchema,
  callId: opaqueIdSchema,
  instituteId: slugIdSchema,
  trades: z.array(z.string()),
  amountRials: z.number().int(),
  seats: z.number().int(),
  neighbourhoodIds: z.array(z.string()),
  status: z.enum(['active', 'completed', 'cancelled']),
  awardedAt: z.iso.datetime(),
  cancelReason: z.string().nullable(),
  verified: z.object({ enrolments: z.number().int(), completions: z.number().int() }),
  releasedRials: z.number().int(),
  paidRials: z.number().int(),
  tranches: z.array(trancheView),
  benefits: z.array(z.object({ benefitId: opaqueIdSchema, householdRef: opaqueIdSchema, amountRials: z.number().int(), trancheNo: z.number().int(), grantedAt: z.iso.datetime() })),
});
const ledgerSchema = z.object({
  balanced: z.boolean(),
  trialBalance: z.number().int(),
  problems: z.array(z.string()),
  unposted: z.array(z.string()),
  accounts: z.array(z.object({ account: z.string(), balance: z.number().int() })),
  calls: z.array(z.object({ callId: z.string(), title: localizedNameSchema, budget: z.number().int(), available: z.number().int(), committed: z.number().int(), payable: z.number().int(), paid: z.number().int() })),
  postings: z.array(
    z.object({
      postingId: z.string(),
      kind: z.enum(['budget', 'award', 'release', 'payment', 'cancellation']),
      callId: z.string(),
      awardId: z.string().nullable(),
      trancheNo: z.number().int().nullable(),
      lines: z.array(z.object({ account: z.string(), debit: z.number().int(), credit: z.number().int() })),
      postedAt: z.iso.datetime(),
    }),
  ),
});
const flagView = z.object({
  flagId: z.string(),
  householdRef: opaqueIdSchema,
  purpose: z.string(),
  crossAgency: z.boolean(),
  totalRials: z.number().int(),
  benefits: z.array(z.object({ benefitId: opaqueIdSchema, source: z.enum(['institute-funding', 'relief-partnerships']), amountRials: z.number().int(), grantedAt: z.iso.datetime(), purpose: z.string(), householdRef: z.string() })),
  review: z.object({ note: z.string(), reviewedAt: z.iso.datetime() }).nullable(),
});

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

const toInstitute = (i: StoredInstitute, today: string) => {
  const { _id, updatedBy: _b, updatedAt, ...rest } = i;
  return { instituteId: _id, ...rest, licenceValid: i.licenceValidUntil >= today, updatedAt: updatedAt.toISOString() };
};

const toApplication = (a: Omit<StoredApplication, 'outbox'>) => ({
  applicationId: a._id, callId: a.callId, instituteId: a.instituteId, trades: a.trades, proposedSeats: a.proposedSeats, amountRequestedRials: a.amountRequestedRials,
  state: a.state, submittedAt: a.submittedAt.toISOString(), decidedAt: iso(a.decidedAt), rejectionReason: a.rejectionReason ?? null,
  award: a.award ? { amountRials: a.award.amountRials, seats: a.award.seats, status: a.award.status, awardedAt: a.award.awardedAt.toISOString() } : null,
});

type AwardRow = Awaited<ReturnType<typeof awardsView>>[number];
const toAward = ({ a, award, verified, tranches }: AwardRow) => ({
  awardId: a._id, callId: a.callId, instituteId: a.instituteId, trades: a.trades, amountRials: award.amountRials, seats: award.seats,
  neighbourhoodIds: award.neighbourhoodIds, status: award.status, awardedAt: award.awardedAt.toISOString(), cancelReason: award.cancelReason ?? null, verified,
  releasedRials: tranches.filter((t) => t.state === 'released' || t.state === 'paid').reduce((s, t) => s + t.amountRials, 0),
  paidRials: tranches.filter((t) => t.state === 'paid').reduce((s, t) => s + t.amountRials, 0),
  tranches: tranches.map((t) => ({
    trancheNo: t.trancheNo, percent: t.percent, condition: { kind: t.condition.kind, atLeast: t.condition.atLeast }, amountRials: t.amountRials, state: t.state, releasable: t.releasable,
    releasedAt: iso(t.releasedAt), verifiedEnrolments: t.verifiedEnrolments ?? null, verifiedCompletions: t.verifiedCompletions ?? null, paidAt: iso(t.paidAt), paymentRef: t.paymentRef ?? null,
  })),
  benefits: a.benefits.map((b) => ({ benefitId: b.benefitId, householdRef: b.householdRef, amountRials: b.amountRials, trancheNo: b.trancheNo, grantedAt: b.grantedAt.toISOString() })),
});

/** One award as the caller sees it, logged for the households it funded under what the caller did. */
const oneAward = async (deps: FundingDeps, awardId: string, principal: Principal, action: AccessLogAction) => {
  const [row] = await awardsView(deps, { awardId });
  if (!row) throw notFound(`no award ${awardId}`);
  await logAwardAccess(deps, principal, action, [row.a]);
  return toAward(row);
};

const idParams = z.object({ id: opaqueIdSchema }).strict();
const trancheParams = z.object({ id: opaqueIdSchema, no: z.coerce.number().int().min(1).max(6) }).strict();
const today = (deps: FundingDeps) => dayOf(deps.clock.now());

export function fundingRoutes(deps: FundingDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/institutes', summary: 'Private training institutes: licence, neighbourhood, trades', tags: ['institutes'], roles: readers,
      response: z.array(instituteView),
      // The province's private institutes (tens, at most hundreds): read whole, bounded.
      handler: async () => (await readAll(deps.models.institutes.find().sort({ _id: 1 }).lean(), caps.reference)).map((i) => toInstitute(i, today(deps))),
    }),
    defineRoute({
      method: 'post', path: '/institutes', summary: 'Register an institute (its id is a slug such as inst-negin, used by TVTO as a course venue)', tags: ['institutes'], roles: officers,
      body: instituteFields.extend({ instituteId: slugIdSchema }).strict(), response: instituteView, status: 201,
      handler: async ({ body, principal }) => {
        const { instituteId, ...fields } = body;
        return toInstitute(await registerInstitute(deps, instituteId, fields, principal.subject), today(deps));
      },
    }),
    defineRoute({
      method: 'put', path: '/institutes/:id', summary: 'Update an institute: a renewed licence, its address or trades', tags: ['institutes'], roles: officers,
      params: z.object({ id: slugIdSchema }).strict(), body: instituteFields, response: instituteView,
      handler: async ({ params, body, principal }) => toInstitute(await updateInstitute(deps, params.id, body, principal.subject), today(deps)),
    }),
    defineRoute({
      method: 'get', path: '/calls', summary: 'Funding calls with their budget, what is awarded and what is left', tags: ['calls'], roles: readers,
      response: z.array(callView),
      handler: async () => (await callsView(deps)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    }),
    defineRoute({
      method: 'post', path: '/calls', summary: 'Open a funding call (its budget is posted to the ledger)', tags: ['calls'], roles: officers,
      body: callFields, response: callView, status: 201,
      handler: async ({ body, principal }) => {
        const call = await openCall(deps, body, principal.subject);
        const view = (await callsView(deps)).find((c) => c.callId === call._id)!;
        return { ...view, createdAt: view.createdAt.toISOString() };
      },
    }),
    defineRoute({
      method: 'get', path: '/applications', summary: 'Applications to the calls, optionally of one call or in one state', tags: ['applications'], roles: readers,
      query: z.object({ ...pageQueryShape, callId: opaqueIdSchema.optional(), state: z.enum(applicationStates).optional() }).strict(),
      response: z.array(applicationView),
      handler: async ({ query, req }, res) => (await applicationsView(deps, query, { query, req, res })).map(toApplication),
    }),
    defineRoute({
      method: 'post', path: '/applications', summary: 'Record an institute’s application to an open call', tags: ['applications'], roles: officers,
      body: z.object({ callId: opaqueIdSchema, instituteId: slugIdSchema, trades, proposedSeats: z.number().int().positive().max(1000), amountRequestedRials: rials }).strict(),
      response: applicationView, status: 201,
      handler: async ({ body, principal }) => {
        const { callId, instituteId, ...request } = body;
        return toApplication(await submitApplication(deps, callId, instituteId, request, principal.subject));
      },
    }),
    defineRoute({
      method: 'post', path: '/applications/:id/review', summary: 'Start reviewing a submitted application', tags: ['applications'], roles: officers,
      params: idParams, response: applicationView,
      handler: async ({ params }) => toApplication(await startReview(deps, params.id)),
    }),
    defineRoute({
      method: 'post', path: '/applications/:id/reject', summary: 'Reject an application, with the reason given to the institute', tags: ['applications'], roles: officers,
      params: idParams, body: z.object({ reason: text(500) }).strict(), response: applicationView,
      handler: async ({ params, body, principal }) => toApplication(await rejectApplication(deps, params.id, body.reason, principal.subject)),
    }),
    defineRoute({
      method: 'post', path: '/applications/:id/award', summary: 'Award an application under review: amount, seats and the tranche plan (within the call’s budget)', tags: ['applications'], roles: officers, sensitive: true,
      params: idParams,
      body: z
        .object({
          amountRials: rials,
          seats: z.number().int().positive().max(1000),
          plan: z.array(z.object({ percent: z.number().int().min(1).max(100), condition: conditionSchema }).strict()).min(1).max(6),
        })
        .strict(),
      response: awardView, status: 201,
      handler: async ({ params, body, principal }) => {
        await awardApplication(deps, params.id, body, principal.subject);
        return oneAward(deps, params.id, principal, 'create');
      },
    }),
    defineRoute({
      method: 'get', path: '/awards', summary: 'Awards with the outcomes TVTO verified, each tranche’s state and whether it may be released', tags: ['awards'], roles: readers,
      query: pageQuerySchema,
      response: z.array(awardView),
      handler: async ({ query, principal, req }, res) => {
        const rows = await awardsView(deps, { query, req, res });
        await logAwardAccess(deps, principal, 'list', rows.map((r) => r.a));
        return rows.map(toAward);
      },
    }),
    defineRoute({
      method: 'get', path: '/awards/:id', summary: 'One award', tags: ['awards'], roles: readers, params: idParams, response: awardView,
      handler: async ({ params, principal }) => oneAward(deps, params.id, principal, 'read'),
    }),
    defineRoute({
      method: 'post', path: '/awards/:id/tranches/:no/release',
      summary: 'Release a tranche whose verified condition holds (publishes institute-funding.tranche.released.v1 and a benefit.granted.v1 per newly funded household)',
      tags: ['awards'], roles: officers, sensitive: true, params: trancheParams, response: awardView,
      handler: async ({ params, principal, correlationId }) => {
        await releaseAwardTranche(deps, params.id, params.no, causeOf(principal, correlationId));
        return oneAward(deps, params.id, principal, 'decide');
      },
    }),
    defineRoute({
      method: 'post', path: '/awards/:id/tranches/:no/pay', summary: 'Record the payment of a released tranche to the institute', tags: ['awards'], roles: officers, sensitive: true,
      params: trancheParams, body: z.object({ paymentRef: z.string().regex(/^[A-Za-z0-9-]{3,40}$/, 'a bank reference') }).strict(), response: awardView,
      handler: async ({ params, body, principal }) => {
        await payAwardTranche(deps, params.id, params.no, body.paymentRef);
        return oneAward(deps, params.id, principal, 'disburse');
      },
    }),
    defineRoute({
      method: 'post', path: '/awards/:id/cancel', summary: 'Cancel an active award: unreleased tranches lapse and return to the call’s budget', tags: ['awards'], roles: officers,
      params: idParams, body: z.object({ reason: text(500) }).strict(), response: awardView,
      handler: async ({ params, body, principal }) => {
        await cancelAwardOf(deps, params.id, body.reason);
        return oneAward(deps, params.id, principal, 'update');
      },
    }),
    defineRoute({
      method: 'get', path: '/ledger', summary: 'The disbursement ledger: postings, balances, each call’s position, and whether it balances', tags: ['ledger'], roles: readers,
      response: ledgerSchema,
      handler: () => ledgerView(deps),
    }),
    defineRoute({
      method: 'get', path: '/duplicate-flags', summary: 'Households funded twice for the same purpose across relief and institute funding (opaque ids)', tags: ['benefits'], roles: readers,
      response: z.array(flagView),
      handler: async ({ principal }) => {
        const flags = await duplicateFlagsView(deps);
        await logFlagAccess(deps, principal, 'list', flags);
        return flags;
      },
    }),
    defineRoute({
      method: 'post', path: '/duplicate-flags/:flagId/review', summary: 'Record how an officer settled a duplicate-benefit flag', tags: ['benefits'], roles: officers,
      params: z.object({ flagId: z.string().regex(/^[0-9a-f]{24}$/) }).strict(), body: z.object({ note: text(500) }).strict(),
      response: z.object({ note: z.string(), reviewedAt: z.iso.datetime() }),
      handler: async ({ params, body, principal }) => {
        const reviewed = await reviewFlag(deps, params.flagId, body.note, principal.subject);
        if (!reviewed) throw notFound(`no duplicate-benefit flag ${params.flagId}`);
        await logFlagAccess(deps, principal, 'update', [reviewed.flag]);
        return reviewed.review;
      },
    }),
  ];
}
