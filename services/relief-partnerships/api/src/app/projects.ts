import { randomUUID } from 'node:crypto';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { reliefCollections } from '../data/models.js';
import type { StoredProject } from '../data/projects.js';
import type { Milestone } from '../domain/projects.js';
import type { ReliefDeps } from '../deps.js';

/** A new project: what Basij says of it, its permit (whose space it prepares, one project per permit) and its first milestones. */
export type NewProject = Pick<StoredProject, 'title' | 'scope' | 'neighbourhoodId' | 'permitId' | 'volunteers'> & {
  milestones: Pick<Milestone, 'title' | 'dueOn'>[];
};

/** Starts a Basij project; for a permit, one TVTO issued for the project's neighbourhood that no other project prepares. */
export async function startProject(deps: ReliefDeps, body: NewProject, by: string): Promise<StoredProject> {
  const { projects, permits } = deps.models;
  if (body.permitId) {
    const permit = await permits.findById(body.permitId, { neighbourhoodId: 1 }).lean();
    if (!permit) throw new BrokenRuleError('permit-unknown', `no workshop permit ${body.permitId} heard from TVTO`, 'permitId');
    if (permit.neighbourhoodId !== body.neighbourhoodId)
      throw new BrokenRuleError('permit-in-another-neighbourhood', 'the permit is for another neighbourhood', 'neighbourhoodId');
    if (await projects.exists({ permitId: body.permitId }))
      throw new IllegalStepError('permit-has-project', `permit ${body.permitId} already has a project`);
  }
  const now = deps.clock.now();
  const project: StoredProject = {
    _id: randomUUID(),
    title: body.title,
    scope: body.scope,
    neighbourhoodId: body.neighbourhoodId,
    permitId: body.permitId,
    volunteers: body.volunteers,
    milestones: body.milestones.map((m) => ({ milestoneId: randomUUID(), title: m.title, dueOn: m.dueOn, doneOn: null })),
    status: 'planned',
    evidence: null,
    completedOn: null,
    createdAt: now,
    createdBy: by,
    updatedAt: now,
  };
  await projects.create(project);
  return project;
}

/** One change of a project, decided by `plan` (the domain's rules), under its lease, compare-and-set on its last update. */
export function changeProject(
  deps: ReliefDeps,
  projectId: string,
  plan: (project: StoredProject) => Partial<StoredProject>,
): Promise<StoredProject> {
  const { projects } = deps.models;
  return deps.locks.run(reliefCollections.projects, projectId, async () => {
    const stored = await projects.findById(projectId).lean();
    if (!stored) throw new NotFoundError('project-not-found', `no project ${projectId}`);
    const set = { ...plan(stored), updatedAt: deps.clock.now() };
    const result = await projects.updateOne({ _id: projectId, updatedAt: stored.updatedAt }, { $set: set });
    if (result.matchedCount !== 1)
      throw new IllegalStepError('project-changed-meanwhile', `project ${projectId} changed meanwhile; reload it`);
    return { ...stored, ...set };
  });
}
