import { IllegalTransitionError, isPastDay } from './days.js';

/**
 * A Basij Construction project (e.g. preparing a permitted workshop's space): planned → in-progress
 * (once a milestone is done) → completed (every milestone done, with completion evidence). Pure.
 */
export const projectStatuses = ['planned', 'in-progress', 'completed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export interface Milestone {
  milestoneId: string;
  title: string;
  dueOn: string;
  doneOn: string | null;
}

export interface ProjectState {
  status: ProjectStatus;
  milestones: readonly Milestone[];
}

export const isMilestoneOverdue = (m: Milestone, today: string) => m.doneOn === null && isPastDay(m.dueOn, today);

export const overdueMilestones = (project: ProjectState, today: string) => project.milestones.filter((m) => isMilestoneOverdue(m, today));

export function addMilestone(project: ProjectState, milestone: Milestone): Milestone[] {
  if (project.status === 'completed') throw new IllegalTransitionError('completed project', 'completed', 'given a milestone');
  if (project.milestones.some((m) => m.milestoneId === milestone.milestoneId)) throw new IllegalTransitionError('milestone', 'present', 'added again');
  return [...project.milestones, milestone];
}

/** Marks a milestone done on a day (not before the project could start: the caller checks the day is not in the future). */
export function completeMilestone(project: ProjectState, milestoneId: string, doneOn: string): { status: ProjectStatus; milestones: Milestone[] } {
  const milestone = project.milestones.find((m) => m.milestoneId === milestoneId);
  if (!milestone) throw new RangeError(`no milestone ${milestoneId}`);
  if (project.status === 'completed') throw new IllegalTransitionError('project', 'completed', 'changed');
  if (milestone.doneOn !== null) throw new IllegalTransitionError('milestone', 'done', 'done again');
  return { status: 'in-progress', milestones: project.milestones.map((m) => (m.milestoneId === milestoneId ? { ...m, doneOn } : m)) };
}

export function completeProject(project: ProjectState, evidence: string): ProjectStatus {
  if (project.status === 'completed') throw new IllegalTransitionError('project', 'completed', 'completed');
  if (project.milestones.length === 0 || project.milestones.some((m) => m.doneOn === null)) {
    throw new IllegalTransitionError('project with open milestones', project.status, 'completed');
  }
  if (evidence.trim().length === 0) throw new RangeError('completion needs evidence');
  return 'completed';
}
