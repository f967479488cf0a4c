import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import type { EligibilityReason, MeansTest } from '../domain/eligibility.js';
import type { LoanTerms, Schedule } from '../domain/schedule.js';
import type { SupportKind, SupportState } from '../domain/support.js';
import { plain } from './parts.js';

export const requestsCollection = 'relief_support_requests';

export interface Assessment {
  eligible: boolean;
  reasons: EligibilityReason[];
  validFlags: string[];
  at: Date;
}

export interface Decision {
  decision: 'approved' | 'rejected';
  amountRials: number;
  reason: string | null;
  terms: Omit<LoanTerms, 'amountRials'> | null;
  decidedAt: Date;
  decidedBy: string;
}

export interface Disbursement {
  amountRials: number;
  disbursedAt: Date;
  disbursedOn: string;
  /** The benefit.granted event's benefitId (the duplicate-benefit check's id for it). */
  benefitId: string;
  disbursedBy: string;
}

export interface Repayment {
  repaymentId: string;
  amountRials: number;
  paidOn: string;
  recordedAt: Date;
  recordedBy: string;
}

export interface FollowUp {
  followUpId: string;
  visitedOn: string;
  operating: boolean;
  note: string;
  recordedAt: Date;
  recordedBy: string;
}

export interface StoredSupportRequest {
  _id: string;
  /** What people read and search by (`RL-K7QM-3XWA`, from the id); absent only until the start-up fills it in. */
  requestNumber?: string;
  /** The desk referral it answers, or null for a direct request. */
  referralId: string | null;
  residentRef: string;
  householdRef: string;
  /**
   * Whether a clinic's referral to relief had named the resident and household when the request was made;
   * false: a direct request for refs no clinic gave relief (mistyped or made up), shown as unverified and
   * neither approved nor disbursed until a clinic's referral naming them reaches relief (read then, not stored).
   * Absent on requests stored before the check: verified only if made from a referral.
   */
  refsVerified?: boolean;
  neighbourhoodId: string | null;
  kind: SupportKind;
  /** The need it answers (the benefit's purpose in the duplicate-benefit check). */
  purpose: string;
  requestedRials: number;
  businessPlan: string;
  meansTest: MeansTest;
  state: SupportState;
  assessment: Assessment;
  decision: Decision | null;
  disbursement: Disbursement | null;
  schedule: Schedule | null;
  repayments: Repayment[];
  followUps: FollowUp[];
  submittedAt: Date;
  submittedBy: string;
  outbox: OutboxEntry[];
}

const repayment = new Schema<Repayment>(
  { repaymentId: String, amountRials: Number, paidOn: String, recordedAt: Date, recordedBy: String },
  { _id: false },
);
const followUp = new Schema<FollowUp>(
  { followUpId: String, visitedOn: String, operating: Boolean, note: String, recordedAt: Date, recordedBy: String },
  { _id: false },
);

export const requestSchema = addOutbox(
  new Schema<StoredSupportRequest>(
    {
      _id: String,
      requestNumber: String,
      referralId: { type: String, default: null },
      refsVerified: Boolean,
      residentRef: String,
      householdRef: String,
      neighbourhoodId: { type: String, default: null },
      kind: String,
      purpose: String,
      requestedRials: Number,
      businessPlan: String,
      meansTest: String,
      state: String,
      // Written whole by the use cases (app/support.ts) from the domain's values.
      assessment: Schema.Types.Mixed,
      decision: { type: Schema.Types.Mixed, default: null },
      disbursement: { type: Schema.Types.Mixed, default: null },
      schedule: { type: Schema.Types.Mixed, default: null },
      repayments: { type: [repayment], default: [] },
      followUps: { type: [followUp], default: [] },
      submittedAt: Date,
      submittedBy: String,
    },
    { ...plain, collection: requestsCollection },
  ),
);
// A fact's arrival reassesses the requests of its resident or household.
requestSchema.index({ residentRef: 1 });
requestSchema.index({ householdRef: 1 });
// The officers' work counts (routes/work.ts): requests by state.
requestSchema.index({ state: 1 });
// The list in its order, and a request found by its number (or its beginning).
requestSchema.index({ submittedAt: -1, _id: -1 });
requestSchema.index({ requestNumber: 1 });
