import { dayOf } from '@hamgam/contracts/days';
import type { CommitmentStatus } from '@hamgam/contracts';
import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { IllegalTransitionError, isPast } from './transitions.js';

export type ProgressStatus = Exclude<CommitmentStatus, 'planned'>;

export interface Commitment {
  status: CommitmentStatus;
  dueOn: string;
  /** A slipped commitment's new due day, if the agency gave one. */
  revisedDueOn: string | null;
  evidence: string | null;
}

export interface ProgressReport {
  status: ProgressStatus;
  evidence: string | null;
  revisedDueOn: string | null;
  at: Date;
}

/**
 * planned → in-progress → delivered | slipped; slipped → in-progress → delivered. Delivered is final,
 * and a commitment is reported delivered only with its evidence.
 */
const allowed: Record<CommitmentStatus, readonly ProgressStatus[]> = {
  planned: ['in-progress'],
  'in-progress': ['delivered', 'slipped'],
  slipped: ['in-progress'],
  delivered: [],
};

export const canProgress = (from: CommitmentStatus, to: ProgressStatus) => allowed[from].includes(to);

/** What a refused report is called, by the status that blocks it. */
const blockedBy: Record<CommitmentStatus, string> = {
  planned: 'commitment-not-started',
  'in-progress': 'commitment-already-in-progress',
  slipped: 'commitment-slipped',
  delivered: 'commitment-already-delivered',
};

export class MissingEvidenceError extends BrokenRuleError {
  constructor() {
    super(
      'evidence-missing',
      'a delivered commitment needs its evidence (a report number, a list of certificates, a photo reference)',
      'evidence',
    );
  }
}

/** A new commitment is due today or later (Iran's day). */
export function checkDueOn(dueOn: string, now: Date): void {
  if (dueOn < dayOf(now)) throw new BrokenRuleError('due-on-in-past', 'dueOn cannot be in the past', 'dueOn');
}

/** The commitment after a progress report; throws IllegalTransitionError (409) or a BrokenRuleError (422). */
export function progressCommitment(commitment: Commitment, report: ProgressReport): Commitment {
  if (!canProgress(commitment.status, report.status))
    throw new IllegalTransitionError('commitment', commitment.status, report.status, blockedBy[commitment.status]);
  if (report.status === 'delivered' && !report.evidence) throw new MissingEvidenceError();
  if (report.revisedDueOn !== null && report.status !== 'slipped') {
    throw new BrokenRuleError('revised-due-on-not-slipped', 'only a slipped commitment gets a revised due day', 'revisedDueOn');
  }
  if (report.revisedDueOn !== null && report.revisedDueOn < dayOf(report.at))
    throw new BrokenRuleError('revised-due-on-in-past', 'revisedDueOn cannot be in the past', 'revisedDueOn');
  return {
    status: report.status,
    dueOn: commitment.dueOn,
    revisedDueOn: report.status === 'slipped' ? (report.revisedDueOn ?? commitment.revisedDueOn) : commitment.revisedDueOn,
    evidence: report.evidence ?? commitment.evidence,
  };
}

/** The day it is due now: the revised one if the agency moved it. */
export const effectiveDueOn = (commitment: Pick<Commitment, 'dueOn' | 'revisedDueOn'>) => commitment.revisedDueOn ?? commitment.dueOn;

/** Overdue: not delivered and its (revised) due day has passed by the service clock. */
export function isCommitmentOverdue(commitment: Pick<Commitment, 'status' | 'dueOn' | 'revisedDueOn'>, now: Date): boolean {
  return commitment.status !== 'delivered' && isPast(effectiveDueOn(commitment), now);
}
