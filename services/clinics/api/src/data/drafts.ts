import { needCategories } from '@hamgam/contracts';
import { Schema } from 'mongoose';
import type { AssessedNeed } from '../domain/ranking.js';
import { storedAnswersField, type StoredAnswer } from './assessments.js';

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

export const assessmentDraftSchema = new Schema<StoredAssessmentDraft>(
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
);
