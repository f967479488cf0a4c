import { needCategories } from '@hamgam/contracts';
import { Schema } from 'mongoose';
import type { Answers } from '../domain/questionnaire.js';
import type { AssessedNeed } from '../domain/ranking.js';

/** One answer as stored: question ids contain dots, which FerretDB does not accept as keys, so answers are a list. */
export interface StoredAnswer {
  question: string;
  value: boolean | number | string;
}

export const storedAnswersField = { type: [{ _id: false, question: String, value: Schema.Types.Mixed }], default: undefined };

export const answersToStored = (answers: Answers): StoredAnswer[] =>
  Object.entries(answers).map(([question, value]) => ({ question, value }));
export const answersFromStored = (stored: readonly StoredAnswer[] | undefined): Answers =>
  Object.fromEntries((stored ?? []).map((a) => [a.question, a.value]));

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

export const assessmentSchema = new Schema<Assessment>(
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
