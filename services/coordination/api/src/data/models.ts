import { Schema, type Connection } from 'mongoose';
import type { NeighbourhoodPriorities } from '../domain/priorities.js';

const localized = { fa: String, en: String };

export function coordinationModels(connection: Connection) {
  const neighbourhoodPriorities = connection.model<NeighbourhoodPriorities & { _id: string }>(
    'NeighbourhoodPriorities',
    new Schema(
      {
        _id: String,
        neighbourhoodId: String,
        neighbourhoodName: localized,
        countyId: String,
        clinicId: String,
        period: String,
        listVersion: Number,
        publishedAt: Date,
        receivedAt: Date,
        sourceEventId: String,
        priorities: [{ _id: false, rank: Number, category: String, score: Number, households: Number }],
      },
      { versionKey: false, collection: 'neighbourhood_priorities' },
    ),
  );
  return { neighbourhoodPriorities };
}

export type CoordinationModels = ReturnType<typeof coordinationModels>;
