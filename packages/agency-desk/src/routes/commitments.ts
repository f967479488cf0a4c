import { caps, defineRoute, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { declareCommitment, listCommitments, reportProgress } from '../app/commitments.js';
import type { StoredCommitment } from '../data/models.js';
import { isCommitmentOverdue } from '../domain/commitments.js';
import { readersOf, type DeskDeps, type DeskOptions } from '../options.js';
import {
  commitmentParams,
  commitmentQuerySchema,
  commitmentViewSchema,
  declareBodySchema,
  prioritiesViewSchema,
  progressBodySchema,
} from './schemas.js';

const toView = (c: Omit<StoredCommitment, 'outbox'>, now: Date) => {
  const { _id, agency: _a, declaredBy: _d, history, ...rest } = c;
  return {
    ...rest,
    commitmentId: _id,
    history: history.map(({ status, at, evidence, revisedDueOn }) => ({
      status,
      at,
      evidence: evidence ?? null,
      revisedDueOn: revisedDueOn ?? null,
    })),
    overdue: isCommitmentOverdue(c, now),
  };
};

export function commitmentRoutes(deps: DeskDeps, options: DeskOptions) {
  return [
    defineRoute({
      method: 'get',
      path: '/desk/commitments',
      summary:
        'The agency’s commitments: its own declarations and the action items the working group assigned it, by due day (soonest or latest first), filtered by status, source, neighbourhood and overdue (not delivered and past its effective due day, in Iran; the rule GET /work counts by); paged',
      tags: ['desk'],
      roles: readersOf(options),
      query: commitmentQuerySchema,
      response: z.array(commitmentViewSchema),
      handler: async ({ query, req }, res) => {
        const now = deps.clock.now();
        return (await listCommitments(deps, query, { query, req, res })).map((c) => toView(c, now));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/desk/commitments',
      summary: `Declare an action against a neighbourhood priority (publishes ${options.agency}.commitment.declared.v1)`,
      tags: ['desk'],
      roles: options.roles,
      body: declareBodySchema,
      response: commitmentViewSchema,
      status: 201,
      handler: async ({ body, cause }) => {
        const commitment = await declareCommitment(deps, options, body, cause);
        return toView(commitment, deps.clock.now());
      },
    }),
    defineRoute({
      method: 'post',
      path: '/desk/commitments/:id/progress',
      summary: `Report progress: in progress, delivered with evidence, or slipped with a new due day (publishes ${options.agency}.commitment.progressed.v1)`,
      tags: ['desk'],
      roles: options.roles,
      params: commitmentParams,
      body: progressBodySchema,
      response: commitmentViewSchema,
      handler: async ({ params, body, cause }) => {
        const updated = await reportProgress(deps, options, params.id, body, cause);
        return toView(updated, deps.clock.now());
      },
    }),
    defineRoute({
      method: 'get',
      path: '/desk/priorities',
      summary: 'Each neighbourhood’s latest published priorities (what commitments answer)',
      tags: ['desk'],
      roles: readersOf(options),
      response: z.array(prioritiesViewSchema),
      handler: async () =>
        // One list per neighbourhood (a province has a few hundred): read whole, bounded.
        (await readAll(deps.models.priorities.find().sort({ _id: 1 }).lean(), caps.reference)).map((p) => ({
          neighbourhoodId: p._id,
          neighbourhoodName: p.neighbourhoodName,
          period: p.period,
          version: p.listVersion,
          priorities: p.priorities,
        })),
    }),
  ];
}
