import type { LocalizedText } from '@hamgam/contracts';
import { Schema } from 'mongoose';
import { localized, plain } from './schema-parts.js';

export const mastersCollection = 'tvto_guild_masters';

/** A guild master who takes apprentices in their workshop, up to `capacity`. */
export interface StoredMaster {
  _id: string;
  name: string;
  guild: LocalizedText;
  trade: string;
  neighbourhoodId: string;
  capacity: number;
  /** The active placements holding a place; `seats` is its length, kept beside it for the conditional update. */
  seatHolders: string[];
  seats: number;
  createdAt: Date;
}

export const masterSchema = new Schema<StoredMaster>(
  {
    _id: String,
    name: String,
    guild: localized,
    trade: String,
    neighbourhoodId: String,
    capacity: Number,
    seatHolders: { type: [String], default: [] },
    seats: { type: Number, default: 0 },
    createdAt: Date,
  },
  { ...plain, collection: mastersCollection },
);
