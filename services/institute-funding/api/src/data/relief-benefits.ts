import { Schema } from 'mongoose';

/** A benefit the Relief Committee announced (kept for the duplicate-benefit check; opaque ids only). */
export interface StoredReliefBenefit {
  _id: string;
  householdRef: string;
  residentRef: string | null;
  purpose: string;
  amountRials: number;
  grantedAt: Date;
  sourceEventId: string;
}

export const reliefBenefitSchema = new Schema<StoredReliefBenefit>(
  {
    _id: String,
    householdRef: String,
    residentRef: { type: String, default: null },
    purpose: String,
    amountRials: Number,
    grantedAt: Date,
    sourceEventId: String,
  },
  { versionKey: false, minimize: false, collection: 'if_relief_benefits' },
);
