import { Schema } from 'mongoose';
import { plain } from './parts.js';

export const permitsCollection = 'relief_permits';

/** A workshop permit TVTO issued: a workshop that may need its space prepared. */
export interface StoredPermit {
  _id: string;
  permitNo: string;
  trade: string;
  neighbourhoodId: string;
  validUntil: string;
  issuedAt: Date;
  sourceEventId: string;
}

export const permitSchema = new Schema<StoredPermit>(
  { _id: String, permitNo: String, trade: String, neighbourhoodId: String, validUntil: String, issuedAt: Date, sourceEventId: String },
  { ...plain, collection: permitsCollection },
);
