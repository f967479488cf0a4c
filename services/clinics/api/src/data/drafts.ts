import { needCategories, type NeedCategory } from '@hamgam/contracts';
import { Schema, type Connection } from 'mongoose';
import type { Answers } from '../domain/questionnaire.js';
import type { AssessedNeed } from '../domain/ranking.js';

/** One answer as stored: question ids contain dots, which FerretDB does not accept as keys, so answers are a list. */
export interface StoredAnswer {
  question: string;
  value: boolean | number | string;
}

export const storedAnswersField = { type: [{ _id: false, question: String, value: Schema.Types.Mixed }], default: undefined };

export const answersToStored = (answers: Answers): StoredAnswer[] => Object.entries(answers).map(([question, value]) => ({ question, value }));
export const answersFromStored = (stored: readonly StoredAnswer[] | undefined): Answers =>
  Object.fromEntries((stored ?? []).map((a) => [a.question, a.value]));

/** A household's unfinished needs assessment: at most one per household (its `_id` is the household id). */
export interface StoredAssessmentDraft {
  _id: string;
  clinicId: string;
  neighbourhoodId: string;
  needs: AssessedNeed[];
  answers: StoredAnswer[];
  savedBy: string;
  savedAt: Date;
}

/** One re-ranking of a neighbourhood's draft priorities; the latest one applies. */
export interface StoredAgreedOrder {
  _id: string;
  neighbourhoodId: string;
  order: NeedCategory[];
  reason: string;
  meetingDate: string;
  agreedBy: string;
  agreedByName: string;
  agreedByRole: 'clinic-worker' | 'representative';
  agreedAt: Date;
}

export function draftModels(connection: Connection) {
  const assessmentDrafts = connection.model<StoredAssessmentDraft>(
    'AssessmentDraft',
    new Schema(
      {
        _id: String,
        clinicId: { type: String, required: true },
        neighbourhoodId: { type: String, required: true },
        needs: [{ _id: false, category: { type: String, enum: needCategories }, severity: Number }],
        answers: storedAnswersField,
        savedBy: String,
        savedAt: Date,
      },
      { versionKey: false, minimize: false },
    ),
  );
  const agreedOrders = connection.model<StoredAgreedOrder>(
    'AgreedPriorityOrder',
    new Schema(
      {
        _id: String,
        neighbourhoodId: { type: String, required: true, index: true },
        order: [{ type: String, enum: needCategories }],
        reason: { type: String, required: true },
        meetingDate: { type: String, required: true },
        agreedBy: String,
        agreedByName: String,
        agreedByRole: String,
        agreedAt: Date,
      },
      { versionKey: false },
    ),
  );
  return { assessmentDrafts, agreedOrders };
}
