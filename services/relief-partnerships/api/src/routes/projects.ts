import { randomUUID } from 'node:crypto';
import { caps, defineRoute, inList, notFound, pageOf, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { changeProject, startProject } from '../app/projects.js';
import type { StoredProject } from '../data/projects.js';
import { dayOf } from '../domain/days.js';
import { addMilestone, checkOpen, completeMilestone, completeProject, isMilestoneOverdue } from '../domain/projects.js';
import { basijLiaisons, reliefReaders, type ReliefDeps } from '../deps.js';
import {
  completeProjectSchema,
  milestoneDoneSchema,
  milestoneParams,
  newMilestoneSchema,
  newProjectSchema,
  permitQuerySchema,
  projectQuerySchema,
  permitViewSchema,
  projectParams,
  projectViewSchema,
  volunteersBodySchema,
} from './schemas.js';

export function projectRoutes(deps: ReliefDeps) {
  const { projects, permits } = deps.models;
  const today = () => dayOf(deps.clock.now());
  /** The permit numbers of these projects' permits. */
  const permitNumbers = async (rows: readonly { permitId?: string | null }[]) => {
    const ids = [...new Set(rows.flatMap((p) => (p.permitId ? [p.permitId] : [])))];
    return new Map((await readAll(permits.find({ _id: inList(ids) }, { permitNo: 1 }).lean(), ids.length)).map((p) => [p._id, p.permitNo]));
  };

  const toView = (p: StoredProject, numbers: Map<string, string>, day: string): z.input<typeof projectViewSchema> => {
    const milestones = p.milestones.map((m) => ({
      milestoneId: m.milestoneId,
      title: m.title,
      dueOn: m.dueOn,
      doneOn: m.doneOn ?? null,
      overdue: isMilestoneOverdue(m, day),
    }));
    return {
      projectId: p._id,
      title: p.title,
      scope: p.scope,
      neighbourhoodId: p.neighbourhoodId,
      permitId: p.permitId,
      permitNo: p.permitId ? (numbers.get(p.permitId) ?? null) : null,
      volunteers: p.volunteers,
      milestones,
      overdueMilestones: milestones.filter((m) => m.overdue).length,
      status: p.status,
      evidence: p.evidence,
      completedOn: p.completedOn,
      createdAt: p.createdAt,
    };
  };

  /** One change of a project (its rules in `plan`), answered as the project now stands. */
  async function update(projectId: string, plan: (p: StoredProject) => Partial<StoredProject>) {
    const saved = await changeProject(deps, projectId, plan);
    return toView(saved, await permitNumbers([saved]), today());
  }

  return [
    defineRoute({
      method: 'get',
      path: '/projects',
      summary:
        'Basij Construction projects with their milestones, newest (or oldest) first, filtered by status and neighbourhood; overdue ones counted by the clock; paged',
      tags: ['basij'],
      roles: reliefReaders,
      query: projectQuerySchema,
      response: z.array(projectViewSchema),
      handler: async ({ query, req }, res) => {
        const filter = {
          ...(query.status ? { status: query.status } : {}),
          ...(query.neighbourhoodId ? { neighbourhoodId: query.neighbourhoodId } : {}),
        };
        const rows = await pageOf(projects.find(filter).lean(), { query, req }, res, {
          by: 'createdAt',
          order: query.order === 'asc' ? 1 : -1,
        });
        const numbers = await permitNumbers(rows);
        const day = today();
        return rows.map((p) => toView(p, numbers, day));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/projects/:projectId',
      summary: 'One Basij project',
      tags: ['basij'],
      roles: reliefReaders,
      params: projectParams,
      response: projectViewSchema,
      handler: async ({ params }) => {
        const p = await projects.findById(params.projectId).lean();
        if (!p) throw notFound(`no project ${params.projectId}`);
        return toView(p, await permitNumbers([p]), today());
      },
    }),
    defineRoute({
      method: 'post',
      path: '/projects',
      summary:
        'Start a Basij project (e.g. preparing a permitted workshop’s space), with volunteers and milestones; a permit TVTO did not issue, or issued for another neighbourhood, is 422',
      tags: ['basij'],
      roles: basijLiaisons,
      body: newProjectSchema,
      response: projectViewSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        const project = await startProject(deps, body, principal.subject);
        return toView(project, await permitNumbers([project]), today());
      },
    }),
    defineRoute({
      method: 'put',
      path: '/projects/:projectId/volunteers',
      summary: 'Update the volunteers (count and skills)',
      tags: ['basij'],
      roles: basijLiaisons,
      params: projectParams,
      body: volunteersBodySchema,
      response: projectViewSchema,
      handler: ({ params, body }) =>
        update(params.projectId, (p) => {
          checkOpen(p);
          return { volunteers: body };
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:projectId/milestones',
      summary: 'Add a milestone with its due day',
      tags: ['basij'],
      roles: basijLiaisons,
      params: projectParams,
      body: newMilestoneSchema,
      response: projectViewSchema,
      status: 201,
      handler: ({ params, body }) =>
        update(params.projectId, (p) => ({
          milestones: addMilestone(p, { milestoneId: randomUUID(), title: body.title, dueOn: body.dueOn, doneOn: null }),
        })),
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:projectId/milestones/:milestoneId/done',
      summary: 'Mark a milestone done (the project is then in progress)',
      tags: ['basij'],
      roles: basijLiaisons,
      params: milestoneParams,
      body: milestoneDoneSchema,
      response: projectViewSchema,
      handler: ({ params, body }) => update(params.projectId, (p) => completeMilestone(p, params.milestoneId, body.doneOn, today())),
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:projectId/complete',
      summary: 'Complete a project whose milestones are all done, with its completion evidence',
      tags: ['basij'],
      roles: basijLiaisons,
      params: projectParams,
      body: completeProjectSchema,
      response: projectViewSchema,
      handler: ({ params, body }) =>
        update(params.projectId, (p) => ({ status: completeProject(p, body.evidence), evidence: body.evidence, completedOn: today() })),
    }),
    defineRoute({
      method: 'get',
      path: '/permits',
      summary:
        'Workshop permits TVTO issued, newest first, filtered by neighbourhood and trade, with the project preparing each (null: awaiting preparation); paged',
      tags: ['basij'],
      roles: reliefReaders,
      query: permitQuerySchema,
      response: z.array(permitViewSchema),
      handler: async ({ query, req }, res) => {
        const filter = {
          ...(query.neighbourhoodId ? { neighbourhoodId: query.neighbourhoodId } : {}),
          ...(query.trade ? { trade: query.trade } : {}),
        };
        const rows = await pageOf(permits.find(filter).lean(), { query, req }, res, { by: 'issuedAt', order: -1 });
        const linked = await readAll(
          projects.find({ permitId: inList(rows.map((p) => p._id)) }, { permitId: 1 }).lean(),
          caps.pageOfHouseholds,
        );
        const byPermit = new Map(linked.filter((p) => p.permitId).map((p) => [p.permitId!, p._id]));
        return rows.map((p) => ({
          permitId: p._id,
          permitNo: p.permitNo,
          trade: p.trade,
          neighbourhoodId: p.neighbourhoodId,
          validUntil: p.validUntil,
          issuedAt: p.issuedAt,
          projectId: byPermit.get(p._id) ?? null,
        }));
      },
    }),
  ];
}
