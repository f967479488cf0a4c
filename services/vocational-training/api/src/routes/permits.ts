import { codeSearch } from '@hamgam/agency-desk';
import { dayOf } from '@hamgam/contracts/days';
import { createRateLimiter, defineRoute, notFound, pageOf, type Principal, type RateLimiter } from '@hamgam/service-kit';
import { z } from 'zod';
import { logPermitAccess, seesApplicant } from '../app/access.js';
import { stepPermit, submitPermit } from '../app/permits.js';
import { marksOf, residentMarks, type ResidentMarks } from '../app/refs.js';
import { applicantSealer } from '../config.js';
import type { StoredPermit } from '../data/permits.js';
import { canRenew, effectiveStatus, permitNextStep, permitStatusLabels } from '../domain/permits.js';
import { agency, readers, staff, type VtDeps } from '../deps.js';
import {
  checklistBodySchema,
  decisionBodySchema,
  inspectionBodySchema,
  permitApplicationSchema,
  permitParams,
  permitQuerySchema,
  permitTrackingParams,
  permitTrackingViewSchema,
  permitViewSchema,
  renewBodySchema,
} from './schemas.js';

/**
 * An application as the caller may see it. Its applicant (a walk-in's name, the workshop's address) is
 * personal data that only TVTO's own staff need, to deal with the applicant and inspect the workshop:
 * opened for them alone. Coordinators and auditors follow the programme by trade, neighbourhood and status.
 */
function permitView(
  deps: VtDeps,
  { _id, outbox: _o, applicant, ...permit }: Omit<StoredPermit, 'outbox'> & { outbox?: unknown },
  principal: Principal,
  marks: ResidentMarks,
) {
  const now = deps.clock.now();
  const personal = seesApplicant(principal) ? applicantSealer(deps.config).open(applicant) : { name: null, address: null };
  return {
    ...permit,
    permitId: _id,
    // Applications stored before applications could come from referrals have no such field.
    referralId: permit.referralId ?? null,
    ...marksOf(marks, _id),
    status: effectiveStatus(permit, now),
    renewable: canRenew(permit, now),
    applicantName: personal.name,
    address: personal.address,
  };
}

// The public lookup's limit is counted in the service's database (rate_limits), shared by every replica.
export function permitRoutes(
  deps: VtDeps,
  limiter: RateLimiter = createRateLimiter({ limit: 30, windowMs: 60_000, store: deps.models.permits.db, name: 'permits' }),
) {
  const { permits } = deps.models;
  const step = (path: string, summary: string, body: z.ZodType, toStep: (body: any) => Parameters<typeof stepPermit>[2]) =>
    defineRoute({
      method: path === 'checklist' ? 'put' : 'post',
      path: `/permits/:permitId/${path}`,
      summary,
      tags: ['permits'],
      roles: staff,
      params: permitParams,
      body,
      response: permitViewSchema,
      handler: async ({ params, body: given, principal, cause }) => {
        const changed = await stepPermit(deps, params.permitId, toStep(given), cause);
        await logPermitAccess(deps, principal, path === 'decision' ? 'decide' : 'update', [changed]);
        return permitView(deps, changed, principal, await residentMarks(deps, [changed]));
      },
    });

  return [
    defineRoute({
      method: 'get',
      path: '/permits/tracking/:code',
      summary: 'Public (no login): an applicant follows their workshop permit application by its tracking code — status and next step only',
      tags: ['permits'],
      roles: 'public',
      rateLimit: limiter,
      params: permitTrackingParams,
      response: permitTrackingViewSchema,
      handler: async ({ params }) => {
        const permit = await permits
          .findOne({ trackingCode: params.code }, { status: 1, checklist: 1, validUntil: 1, updatedAt: 1 })
          .lean();
        if (!permit) throw notFound('no permit application has this tracking code');
        const now = deps.clock.now();
        const status = effectiveStatus(permit, now);
        return {
          code: params.code,
          status,
          statusLabel: permitStatusLabels[status],
          nextStep: permitNextStep(permit, now),
          lastUpdate: dayOf(permit.updatedAt),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/permits',
      summary:
        'Workshop permit applications, newest first (or oldest, or by last change); found by tracking code (or its beginning), filtered by status (expired is read from the calendar), trade and neighbourhood; paged (with `status` a page may come short: follow X-Next-Cursor)',
      tags: ['permits'],
      roles: readers,
      query: permitQuerySchema,
      response: z.array(permitViewSchema),
      handler: async ({ query, principal, req }, res) => {
        const filter = {
          ...(query.q ? { trackingCode: codeSearch(query.q) } : {}),
          ...(query.trade ? { trade: query.trade } : {}),
          ...(query.neighbourhoodId ? { neighbourhoodId: query.neighbourhoodId } : {}),
        };
        const page = await pageOf(permits.find(filter, { outbox: 0 }).lean(), { query, req }, res, {
          by: query.sort,
          order: query.order === 'asc' ? 1 : -1,
        });
        const now = deps.clock.now();
        const shown = query.status ? page.filter((p) => effectiveStatus(p, now) === query.status) : page;
        if (seesApplicant(principal)) await logPermitAccess(deps, principal, 'list', shown);
        const marks = await residentMarks(deps, shown);
        return shown.map((p) => permitView(deps, p, principal, marks));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/permits/:permitId',
      summary: 'One permit application with its checklist, inspection, decision and renewals',
      tags: ['permits'],
      roles: readers,
      params: permitParams,
      response: permitViewSchema,
      handler: async ({ params, principal }) => {
        const permit = await permits.findById(params.permitId, { outbox: 0 }).lean();
        if (!permit) throw notFound(`no permit application ${params.permitId}`);
        if (seesApplicant(principal)) await logPermitAccess(deps, principal, 'read', [permit]);
        return permitView(deps, permit, principal, await residentMarks(deps, [permit]));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/permits',
      summary:
        'A workshop permit application (a referred resident by opaque id — one no clinic referral named is kept, marked unverified — or a walk-in by name kept only at TVTO); gets a tracking code',
      tags: ['permits'],
      roles: staff,
      body: permitApplicationSchema,
      response: permitViewSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        const submitted = await submitPermit(deps, body, principal.subject);
        await logPermitAccess(deps, principal, 'create', [submitted]);
        return permitView(deps, submitted, principal, await residentMarks(deps, [submitted]));
      },
    }),
    step(
      'checklist',
      'Tick or untick a document of the checklist; the application is documents-complete when all four are in',
      checklistBodySchema,
      (b) => ({ kind: 'checklist', ...b }),
    ),
    step(
      'inspection',
      'Record the inspection of a documents-complete application (date, inspector, findings, pass or fail)',
      inspectionBodySchema,
      (b) => ({ kind: 'inspection', inspection: b }),
    ),
    step(
      'decision',
      `Approve (after a passed inspection: permit number, valid a year; publishes ${agency}.permit.issued.v1) or reject, with a reason`,
      decisionBodySchema,
      (b) => ({ kind: 'decision', ...b }),
    ),
    step(
      'renew',
      `Renew an expired permit, or one in its last 30 days, for a year (republishes ${agency}.permit.issued.v1 with the new validity)`,
      renewBodySchema,
      () => ({ kind: 'renewal' }),
    ),
  ];
}
