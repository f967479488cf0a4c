import { Schema } from 'mongoose';

/** How an officer settled a duplicate-benefit flag (the flag's id is stable for its household and purpose). */
export interface StoredFlagReview {
  _id: string;
  note: string;
  reviewedAt: Date;
  reviewedBy: string;
}

export const flagReviewSchema = new Schema<StoredFlagReview>(
  { _id: String, note: String, reviewedAt: Date, reviewedBy: String },
  { versionKey: false, minimize: false, collection: 'if_flag_reviews' },
);
