import { Schema } from 'mongoose';
import type { Posting, PostingLine } from '../domain/ledger.js';

/** Ledger postings: inserted once, never changed (the id, the posting's, says what step of which award it records). */
export interface StoredPosting extends Omit<Posting, 'postingId'> {
  _id: string;
}

const line = new Schema<PostingLine>({ account: String, debit: Number, credit: Number }, { _id: false });

export const postingSchema = new Schema<StoredPosting>(
  {
    _id: String,
    kind: String,
    callId: String,
    awardId: { type: String, default: null },
    trancheNo: { type: Number, default: null },
    lines: [line],
    postedAt: Date,
  },
  { versionKey: false, minimize: false, collection: 'if_postings' },
);
