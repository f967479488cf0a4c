import { needCategories, type NeedCategory } from '@hamgam/contracts';
import { Schema } from 'mongoose';

/** One re-ranking of a neighbourhood's draft priorities; the latest one applies. */
export interface StoredAgreedOrder {
  _id: string;
  neighbourhoodId: string;
  order: NeedCategory[];
  reason: string;
  meetingDate: string;
  agreedBy: string;
  agreedByName: string;
  agreedByRole: 'clinic-worker' | 'representative';
  agreedAt: Date;
}

export const agreedOrderSchema = new Schema<StoredAgreedOrder>(
  {
    _id: String,
    neighbourhoodId: { type: String, required: true, index: true },
    order: [{ type: String, enum: needCategories }],
    reason: { type: String, required: true },
    meetingDate: { type: String, required: true },
    agreedBy: String,
    agreedByName: String,
    agreedByRole: String,
    agreedAt: Date,
  },
  { versionKey: false },
);
