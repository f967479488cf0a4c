import { Schema } from 'mongoose';

/** A funding call: its budget is posted to the ledger when it opens. */
export interface StoredCall {
  _id: string;
  title: { fa: string; en: string };
  budgetRials: number;
  neighbourhoodIds: string[];
  trades: string[];
  opensOn: string;
  closesOn: string;
  createdAt: Date;
  createdBy: string;
}

/** The collection's name: the key of the call leases too (awards are serialised per call). */
export const callsCollection = 'if_calls';

const title = new Schema<StoredCall['title']>(
  { fa: { type: String, required: true }, en: { type: String, required: true } },
  { _id: false },
);

export const callSchema = new Schema<StoredCall>(
  {
    _id: String,
    title,
    budgetRials: Number,
    neighbourhoodIds: [String],
    trades: [String],
    opensOn: String,
    closesOn: String,
    createdAt: Date,
    createdBy: String,
  },
  { versionKey: false, minimize: false, collection: callsCollection },
);
