import { declineReasons, needCategories, offerKinds, partnerAgencies, referralOutcomes, type LocalizedText, type NeedCategory, type OfferKind, type PartnerAgency } from '@hamgam/contracts';
import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema, type Connection } from 'mongoose';
import { slotKinds, type SlotKind } from '../domain/calendar.js';
import { referralStates, referralStepKinds, type ReferralState, type ReferralStepKind } from '../domain/referral-state.js';

const localized = { _id: false, fa: { type: String, required: true }, en: { type: String, required: true } };

/** An agency's catalogue entry as the clinics last heard it (the latest revision wins). */
export interface StoredOffer {
  _id: string;
  agency: PartnerAgency;
  kind: OfferKind;
  title: LocalizedText;
  eligibility: LocalizedText;
  answers: NeedCategory[];
  neighbourhoodIds: string[];
  place: LocalizedText;
  schedule: LocalizedText;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number;
  available: number;
  status: 'open' | 'closed';
  revision: number;
  publishedAt: Date;
  receivedAt: Date;
}

/** One step of a referral's life, with when it happened and what the agency or clinic said. */
export interface ReferralStep {
  kind: ReferralStepKind;
  at: Date;
  /** Decline or withdrawal reason. */
  reason?: string | null;
  outcome?: string | null;
  completeBy?: string | null;
  /** The event that brought the step (agency steps), so a redelivery is recognised. */
  eventId?: string | null;
}

export interface StoredReferral {
  _id: string;
  trackingCode: string;
  agency: PartnerAgency;
  offerId: string;
  /** The offer as it was when referred, so the timeline and tracking page still name it if it changes. */
  offer: { title: LocalizedText; place: LocalizedText; schedule: LocalizedText };
  clinicId: string;
  neighbourhoodId: string;
  residentId: string;
  needCategory: NeedCategory;
  state: ReferralState;
  respondBy: string;
  completeBy: string | null;
  steps: ReferralStep[];
  madeBy: string;
  madeAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

export interface SlotBooking {
  residentId: string;
  bookedAt: Date;
  bookedBy: string;
}

/** One dated slot of a clinic's calendar; residents are booked into it up to its capacity. */
export interface StoredSlot {
  _id: string;
  clinicId: string;
  neighbourhoodId: string;
  kind: SlotKind;
  title: LocalizedText;
  place: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  bookedCount: number;
  bookings: SlotBooking[];
  /** The weekly rule that generated it, if any (so re-generating never duplicates a slot). */
  ruleId: string | null;
  createdBy: string;
  createdAt: Date;
}

export function referralModels(connection: Connection) {
  const offers = connection.model<StoredOffer>(
    'Offer',
    new Schema(
      {
        _id: String,
        agency: { type: String, enum: partnerAgencies, required: true },
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
        revision: { type: Number, required: true },
        publishedAt: Date,
        receivedAt: Date,
      },
      { versionKey: false },
    ),
  );
  const referralSchema = addOutbox(
    new Schema(
      {
        _id: String,
        trackingCode: { type: String, required: true, unique: true },
        agency: { type: String, enum: partnerAgencies, required: true },
        offerId: { type: String, required: true },
        offer: { _id: false, title: localized, place: localized, schedule: localized },
        clinicId: { type: String, required: true, index: true },
        neighbourhoodId: { type: String, required: true },
        residentId: { type: String, required: true, index: true },
        needCategory: { type: String, enum: needCategories },
        state: { type: String, enum: referralStates, required: true },
        respondBy: { type: String, required: true },
        completeBy: { type: String, default: null },
        steps: [
          {
            _id: false,
            kind: { type: String, enum: referralStepKinds, required: true },
            at: { type: Date, required: true },
            reason: { type: String, enum: [...declineReasons, 'consent-withdrawn', 'resident-request', 'duplicate', null], default: null },
            outcome: { type: String, enum: [...referralOutcomes, null], default: null },
            completeBy: { type: String, default: null },
            eventId: { type: String, default: null },
          },
        ],
        madeBy: String,
        madeAt: Date,
        updatedAt: Date,
      },
      { versionKey: false },
    ),
  );
  const referrals = connection.model<StoredReferral>('Referral', referralSchema);
  const slotSchema = new Schema(
    {
      _id: String,
      clinicId: { type: String, required: true, index: true },
      neighbourhoodId: { type: String, required: true },
      kind: { type: String, enum: slotKinds, required: true },
      title: localized,
      place: localized,
      startsAt: { type: Date, required: true },
      endsAt: { type: Date, required: true },
      capacity: { type: Number, required: true },
      bookedCount: { type: Number, default: 0 },
      bookings: [{ _id: false, residentId: String, bookedAt: Date, bookedBy: String }],
      ruleId: { type: String, default: null },
      createdBy: String,
      createdAt: Date,
    },
    { versionKey: false },
  );
  const slots = connection.model<StoredSlot>('CalendarSlot', slotSchema);
  return { offers, referrals, slots };
}
