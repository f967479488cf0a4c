import { commitmentStatuses, needCategories, offerKinds, type NeedCategory, type OfferKind, type PartnerAgency } from '@hamgam/contracts';
import { accessLogModel, addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema, type Connection } from 'mongoose';
import type { Commitment } from '../domain/commitments.js';
import type { StoredOfferState } from '../domain/offers.js';
import type { ReceivedReferral } from '../domain/referrals.js';

const localized = new Schema<{ fa: string; en: string }>(
  { fa: { type: String, required: true }, en: { type: String, required: true } },
  { _id: false },
);
const outboxDocument = { versionKey: false as const, minimize: false };

export interface StoredOffer extends Omit<StoredOfferState, 'offerId' | 'kind' | 'answers'> {
  _id: string;
  kind: OfferKind;
  answers: NeedCategory[];
  updatedAt: Date;
  updatedBy: string;
  outbox: OutboxEntry[];
}

export interface StoredReferral extends ReceivedReferral {
  _id: string;
  agency: PartnerAgency;
  /** Null only while a withdrawal waits for the referral it withdraws (events may arrive out of order). */
  trackingCode: string | null;
  offerId: string | null;
  clinicId: string | null;
  neighbourhoodId: string | null;
  residentRef: string | null;
  householdRef: string | null;
  needCategory: NeedCategory | null;
  madeAt: Date | null;
  receivedAt: Date;
  /** The event that brought it, or `seed` for demo history. */
  sourceEventId: string;
  outbox: OutboxEntry[];
}

export interface ProgressEntry {
  status: Commitment['status'];
  at: Date;
  evidence: string | null;
  revisedDueOn: string | null;
  by: string;
}

export interface StoredCommitment extends Commitment {
  _id: string;
  agency: PartnerAgency;
  /** Declared by the agency itself, or assigned to it by the working group (an action item). */
  source: 'agency' | 'working-group';
  neighbourhoodId: string;
  answers: NeedCategory | null;
  title: string;
  meetingId: string | null;
  resolutionId: string | null;
  declaredAt: Date;
  declaredBy: string;
  history: ProgressEntry[];
  outbox: OutboxEntry[];
}

/** Collection names: the desk's documents live beside whatever else the agency's service stores. */
export const deskCollections = {
  offers: 'desk_offers',
  referrals: 'desk_referrals',
  commitments: 'desk_commitments',
  priorities: 'desk_priorities',
} as const;

/** A neighbourhood's latest published priorities, as the clinics announced them (what commitments answer). */
export interface StoredPriorities {
  _id: string;
  neighbourhoodName: { fa: string; en: string };
  clinicId: string;
  period: string;
  listVersion: number;
  publishedAt: Date;
  priorities: { rank: number; category: NeedCategory; score: number; households: number }[];
  sourceEventId: string;
}

export function deskModels(connection: Connection) {
  const offerSchema = addOutbox(
    new Schema<StoredOffer>(
      {
        _id: String,
        kind: { type: String, enum: offerKinds, required: true },
        title: localized,
        eligibility: localized,
        answers: [{ type: String, enum: needCategories }],
        neighbourhoodIds: [String],
        place: localized,
        schedule: localized,
        startsOn: { type: String, default: null },
        endsOn: { type: String, default: null },
        capacity: Number,
        available: Number,
        status: { type: String, enum: ['open', 'closed'] },
        revision: Number,
        seatHolders: { type: [String], default: [] },
        updatedAt: Date,
        updatedBy: String,
      },
      { ...outboxDocument, collection: deskCollections.offers },
    ),
  );
  const referralSchema = addOutbox(
    new Schema<StoredReferral>(
      {
        _id: String,
        agency: String,
        trackingCode: { type: String, default: null },
        offerId: { type: String, default: null },
        clinicId: { type: String, default: null },
        neighbourhoodId: { type: String, default: null },
        residentRef: { type: String, default: null },
        householdRef: { type: String, default: null },
        needCategory: { type: String, default: null },
        respondBy: { type: String, default: null },
        madeAt: { type: Date, default: null },
        receivedAt: Date,
        state: { type: String, required: true },
        acceptedAt: { type: Date, default: null },
        completeBy: { type: String, default: null },
        declinedAt: { type: Date, default: null },
        declineReason: { type: String, default: null },
        completedAt: { type: Date, default: null },
        outcome: { type: String, default: null },
        withdrawnAt: { type: Date, default: null },
        withdrawReason: { type: String, default: null },
        sourceEventId: String,
      },
      { ...outboxDocument, collection: deskCollections.referrals },
    ),
  );
  // The staff's work counts (app/work.ts): referrals waiting for an answer or past their day.
  referralSchema.index({ state: 1, respondBy: 1 });
  // The list's default order, and a tracking code looked up whole or by its beginning.
  referralSchema.index({ madeAt: -1, _id: -1 });
  referralSchema.index({ trackingCode: 1 });
  const commitmentSchema = addOutbox(
    new Schema<StoredCommitment>(
      {
        _id: String,
        agency: String,
        source: { type: String, enum: ['agency', 'working-group'] },
        neighbourhoodId: String,
        answers: { type: String, default: null },
        title: String,
        dueOn: String,
        revisedDueOn: { type: String, default: null },
        status: { type: String, enum: commitmentStatuses },
        evidence: { type: String, default: null },
        meetingId: { type: String, default: null },
        resolutionId: { type: String, default: null },
        declaredAt: Date,
        declaredBy: String,
        history: [
          new Schema<ProgressEntry>({ status: String, at: Date, evidence: String, revisedDueOn: String, by: String }, { _id: false }),
        ],
      },
      { ...outboxDocument, collection: deskCollections.commitments },
    ),
  );
  // The staff's work counts: open commitments by due day.
  commitmentSchema.index({ status: 1, dueOn: 1 });
  const priorities = connection.model(
    'DeskPriorities',
    new Schema<StoredPriorities>(
      {
        _id: String,
        neighbourhoodName: localized,
        clinicId: String,
        period: String,
        listVersion: Number,
        publishedAt: Date,
        priorities: [
          new Schema<StoredPriorities['priorities'][number]>(
            { rank: Number, category: String, score: Number, households: Number },
            { _id: false },
          ),
        ],
        sourceEventId: String,
      },
      { versionKey: false, collection: deskCollections.priorities },
    ),
  );
  return {
    priorities,
    offers: connection.model('DeskOffer', offerSchema),
    referrals: connection.model('DeskReferral', referralSchema),
    commitments: connection.model('DeskCommitment', commitmentSchema),
    // The agency's one access log (the same model its own routes write): referrals name residents and households.
    accessLog: accessLogModel(connection),
  };
}

export type DeskModels = ReturnType<typeof deskModels>;
