import { defineRoute, pageQuerySchema, type EventCause, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { logCaseAccess, logReferralAccess } from '../app/access.js';
import {
  addGoal,
  addTask,
  assess,
  confirmFlag,
  markGoal,
  markTask,
  readOwnCase,
  recordVisit,
  revokeFlag,
  type CaseRecord,
} from '../app/cases.js';
import { caseload, caseloadSummary, caseSummary, caseView, trackingCodesOf } from '../app/caseload.js';
import { close, reopen } from '../app/closing.js';
import { knownHouseholds, openableReferrals, openCase, openCaseFromReferral } from '../app/opening.js';
import { caseWorkers, summaryReaders, type WelfareDeps } from '../deps.js';
import {
  assessmentBodySchema,
  caseloadSummarySchema,
  caseParams,
  caseQuerySchema,
  caseSummarySchema,
  caseViewSchema,
  closeBodySchema,
  flagBodySchema,
  flagParams,
  fromReferralBodySchema,
  goalBodySchema,
  goalMarkSchema,
  goalParams,
  knownHouseholdQuerySchema,
  knownHouseholdSchema,
  openableReferralSchema,
  openCaseBodySchema,
  reopenBodySchema,
  taskBodySchema,
  taskMarkSchema,
  taskParams,
  visitBodySchema,
} from './schemas.js';

export function caseRoutes(deps: WelfareDeps) {
  /** A change of one case in the caller's caseload, answered with the whole case. */
  const change = <P extends z.ZodObject, B extends z.ZodObject>(
    path: string,
    summary: string,
    params: P,
    body: B,
    act: (ctx: { params: z.infer<P>; body: z.infer<B>; principal: Principal; cause: EventCause }) => Promise<CaseRecord>,
    method: 'post' | 'put' = 'post',
  ) =>
    defineRoute({
      method,
      path,
      summary,
      tags: ['cases'],
      roles: caseWorkers,
      params,
      body,
      response: caseViewSchema,
      handler: async (ctx) => {
        const changed = await act(ctx as never);
        await logCaseAccess(deps, ctx.principal, 'update', [changed]);
        return caseView(deps, changed);
      },
    });

  return [
    defineRoute({
      method: 'get',
      path: '/cases',
      summary:
        "The caller's own caseload, newest (or oldest) first; found by file number or the referral's tracking code (whole or begun), filtered by stage, neighbourhood and overdue work; paged (with `overdue` a page may come short: follow X-Next-Cursor)",
      tags: ['cases'],
      roles: caseWorkers,
      query: caseQuerySchema,
      response: z.array(caseSummarySchema),
      handler: async ({ query, principal, req }, res) => {
        const shown = await caseload(deps, principal, query, { query, req, res });
        await logCaseAccess(deps, principal, 'list', shown);
        const now = deps.clock.now();
        const codes = await trackingCodesOf(deps, shown);
        return shown.map((c) => caseSummary(c, now, (c.referralId && codes.get(c.referralId)) || null));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/summary',
      summary: 'Counts of cases per neighbourhood by stage, vulnerability level and overdue work, and active flags (no case details)',
      tags: ['cases'],
      roles: summaryReaders,
      response: caseloadSummarySchema,
      handler: () => caseloadSummary(deps),
    }),
    defineRoute({
      method: 'get',
      path: '/cases/openable-referrals',
      summary:
        'Accepted social-care referrals of the desk that no case was opened for yet, newest first; paged over accepted referrals (a page may come short: follow X-Next-Cursor)',
      tags: ['cases'],
      roles: caseWorkers,
      query: pageQuerySchema,
      response: z.array(openableReferralSchema),
      handler: async ({ query, principal, req }, res) => {
        const openable = await openableReferrals(deps, { query, req, res });
        await logReferralAccess(
          deps,
          principal,
          'list',
          openable.map(({ referral }) => referral),
        );
        return openable.map(({ referral: r, offerTitle }) => ({
          referralId: r._id,
          trackingCode: r.trackingCode!,
          offerId: r.offerId!,
          offerTitle,
          clinicId: r.clinicId,
          neighbourhoodId: r.neighbourhoodId,
          householdRef: r.householdRef,
          acceptedAt: r.acceptedAt,
          completeBy: r.completeBy,
        }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/households',
      summary:
        'The households welfare may open a case for: those the clinics named in referrals to welfare, one row a referral, newest first, found by tracking code (whole or begun); paged',
      tags: ['cases'],
      roles: caseWorkers,
      query: knownHouseholdQuerySchema,
      response: z.array(knownHouseholdSchema),
      handler: async ({ query, principal, req }, res) => {
        const rows = await knownHouseholds(deps, query.q, { query, req, res });
        await logReferralAccess(
          deps,
          principal,
          'list',
          rows.map((r) => ({ _id: r.referralId, residentRef: r.residentRef, householdRef: r.householdRef })),
        );
        return rows;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases',
      summary: "Open a case for a household directly, in the caller's caseload (one open case per household)",
      tags: ['cases'],
      roles: caseWorkers,
      body: openCaseBodySchema,
      status: 201,
      response: caseViewSchema,
      handler: async ({ body, principal }) => {
        const opened = await openCase(deps, principal, { ...body, referralId: null });
        await logCaseAccess(deps, principal, 'create', [opened]);
        return caseView(deps, opened);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/from-referral',
      summary: "Open a case for an accepted social-care referral, in the caller's caseload (the case keeps the referral)",
      tags: ['cases'],
      roles: caseWorkers,
      body: fromReferralBodySchema,
      status: 201,
      response: caseViewSchema,
      handler: async ({ body, principal }) => {
        const opened = await openCaseFromReferral(deps, principal, body.referralId);
        await logCaseAccess(deps, principal, 'create', [opened]);
        return caseView(deps, opened);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/:caseId',
      summary: "One case of the caller's caseload with its assessment, plan, visits, flags and history",
      tags: ['cases'],
      roles: caseWorkers,
      params: caseParams,
      response: caseViewSchema,
      handler: async ({ params, principal }) => {
        const found = await readOwnCase(deps, params.caseId, principal);
        await logCaseAccess(deps, principal, 'read', [found]);
        return caseView(deps, found);
      },
    }),
    change(
      '/cases/:caseId/assessment',
      'Record (or repeat) the vulnerability assessment: scores, level, suggested flags',
      caseParams,
      assessmentBodySchema,
      ({ params, body, principal, cause }) => assess(deps, params.caseId, principal, cause, body),
      'put',
    ),
    change(
      '/cases/:caseId/goals',
      'Add a goal to the case plan (an assessed case becomes planned)',
      caseParams,
      goalBodySchema,
      ({ params, body, principal, cause }) => addGoal(deps, params.caseId, principal, cause, body.text),
    ),
    change(
      '/cases/:caseId/goals/:goalId',
      'Mark a goal met or not met',
      goalParams,
      goalMarkSchema,
      ({ params, body, principal, cause }) => markGoal(deps, params.caseId, principal, cause, params.goalId, body.met),
      'put',
    ),
    change(
      '/cases/:caseId/goals/:goalId/tasks',
      'Add a task with a due day to a goal',
      goalParams,
      taskBodySchema,
      ({ params, body, principal, cause }) => addTask(deps, params.caseId, principal, cause, params.goalId, body),
    ),
    change(
      '/cases/:caseId/tasks/:taskId',
      'Mark a task done or not done',
      taskParams,
      taskMarkSchema,
      ({ params, body, principal, cause }) => markTask(deps, params.caseId, principal, cause, params.taskId, body.done),
      'put',
    ),
    change(
      '/cases/:caseId/visits',
      'Record a follow-up visit with its notes and the next visit (a planned case goes into follow-up)',
      caseParams,
      visitBodySchema,
      ({ params, body, principal, cause }) => recordVisit(deps, params.caseId, principal, cause, body),
    ),
    change(
      '/cases/:caseId/flags',
      'Confirm an eligibility flag the assessment supports, with its validity (publishes welfare.eligibility.flagged.v1)',
      caseParams,
      flagBodySchema,
      ({ params, body, principal, cause }) => confirmFlag(deps, params.caseId, principal, cause, body.flag, body.validUntil),
    ),
    defineRoute({
      method: 'post',
      path: '/cases/:caseId/flags/:flagId/revoke',
      summary: 'Revoke an eligibility flag (publishes welfare.eligibility.revoked.v1)',
      tags: ['cases'],
      roles: caseWorkers,
      params: flagParams,
      response: caseViewSchema,
      handler: async ({ params, principal, cause }) => {
        const changed = await revokeFlag(deps, params.caseId, principal, cause, params.flagId);
        await logCaseAccess(deps, principal, 'update', [changed]);
        return caseView(deps, changed);
      },
    }),
    change(
      '/cases/:caseId/close',
      'Close the case with a reason (goals met completes its referral as achieved)',
      caseParams,
      closeBodySchema,
      ({ params, body, principal, cause }) => close(deps, params.caseId, principal, cause, body.reason),
    ),
    change(
      '/cases/:caseId/reopen',
      'Reopen a closed case with a reason (it returns to the stage it was closed from)',
      caseParams,
      reopenBodySchema,
      ({ params, body, principal, cause }) => reopen(deps, params.caseId, principal, cause, body.reason),
    ),
  ];
}
