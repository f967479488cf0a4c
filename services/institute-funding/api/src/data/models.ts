import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema, type Connection } from 'mongoose';
import type { ApplicationState, AwardStatus, Tranche } from '../domain/funding.js';
import type { PostingKind, PostingLine } from '../domain/ledger.js';

const localized = { _id: false, fa: { type: String, required: true }, en: { type: String, required: true } };
const plain = { versionKey: false as const, minimize: false };

export const fundingCollections = {
  institutes: 'if_institutes',
  calls: 'if_calls',
  applications: 'if_applications',
  outcomes: 'if_outcomes',
  postings: 'if_postings',
  reliefBenefits: 'if_relief_benefits',
  flagReviews: 'if_flag_reviews',
} as const;

export interface StoredInstitute {
  _id: string;
  name: { fa: string; en: string };
  licenceNo: string;
  licenceValidUntil: string;
  neighbourhoodId: string;
  address: string;
  trades: string[];
  updatedAt: Date;
  updatedBy: string;
}

export interface StoredCall {
  _id: string;
  title: { fa: string; en: string };
  budgetRials: number;
  neighbourhoodIds: string[];
  trades: string[];
  opensOn: string;
  closesOn: string;
  createdAt: Date;
  createdBy: string;
}

export interface StoredAward {
  amountRials: number;
  seats: number;
  /** The call's target neighbourhoods when awarded: whose enrolments count. */
  neighbourhoodIds: string[];
  status: AwardStatus;
  tranches: Tranche[];
  awardedAt: Date;
  awardedBy: string;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export interface GrantedBenefit {
  benefitId: string;
  enrolmentId: string;
  householdRef: string;
  residentRef: string;
  amountRials: number;
  trancheNo: number;
  grantedAt: Date;
}

/** An institute's application to a call and, once awarded, the award itself (its id is the award's). */
export interface StoredApplication {
  _id: string;
  callId: string;
  instituteId: string;
  trades: string[];
  proposedSeats: number;
  amountRequestedRials: number;
  state: ApplicationState;
  submittedAt: Date;
  recordedBy: string;
  reviewStartedAt: Date | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  rejectionReason: string | null;
  award: StoredAward | null;
  /** Households this award funded (each published as institute-funding.benefit.granted). */
  benefits: GrantedBenefit[];
  /** Compare-and-set guard: every update names the revision it read. */
  revision: number;
  outbox: OutboxEntry[];
}

/** One resident's course at a funded institute, from TVTO's enrolment events (the id is TVTO's enrolment id). */
export interface StoredOutcome {
  _id: string;
  awardId: string;
  instituteId: string;
  courseId: string;
  trade: string;
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string;
  enrolled: boolean;
  enrolledAt: Date | null;
  result: 'passed' | 'failed' | 'dropped-out' | null;
  completedAt: Date | null;
  updatedAt: Date;
}

/** Ledger postings: inserted once, never changed (the id says what step of which award it records). */
export interface StoredPosting {
  _id: string;
  kind: PostingKind;
  callId: string;
  awardId: string | null;
  trancheNo: number | null;
  lines: PostingLine[];
  postedAt: Date;
}

export interface StoredReliefBenefit {
  _id: string;
  householdRef: string;
  residentRef: string | null;
  purpose: string;
  amountRials: number;
  grantedAt: Date;
  sourceEventId: string;
}

export interface StoredFlagReview {
  _id: string;
  note: string;
  reviewedAt: Date;
  reviewedBy: string;
}

export function fundingModels(connection: Connection) {
  const trancheSchema = new Schema(
    {
      trancheNo: Number,
      percent: Number,
      condition: { _id: false, kind: String, atLeast: Number },
      amountRials: Number,
      state: String,
      releasedAt: { type: Date, default: null },
      verifiedEnrolments: { type: Number, default: null },
      verifiedCompletions: { type: Number, default: null },
      paidAt: { type: Date, default: null },
      paymentRef: { type: String, default: null },
    },
    { _id: false },
  );
  const awardSchema = new Schema(
    {
      amountRials: Number,
      seats: Number,
      neighbourhoodIds: [String],
      status: String,
      tranches: [trancheSchema],
      awardedAt: Date,
      awardedBy: String,
      cancelledAt: { type: Date, default: null },
      cancelReason: { type: String, default: null },
    },
    { _id: false },
  );
  const applicationSchema = addOutbox(
    new Schema(
      {
        _id: String,
        callId: { type: String, index: true },
        instituteId: String,
        trades: [String],
        proposedSeats: Number,
        amountRequestedRials: Number,
        state: String,
        submittedAt: Date,
        recordedBy: String,
        reviewStartedAt: { type: Date, default: null },
        decidedAt: { type: Date, default: null },
        decidedBy: { type: String, default: null },
        rejectionReason: { type: String, default: null },
        award: { type: awardSchema, default: null },
        benefits: [{ _id: false, benefitId: String, enrolmentId: String, householdRef: String, residentRef: String, amountRials: Number, trancheNo: Number, grantedAt: Date }],
        revision: Number,
      },
      { ...plain, collection: fundingCollections.applications },
    ),
  );
  // One application per institute and call.
  applicationSchema.index({ callId: 1, instituteId: 1 }, { unique: true });

  return {
    institutes: connection.model<StoredInstitute>(
      'FundingInstitute',
      new Schema(
        { _id: String, name: localized, licenceNo: String, licenceValidUntil: String, neighbourhoodId: String, address: String, trades: [String], updatedAt: Date, updatedBy: String },
        { ...plain, collection: fundingCollections.institutes },
      ),
    ),
    calls: connection.model<StoredCall>(
      'FundingCall',
      new Schema(
        { _id: String, title: localized, budgetRials: Number, neighbourhoodIds: [String], trades: [String], opensOn: String, closesOn: String, createdAt: Date, createdBy: String },
        { ...plain, collection: fundingCollections.calls },
      ),
    ),
    applications: connection.model<StoredApplication>('FundingApplication', applicationSchema),
    outcomes: connection.model<StoredOutcome>(
      'FundingOutcome',
      new Schema(
        {
          _id: String, awardId: { type: String, index: true }, instituteId: String, courseId: String, trade: String, residentRef: String,
          householdRef: { type: String, default: null }, neighbourhoodId: String, enrolled: Boolean, enrolledAt: { type: Date, default: null },
          result: { type: String, default: null }, completedAt: { type: Date, default: null }, updatedAt: Date,
        },
        { ...plain, collection: fundingCollections.outcomes },
      ),
    ),
    postings: connection.model<StoredPosting>(
      'FundingPosting',
      new Schema(
        {
          _id: String, kind: String, callId: String, awardId: { type: String, default: null }, trancheNo: { type: Number, default: null },
          lines: [{ _id: false, account: String, debit: Number, credit: Number }], postedAt: Date,
        },
        { ...plain, collection: fundingCollections.postings },
      ),
    ),
    reliefBenefits: connection.model<StoredReliefBenefit>(
      'FundingReliefBenefit',
      new Schema(
        { _id: String, householdRef: String, residentRef: { type: String, default: null }, purpose: String, amountRials: Number, grantedAt: Date, sourceEventId: String },
        { ...plain, collection: fundingCollections.reliefBenefits },
      ),
    ),
    flagReviews: connection.model<StoredFlagReview>(
      'FundingFlagReview',
      new Schema({ _id: String, note: String, reviewedAt: Date, reviewedBy: String }, { ...plain, collection: fundingCollections.flagReviews }),
    ),
  };
}

export type FundingModels = ReturnType<typeof fundingModels>;
