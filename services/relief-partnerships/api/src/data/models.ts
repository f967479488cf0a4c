import { accessLogModel, addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema, type Connection } from 'mongoose';
import type { Partner, AgreementStatus } from '../domain/agreements.js';
import type { EligibilityReason, MeansTest } from '../domain/eligibility.js';
import type { Milestone, ProjectStatus } from '../domain/projects.js';
import type { LoanTerms, Schedule } from '../domain/schedule.js';
import type { SupportKind, SupportState } from '../domain/support.js';

/** The relief service's own collections, beside the desk's (`desk_*`). */
export const reliefCollections = {
  requests: 'relief_support_requests',
  facts: 'relief_facts',
  benefits: 'relief_benefits',
  permits: 'relief_permits',
  projects: 'relief_projects',
  agreements: 'relief_agreements',
  meetings: 'relief_meetings',
} as const;

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

/** A fact another agency published: a resident's certificate or a household's welfare flag (one document each). */
export interface StoredFact {
  /** `certificate:<enrolmentId>` or `flag:<flagId>`: a second copy of the event finds it there. */
  _id: string;
  kind: 'certificate' | 'flag';
  residentRef: string | null;
  householdRef: string | null;
  /** A certificate's neighbourhood, when TVTO knew it. */
  neighbourhoodId: string | null;
  trade: string | null;
  certificateNo: string | null;
  completedAt: Date | null;
  flagId: string | null;
  flag: string | null;
  validUntil: string | null;
  flaggedAt: Date | null;
  revokedAt: Date | null;
  receivedAt: Date;
  sourceEventId: string;
}

/** A benefit the institute-funding office granted (its event), for the duplicate-benefit check. */
export interface StoredBenefit {
  _id: string;
  source: 'institute-funding';
  householdRef: string;
  residentRef: string | null;
  purpose: string;
  amountRials: number;
  grantedAt: Date;
  sourceEventId: string;
}

/** A workshop permit TVTO issued: a workshop that may need its space prepared. */
export interface StoredPermit {
  _id: string;
  permitNo: string;
  trade: string;
  neighbourhoodId: string;
  validUntil: string;
  issuedAt: Date;
  sourceEventId: string;
}

export interface StoredProject {
  _id: string;
  title: string;
  scope: string;
  neighbourhoodId: string;
  permitId: string | null;
  volunteers: { count: number; skills: string[] };
  milestones: Milestone[];
  status: ProjectStatus;
  evidence: string | null;
  completedOn: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

export interface StoredAgreement {
  _id: string;
  partner: Partner;
  title: string;
  scope: string;
  startsOn: string;
  endsOn: string;
  signedOn: string | null;
  status: AgreementStatus;
  updatedAt: Date;
  updatedBy: string;
}

export interface StoredMeeting {
  _id: string;
  heldOn: string;
  title: string;
  attendees: string[];
  decisions: string;
  recordedAt: Date;
  recordedBy: string;
}

const plain = { versionKey: false as const, minimize: false };

export function reliefModels(connection: Connection) {
  const requestSchema = addOutbox(
    new Schema(
      {
        _id: String,
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
        assessment: Schema.Types.Mixed,
        decision: { type: Schema.Types.Mixed, default: null },
        disbursement: { type: Schema.Types.Mixed, default: null },
        schedule: { type: Schema.Types.Mixed, default: null },
        repayments: { type: [Schema.Types.Mixed], default: [] },
        followUps: { type: [Schema.Types.Mixed], default: [] },
        submittedAt: Date,
        submittedBy: String,
      },
      { ...plain, collection: reliefCollections.requests },
    ),
  );
  const factSchema = new Schema(
    {
      _id: String,
      kind: String,
      residentRef: { type: String, default: null },
      householdRef: { type: String, default: null },
      neighbourhoodId: { type: String, default: null },
      trade: { type: String, default: null },
      certificateNo: { type: String, default: null },
      completedAt: { type: Date, default: null },
      flagId: { type: String, default: null },
      flag: { type: String, default: null },
      validUntil: { type: String, default: null },
      flaggedAt: { type: Date, default: null },
      revokedAt: { type: Date, default: null },
      receivedAt: Date,
      sourceEventId: String,
    },
    { ...plain, collection: reliefCollections.facts },
  );
  // A fact's arrival reassesses the requests of its resident or household; the request page reads their facts.
  requestSchema.index({ residentRef: 1 });
  requestSchema.index({ householdRef: 1 });
  factSchema.index({ kind: 1, residentRef: 1 });
  factSchema.index({ kind: 1, householdRef: 1 });
  const benefitSchema = new Schema(
    { _id: String, source: String, householdRef: String, residentRef: { type: String, default: null }, purpose: String, amountRials: Number, grantedAt: Date, sourceEventId: String },
    { ...plain, collection: reliefCollections.benefits },
  );
  const permitSchema = new Schema(
    { _id: String, permitNo: String, trade: String, neighbourhoodId: String, validUntil: String, issuedAt: Date, sourceEventId: String },
    { ...plain, collection: reliefCollections.permits },
  );
  const projectSchema = new Schema(
    {
      _id: String,
      title: String,
      scope: String,
      neighbourhoodId: String,
      permitId: { type: String, default: null },
      volunteers: { count: Number, skills: [String] },
      milestones: [{ _id: false, milestoneId: String, title: String, dueOn: String, doneOn: { type: String, default: null } }],
      status: String,
      evidence: { type: String, default: null },
      completedOn: { type: String, default: null },
      createdAt: Date,
      createdBy: String,
      updatedAt: Date,
    },
    { ...plain, collection: reliefCollections.projects },
  );
  const agreementSchema = new Schema(
    { _id: String, partner: String, title: String, scope: String, startsOn: String, endsOn: String, signedOn: { type: String, default: null }, status: String, updatedAt: Date, updatedBy: String },
    { ...plain, collection: reliefCollections.agreements },
  );
  const meetingSchema = new Schema(
    { _id: String, heldOn: String, title: String, attendees: [String], decisions: String, recordedAt: Date, recordedBy: String },
    { ...plain, collection: reliefCollections.meetings },
  );
  return {
    supportRequests: connection.model<StoredSupportRequest>('ReliefSupportRequest', requestSchema),
    facts: connection.model<StoredFact>('ReliefFact', factSchema),
    benefits: connection.model<StoredBenefit>('ReliefBenefit', benefitSchema),
    permits: connection.model<StoredPermit>('ReliefPermit', permitSchema),
    projects: connection.model<StoredProject>('ReliefProject', projectSchema),
    agreements: connection.model<StoredAgreement>('ReliefAgreement', agreementSchema),
    meetings: connection.model<StoredMeeting>('ReliefMeeting', meetingSchema),
    accessLog: accessLogModel(connection),
  };
}

export type ReliefOwnModels = ReturnType<typeof reliefModels>;
