import { Schema } from 'mongoose';
import { plain } from './parts.js';

export const benefitsCollection = 'relief_benefits';

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

export const benefitSchema = new Schema<StoredBenefit>(
  {
    _id: String,
    source: String,
    householdRef: String,
    residentRef: { type: String, default: null },
    purpose: String,
    amountRials: Number,
    grantedAt: Date,
    sourceEventId: String,
  },
  { ...plain, collection: benefitsCollection },
);
