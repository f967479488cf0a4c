import { Schema } from 'mongoose';
import type { NeighbourhoodPriorities } from '../domain/priorities.js';

/** A neighbourhood's latest published priorities, by neighbourhood id (an older list never replaces a newer one). */
export type StoredPriorities = NeighbourhoodPriorities & { _id: string };

/** The collection's name: the key of the per-neighbourhood leases too. */
export const prioritiesCollection = 'neighbourhood_priorities';

const name = new Schema<StoredPriorities['neighbourhoodName']>({ fa: String, en: String }, { _id: false });
const ranked = new Schema<StoredPriorities['priorities'][number]>(
  { rank: Number, category: String, score: Number, households: Number },
  { _id: false },
);

export const prioritiesSchema = new Schema<StoredPriorities>(
  {
    _id: String,
    neighbourhoodId: String,
    neighbourhoodName: name,
    countyId: String,
    clinicId: String,
    period: String,
    listVersion: Number,
    publishedAt: Date,
    receivedAt: Date,
    sourceEventId: String,
    priorities: [ranked],
  },
  { versionKey: false, collection: prioritiesCollection },
);
