import {
  needCategories,
  offerKinds,
  partnerAgencies,
  type LocalizedText,
  type NeedCategory,
  type OfferKind,
  type PartnerAgency,
} from '@hamgam/contracts';
import { Schema } from 'mongoose';

/** A `{ fa, en }` text as the agencies publish it. */
export const localizedText = { _id: false, fa: { type: String, required: true }, en: { type: String, required: true } };

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

export const offerSchema = new Schema<StoredOffer>(
  {
    _id: String,
    agency: { type: String, enum: partnerAgencies, required: true },
    kind: { type: String, enum: offerKinds, required: true },
    title: localizedText,
    eligibility: localizedText,
    answers: [{ type: String, enum: needCategories }],
    neighbourhoodIds: [String],
    place: localizedText,
    schedule: localizedText,
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
);
