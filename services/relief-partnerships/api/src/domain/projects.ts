import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { isPastDay } from './days.js';

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

/** A completed project is closed: its volunteers, milestones and evidence change no more (409). */
export function checkOpen(project: Pick<ProjectState, 'status'>): void {
  if (project.status === 'completed') throw new IllegalStepError('project-completed', 'a completed project is closed');
}

export function addMilestone(project: ProjectState, milestone: Milestone): Milestone[] {
  checkOpen(project);
  if (project.milestones.some((m) => m.milestoneId === milestone.milestoneId))
    throw new IllegalStepError('milestone-exists', `milestone ${milestone.milestoneId} is in the project already`);
  return [...project.milestones, milestone];
}

/** Marks a milestone done on a day, which is not ahead of `today`; the project is then in progress. */
export function completeMilestone(
  project: ProjectState,
  milestoneId: string,
  doneOn: string,
  today: string,
): { status: ProjectStatus; milestones: Milestone[] } {
  if (doneOn > today)
    throw new BrokenRuleError('milestone-done-in-future', 'a milestone is marked done once it is, not ahead of the day', 'doneOn');
  const milestone = project.milestones.find((m) => m.milestoneId === milestoneId);
  if (!milestone) throw new NotFoundError('milestone-not-found', `no milestone ${milestoneId}`);
  checkOpen(project);
  if (milestone.doneOn !== null) throw new IllegalStepError('milestone-done', `milestone ${milestoneId} is done already`);
  return { status: 'in-progress', milestones: project.milestones.map((m) => (m.milestoneId === milestoneId ? { ...m, doneOn } : m)) };
}

export function completeProject(project: ProjectState, evidence: string): ProjectStatus {
  checkOpen(project);
  if (project.milestones.length === 0 || project.milestones.some((m) => m.doneOn === null)) {
    throw new IllegalStepError('milestones-open', 'a project is completed once every milestone is done');
  }
  if (evidence.trim().length === 0) throw new BrokenRuleError('evidence-missing', 'completion needs evidence', 'evidence');
  return 'completed';
}
