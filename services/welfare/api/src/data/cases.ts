import { eligibilityFlags } from '@hamgam/contracts';
import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import {
  caseStates,
  closureReasons,
  type CaseClosure,
  type CaseFlag,
  type CaseGoal,
  type CaseTask,
  type CaseVisit,
  type WelfareCase,
} from '../domain/cases.js';

/** Who did what to a case, when (welfare keeps its own record of who changed a sensitive case). */
export interface CaseHistoryEntry {
  at: Date;
  by: string;
  action: string;
  detail: string | null;
}

/**
 * A household's social-work case: everything about it lives in this one document (assessment, plan,
 * visits, flags, history), so each change and the event it publishes are one single-document write.
 */
export interface StoredCase extends WelfareCase {
  _id: string;
  /** What people read and search by (`WF-K7QM-3XWA`, from the id); absent only until the start-up fills it in. */
  fileNumber?: string;
  householdRef: string;
  /** The person the case is mainly about, when known (opaque, as the clinic issued it). */
  residentRef: string | null;
  neighbourhoodId: string;
  clinicId: string | null;
  /** The desk referral the case was opened from (null when opened directly). */
  referralId: string | null;
  /**
   * Whether a clinic's referral to welfare had named the household (and resident) when the case was opened;
   * false: opened directly for refs no clinic gave welfare (mistyped or made up), shown as unverified.
   * Absent on cases stored before the check: verified only if opened from a referral.
   */
  refsVerified?: boolean;
  /** The case worker whose caseload it is: the realm username (unique and not editable in the realm). */
  worker: string;
  openedAt: Date;
  openedBy: string;
  reopenReason: string | null;
  /** Bumped by every change; each write compares it (a change made meanwhile is a 409, never lost). */
  revision: number;
  history: CaseHistoryEntry[];
  outbox: OutboxEntry[];
}

const task = new Schema<CaseTask>(
  { taskId: String, text: String, dueOn: String, done: Boolean, doneAt: { type: Date, default: null } },
  { _id: false },
);
const goal = new Schema<CaseGoal>({ goalId: String, text: String, met: Boolean, tasks: { type: [task], default: [] } }, { _id: false });
const visit = new Schema<CaseVisit>(
  { visitId: String, visitedOn: String, notes: String, nextVisitOn: { type: String, default: null }, recordedBy: String, recordedAt: Date },
  { _id: false },
);
const flag = new Schema<CaseFlag>(
  {
    flagId: String,
    flag: { type: String, enum: eligibilityFlags },
    validUntil: String,
    confirmedAt: Date,
    confirmedBy: String,
    revokedAt: { type: Date, default: null },
    revokedBy: { type: String, default: null },
  },
  { _id: false },
);

/** The collection's name: the key of the case leases too. */
export const casesCollection = 'welfare_cases';

export const caseSchema = addOutbox(
  new Schema<StoredCase>(
    {
      _id: String,
      fileNumber: String,
      householdRef: { type: String, required: true },
      residentRef: { type: String, default: null },
      neighbourhoodId: { type: String, required: true },
      clinicId: { type: String, default: null },
      referralId: { type: String, default: null },
      refsVerified: Boolean,
      worker: { type: String, required: true },
      state: { type: String, enum: caseStates, required: true },
      closedFrom: { type: String, default: null },
      closure: {
        type: new Schema<CaseClosure>({ reason: { type: String, enum: closureReasons }, at: Date, by: String }, { _id: false }),
        default: null,
      },
      reopenReason: { type: String, default: null },
      // The answers and the scores are stored as given (structured, validated at the edge).
      assessment: { type: Schema.Types.Mixed, default: null },
      goals: { type: [goal], default: [] },
      visits: { type: [visit], default: [] },
      flags: { type: [flag], default: [] },
      openedAt: Date,
      openedBy: String,
      revision: { type: Number, required: true },
      history: {
        type: [
          new Schema<CaseHistoryEntry>({ at: Date, by: String, action: String, detail: { type: String, default: null } }, { _id: false }),
        ],
        default: [],
      },
    },
    { versionKey: false, minimize: false, collection: casesCollection },
  ),
);
// A case worker's caseload; a household's cases (one open at a time).
caseSchema.index({ worker: 1 });
caseSchema.index({ householdRef: 1 });
// A case found by its file number (or its beginning), and the caseload in its order.
caseSchema.index({ fileNumber: 1 });
caseSchema.index({ worker: 1, openedAt: -1, _id: -1 });
