import { Schema } from 'mongoose';
import type { PostingKind, PostingLine } from '../domain/ledger.js';

/** Ledger postings: inserted once, never changed (the id says what step of which award it records). */
export interface StoredPosting {
  _id: string;
  kind: PostingKind;
  callId: string;
  awardId: string | null;
  trancheNo: number | null;
  lines: PostingLine[];
  postedAt: Date;
}

const line = new Schema<PostingLine>({ account: String, debit: Number, credit: Number }, { _id: false });

export const postingSchema = new Schema<StoredPosting>(
  { _id: String, kind: String, callId: String, awardId: { type: String, default: null }, trancheNo: { type: Number, default: null }, lines: [line], postedAt: Date },
  { versionKey: false, minimize: false, collection: 'if_postings' },
);
