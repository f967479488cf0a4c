import { dayOf, isPastDay } from '@hamgam/contracts/days';
import type { CommitmentStatus, NeedCategory, PartnerAgency } from '@hamgam/contracts';
import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';

/** Where a commitment came from: a working-group resolution's action item, or an agency's own declaration. */
export type CommitmentSource = 'working-group' | 'agency';

export interface CommitmentChange {
  status: CommitmentStatus;
  at: Date;
  /** Who reported it: the agency (by event) or a coordinator (as the working group heard it). */
  reportedBy: 'agency' | 'coordinator';
  evidence: string | null;
  revisedDueOn: string | null;
}

/** An agency action planned against a neighbourhood priority, as coordination tracks it. */
export interface Commitment {
  id: string;
  source: CommitmentSource;
  agency: PartnerAgency;
  neighbourhoodId: string;
  /** The priority it answers; null when it answers none. */
  answers: NeedCategory | null;
  title: string;
  /** The due day first agreed (YYYY-MM-DD): on-time delivery is measured against it. */
  dueOn: string;
  /** A new due day given when it slipped. */
  revisedDueOn: string | null;
  status: CommitmentStatus;
  evidence: string | null;
  plannedAt: Date;
  /** The day it was delivered (YYYY-MM-DD, Tehran time), once delivered. */
  deliveredOn: string | null;
  /** The time of the latest applied report, so an older report arriving late changes nothing. */
  lastReportAt: Date | null;
  meetingId: string | null;
  resolutionId: string | null;
  history: CommitmentChange[];
}

/**
 * Which reports may follow which status. A delivered commitment is final; a slipped one may be taken
 * up again (in progress) or still be delivered, late.
 */
const transitions: Record<CommitmentStatus, readonly CommitmentStatus[]> = {
  planned: ['in-progress', 'delivered', 'slipped'],
  'in-progress': ['delivered', 'slipped'],
  slipped: ['in-progress', 'delivered'],
  delivered: [],
};

export const canMove = (from: CommitmentStatus, to: CommitmentStatus) => transitions[from].includes(to);

export const allowedNext = (from: CommitmentStatus): readonly CommitmentStatus[] => transitions[from];

export type ReportOutcome =
  { applied: true; commitment: Commitment } | { applied: false; reason: 'stale' | 'illegal-transition' | 'unchanged' };

export interface StatusReport {
  status: Exclude<CommitmentStatus, 'planned'>;
  at: Date;
  evidence: string | null;
  revisedDueOn: string | null;
  reportedBy: CommitmentChange['reportedBy'];
}

/**
 * Applies one status report. Reports can arrive late, twice or out of order (retries, replays): one
 * older than the last applied report, or one the state machine does not allow, changes nothing.
 */
export function applyReport(commitment: Commitment, report: StatusReport): ReportOutcome {
  if (commitment.lastReportAt && report.at.getTime() <= commitment.lastReportAt.getTime()) return { applied: false, reason: 'stale' };
  if (report.status === commitment.status) return { applied: false, reason: 'unchanged' };
  if (!canMove(commitment.status, report.status)) return { applied: false, reason: 'illegal-transition' };
  const change: CommitmentChange = { ...report };
  return {
    applied: true,
    commitment: {
      ...commitment,
      status: report.status,
      evidence: report.evidence ?? commitment.evidence,
      revisedDueOn: report.status === 'slipped' ? (report.revisedDueOn ?? commitment.revisedDueOn) : commitment.revisedDueOn,
      deliveredOn: report.status === 'delivered' ? dayOf(report.at) : commitment.deliveredOn,
      lastReportAt: report.at,
      history: [...commitment.history, change],
    },
  };
}

/** A status a coordinator records: a new due day only with a slip, and not before today (Iran's day). */
export function checkCoordinatorReport(report: Pick<StatusReport, 'status' | 'revisedDueOn'>, today: string): void {
  if (report.revisedDueOn === null) return;
  if (report.status !== 'slipped')
    throw new BrokenRuleError('revised-due-on-not-slipped', 'a revised due date goes with status slipped', 'revisedDueOn');
  if (isPastDay(report.revisedDueOn, today))
    throw new BrokenRuleError('revised-due-on-in-past', 'the revised due date is before today', 'revisedDueOn');
}

/** Why a coordinator's report changes nothing (events are tolerant of it; a coordinator is told). */
const refusals: Record<Extract<ReportOutcome, { applied: false }>['reason'], string> = {
  stale: 'report-outdated',
  unchanged: 'commitment-status-unchanged',
  // Delivered is the only status no report may leave.
  'illegal-transition': 'commitment-already-delivered',
};

/** A report a coordinator records must change the commitment: the commitment after it, or a 409. */
export function coordinatorReport(commitment: Commitment, report: StatusReport): Commitment {
  const outcome = applyReport(commitment, report);
  if (!outcome.applied) throw new IllegalStepError(refusals[outcome.reason], `cannot record this status: ${outcome.reason}`);
  return outcome.commitment;
}

/** The day the commitment is now expected: the revised one after a slip, else the agreed one. */
export const effectiveDueOn = (c: Pick<Commitment, 'dueOn' | 'revisedDueOn'>) => c.revisedDueOn ?? c.dueOn;

/**
 * Overdue: not delivered, and the day it is expected (revised if it slipped with a new day) has passed
 * in Iran. The due day itself is not overdue.
 */
export function isOverdue(c: Pick<Commitment, 'status' | 'dueOn' | 'revisedDueOn'>, now: Date): boolean {
  return c.status !== 'delivered' && isPastDay(effectiveDueOn(c), dayOf(now));
}

/** Delivered on or before the day first agreed (a slip and a later delivery is late, whatever the new day). */
export const deliveredOnTime = (c: Pick<Commitment, 'status' | 'dueOn' | 'deliveredOn'>) =>
  c.status === 'delivered' && c.deliveredOn !== null && c.deliveredOn <= c.dueOn;
