import { needCategories } from '@hamgam/contracts';
import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema, type Connection } from 'mongoose';
import type { Clinic, Neighbourhood } from '../domain/places.js';
import type { PriorityList } from '../domain/publication.js';
import type { AssessedNeed } from '../domain/ranking.js';
import { journeyModels } from './journey.js';
import { referralModels } from './referrals.js';
import { storedAnswersField, type StoredAnswer } from './drafts.js';
import { residentModels } from './residents.js';

const localized = { fa: { type: String, required: true }, en: { type: String, required: true } };

/** How a domain record with an `id` is stored: the id becomes the document's `_id`. */
export type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

export interface Assessment {
  _id: string;
  neighbourhoodId: string;
  clinicId: string;
  /** The clinic's own opaque household reference; names stay in the clinic's records, not here. */
  householdRef: string;
  needs: AssessedNeed[];
  /** The questionnaire's answers (see domain/questionnaire.ts); absent on assessments recorded without it. */
  answers?: StoredAnswer[];
  recordedBy: string;
  createdAt: Date;
}

export type StoredPriorityList = PriorityList & { _id: string; outbox: OutboxEntry[] };

export function clinicsModels(connection: Connection) {
  const neighbourhoods = connection.model<Stored<Neighbourhood>>(
    'Neighbourhood',
    new Schema({ _id: String, name: localized, countyId: String, county: localized, provinceId: String, province: localized }, { versionKey: false }),
  );
  const clinics = connection.model<Stored<Clinic>>(
    'Clinic',
    new Schema({ _id: String, name: localized, neighbourhoodId: { type: String, index: true } }, { versionKey: false }),
  );
  const assessmentSchema = new Schema(
      {
        _id: String,
        neighbourhoodId: { type: String, required: true, index: true },
        clinicId: { type: String, required: true },
        householdRef: { type: String, required: true },
        needs: [{ _id: false, category: { type: String, enum: needCategories }, severity: Number }],
        answers: storedAnswersField,
        recordedBy: String,
        createdAt: Date,
      },
      { versionKey: false },
  );
  // A household's latest assessment replaces its earlier one, so re-assessing never double-counts it.
  assessmentSchema.index({ neighbourhoodId: 1, householdRef: 1 }, { unique: true });
  const assessments = connection.model<Assessment>('Assessment', assessmentSchema);
  const priorityListSchema = addOutbox(new Schema(
    {
      _id: String,
      neighbourhoodId: { type: String, required: true },
      clinicId: String,
      period: String,
      version: Number,
      publishedAt: Date,
      publishedBy: String,
      priorities: [{ _id: false, rank: Number, computedRank: Number, category: String, score: Number, households: Number }],
      reranking: { type: { _id: false, reason: String, meetingDate: String, agreedBy: String, agreedByRole: String }, default: null },
    },
    { versionKey: false },
  ));
  // Two clinic workers publishing at once cannot both create version N.
  priorityListSchema.index({ neighbourhoodId: 1, version: -1 }, { unique: true });
  const priorityLists = connection.model<StoredPriorityList>('PriorityList', priorityListSchema);
  return { neighbourhoods, clinics, assessments, priorityLists, ...residentModels(connection), ...referralModels(connection), ...journeyModels(connection) };
}

