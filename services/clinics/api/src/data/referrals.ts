import {
  declineReasons,
  needCategories,
  partnerAgencies,
  referralOutcomes,
  type LocalizedText,
  type NeedCategory,
  type PartnerAgency,
} from '@hamgam/contracts';
import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import { referralStates, referralStepKinds, type ReferralState, type ReferralStepKind } from '../domain/referral-state.js';
import { localizedText } from './offers.js';

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

export const referralSchema = addOutbox(
  new Schema<StoredReferral>(
    {
      _id: String,
      trackingCode: { type: String, required: true, unique: true },
      agency: { type: String, enum: partnerAgencies, required: true },
      offerId: { type: String, required: true },
      offer: { _id: false, title: localizedText, place: localizedText, schedule: localizedText },
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
