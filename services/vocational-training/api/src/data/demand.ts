import type { LocalizedText } from '@hamgam/contracts';
import { Schema } from 'mongoose';
import type { DemandLevel } from '../domain/counselling.js';
import { localized, plain } from './schema-parts.js';

export const demandCollection = 'tvto_trade_demand';

/** One trade of the office's labour-market demand list (the trade is its id). */
export interface StoredDemand {
  _id: string;
  label: LocalizedText;
  level: DemandLevel;
  note: LocalizedText;
  updatedAt: Date;
  updatedBy: string;
}

export const demandSchema = new Schema<StoredDemand>(
  { _id: String, label: localized, level: String, note: localized, updatedAt: Date, updatedBy: String },
  { ...plain, collection: demandCollection },
);
