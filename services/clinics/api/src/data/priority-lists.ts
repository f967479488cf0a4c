import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import type { PriorityList, Reranking } from '../domain/publication.js';

/** A published list: an immutable version, stored with the event that announces it. */
export type StoredPriorityList = PriorityList & { _id: string; outbox: OutboxEntry[] };

export const priorityListSchema = addOutbox(
  new Schema<StoredPriorityList>(
    {
      _id: String,
      neighbourhoodId: { type: String, required: true },
      clinicId: String,
      period: String,
      version: Number,
      publishedAt: Date,
      publishedBy: String,
      priorities: [{ _id: false, rank: Number, computedRank: Number, category: String, score: Number, households: Number }],
      reranking: {
        type: new Schema<Reranking>({ reason: String, meetingDate: String, agreedBy: String, agreedByRole: String }, { _id: false }),
        default: null,
      },
    },
    { versionKey: false },
  ),
);
// Two clinic workers publishing at once cannot both create version N.
priorityListSchema.index({ neighbourhoodId: 1, version: -1 }, { unique: true });
