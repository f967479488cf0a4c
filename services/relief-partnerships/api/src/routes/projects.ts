import { randomUUID } from 'node:crypto';
import { badRequest, caps, conflict, defineRoute, inList, notFound, pageOf, pageQuerySchema, readAll, type Role } from '@hamgam/service-kit';
import { z } from 'zod';
import { attempt, type ReliefDeps } from '../deps.js';
import { reliefCollections } from '../data/models.js';
import type { StoredProject } from '../data/projects.js';
import { dayOf, isFutureDay } from '../domain/days.js';
import { addMilestone, completeMilestone, completeProject, isMilestoneOverdue } from '../domain/projects.js';
import {
  completeProjectSchema,
  milestoneDoneSchema,
  milestoneParams,
  newMilestoneSchema,
  newProjectSchema,
  permitViewSchema,
  projectParams,
  projectViewSchema,
  volunteersBodySchema,
} from './schemas.js';
import { reliefReaders } from './support.js';

/** Basij Construction's liaison runs the projects; relief officers, coordinators and auditors read. */
const basij: readonly Role[] = ['basij-liaison'];

export function projectRoutes(deps: ReliefDeps) {
  const { projects, permits } = deps.models;
  const today = () => dayOf(deps.clock.now());
  /** The permit numbers of these projects' permits. */
  const permitNumbers = async (rows: readonly { permitId?: string | null }[]) => {
    const ids = [...new Set(rows.flatMap((p) => (p.permitId ? [p.permitId] : [])))];
    return new Map((await readAll(permits.find({ _id: inList(ids) }, { permitNo: 1 }).lean(), ids.length)).map((p) => [p._id, p.permitNo]));
  };

  const toView = (p: StoredProject, numbers: Map<string, string>, day: string): z.input<typeof projectViewSchema> => {
    const milestones = p.milestones.map((m) => ({ milestoneId: m.milestoneId, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn ?? null, overdue: isMilestoneOverdue(m, day) }));
    return {
      projectId: p._id, title: p.title, scope: p.scope, neighbourhoodId: p.neighbourhoodId, permitId: p.permitId, permitNo: p.permitId ? (numbers.get(p.permitId) ?? null) : null,
      volunteers: p.volunteers, milestones, overdueMilestones: milestones.filter((m) => m.overdue).length, status: p.status, evidence: p.evidence, completedOn: p.completedOn, createdAt: p.createdAt,
    };
  };

  /** One change of a project, compare-and-set on its last update. */
  async function update(projectId: string, plan: (p: StoredProject) => Partial<StoredProject>) {
    const saved = await deps.locks.run(reliefCollections.projects, projectId, async () => {
      const stored = await projects.findById(projectId).lean();
      if (!stored) throw notFound(`no project ${projectId}`);
      const set = { ...attempt(() => plan(stored)), updatedAt: deps.clock.now() };
      const result = await projects.updateOne({ _id: projectId, updatedAt: stored.updatedAt }, { $set: set });
      if (result.matchedCount !== 1) throw conflict(`project ${projectId} changed meanwhile; reload it`);
      return { ...stored, ...set };
    });
    return toView(saved, await permitNumbers([saved]), today());
  }

  const notAhead = (day: string) => {
    if (isFutureDay(day, deps.clock.now())) throw badRequest('a milestone is marked done once it is, not ahead of the day');
  };

  return [
    defineRoute({
      method: 'get',
      path: '/projects',
      summary: 'Basij Construction projects with their milestones, newest first; overdue ones counted by the clock; paged',
      tags: ['basij'],
      roles: reliefReaders,
      query: pageQuerySchema,
      response: z.array(projectViewSchema),
      handler: async ({ query, req }, res) => {
        const rows = await pageOf(projects.find({}).lean(), { query, req }, res, { by: 'createdAt', order: -1 });
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
      summary: 'Start a Basij project (e.g. preparing a permitted workshop’s space), with volunteers and milestones',
      tags: ['basij'],
      roles: basij,
      body: newProjectSchema,
      response: projectViewSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        if (body.permitId) {
          const permit = await permits.findById(body.permitId, { neighbourhoodId: 1 }).lean();
          if (!permit) throw badRequest(`no workshop permit ${body.permitId} heard from TVTO`);
          if (permit.neighbourhoodId !== body.neighbourhoodId) throw badRequest('the permit is for another neighbourhood');
          if (await projects.exists({ permitId: body.permitId })) throw conflict(`permit ${body.permitId} already has a project`);
        }
        const now = deps.clock.now();
        const project: StoredProject = {
          _id: randomUUID(), title: body.title, scope: body.scope, neighbourhoodId: body.neighbourhoodId, permitId: body.permitId ?? null, volunteers: body.volunteers,
          milestones: body.milestones.map((m) => ({ milestoneId: randomUUID(), title: m.title, dueOn: m.dueOn, doneOn: null })),
          status: 'planned', evidence: null, completedOn: null, createdAt: now, createdBy: principal.subject, updatedAt: now,
        };
        await projects.create(project);
        return toView(project, await permitNumbers([project]), today());
      },
    }),
    defineRoute({
      method: 'put',
      path: '/projects/:projectId/volunteers',
      summary: 'Update the volunteers (count and skills)',
      tags: ['basij'],
      roles: basij,
      params: projectParams,
      body: volunteersBodySchema,
      response: projectViewSchema,
      handler: ({ params, body }) =>
        update(params.projectId, (p) => {
          if (p.status === 'completed') throw conflict('a completed project is closed');
          return { volunteers: body };
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:projectId/milestones',
      summary: 'Add a milestone with its due day',
      tags: ['basij'],
      roles: basij,
      params: projectParams,
      body: newMilestoneSchema,
      response: projectViewSchema,
      status: 201,
      handler: ({ params, body }) => update(params.projectId, (p) => ({ milestones: addMilestone(p, { milestoneId: randomUUID(), title: body.title, dueOn: body.dueOn, doneOn: null }) })),
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:projectId/milestones/:milestoneId/done',
      summary: 'Mark a milestone done (the project is then in progress)',
      tags: ['basij'],
      roles: basij,
      params: milestoneParams,
      body: milestoneDoneSchema,
      response: projectViewSchema,
      handler: ({ params, body }) => {
        notAhead(body.doneOn);
        return update(params.projectId, (p) => {
          if (!p.milestones.some((m) => m.milestoneId === params.milestoneId)) throw notFound(`no milestone ${params.milestoneId}`);
          return completeMilestone(p, params.milestoneId, body.doneOn);
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:projectId/complete',
      summary: 'Complete a project whose milestones are all done, with its completion evidence',
      tags: ['basij'],
      roles: basij,
      params: projectParams,
      body: completeProjectSchema,
      response: projectViewSchema,
      handler: ({ params, body }) => update(params.projectId, (p) => ({ status: completeProject(p, body.evidence), evidence: body.evidence, completedOn: today() })),
    }),
    defineRoute({
      method: 'get',
      path: '/permits',
      summary: 'Workshop permits TVTO issued, newest first, with the project preparing each (null: awaiting preparation); paged',
      tags: ['basij'],
      roles: reliefReaders,
      query: pageQuerySchema,
      response: z.array(permitViewSchema),
      handler: async ({ query, req }, res) => {
        const rows = await pageOf(permits.find({}).lean(), { query, req }, res, { by: 'issuedAt', order: -1 });
        const linked = await readAll(projects.find({ permitId: inList(rows.map((p) => p._id)) }, { permitId: 1 }).lean(), caps.pageOfHouseholds);
        const byPermit = new Map(linked.filter((p) => p.permitId).map((p) => [p.permitId!, p._id]));
        return rows.map((p) => ({ permitId: p._id, permitNo: p.permitNo, trade: p.trade, neighbourhoodId: p.neighbourhoodId, validUntil: p.validUntil, issuedAt: p.issuedAt, projectId: byPermit.get(p._id) ?? null }));
      },
    }),
  ];
}
