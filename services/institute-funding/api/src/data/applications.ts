import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import { applicationStates, type ApplicationState } from '../domain/applications.js';
import type { AwardStatus, Tranche } from '../domain/awards.js';

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

/** The collection's name: the key of the application (award) leases too. */
export const applicationsCollection = 'if_applications';

const tranche = new Schema<Tranche>(
  {
    trancheNo: Number,
    percent: Number,
    condition: new Schema<Tranche['condition']>({ kind: String, atLeast: Number }, { _id: false }),
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

const award = new Schema<StoredAward>(
  {
    amountRials: Number,
    seats: Number,
    neighbourhoodIds: [String],
    status: String,
    tranches: [tranche],
    awardedAt: Date,
    awardedBy: String,
    cancelledAt: { type: Date, default: null },
    cancelReason: { type: String, default: null },
  },
  { _id: false },
);

const benefit = new Schema<GrantedBenefit>(
  {
    benefitId: String,
    enrolmentId: String,
    householdRef: String,
    residentRef: String,
    amountRials: Number,
    trancheNo: Number,
    grantedAt: Date,
  },
  { _id: false },
);

export const applicationSchema = addOutbox(
  new Schema<StoredApplication>(
    {
      _id: String,
      callId: { type: String, index: true },
      instituteId: String,
      trades: [String],
      proposedSeats: Number,
      amountRequestedRials: Number,
      state: { type: String, enum: applicationStates },
      submittedAt: Date,
      recordedBy: String,
      reviewStartedAt: { type: Date, default: null },
      decidedAt: { type: Date, default: null },
      decidedBy: { type: String, default: null },
      rejectionReason: { type: String, default: null },
      award: { type: award, default: null },
      benefits: [benefit],
      revision: Number,
    },
    { versionKey: false, minimize: false, collection: applicationsCollection },
  ),
);
// One application per institute and call.
applicationSchema.index({ callId: 1, instituteId: 1 }, { unique: true });
// The officers' work counts (routes/work.ts): applications by state.
applicationSchema.index({ state: 1 });
