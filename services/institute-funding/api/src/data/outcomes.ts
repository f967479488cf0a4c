import { Schema } from 'mongoose';

/** One resident's course at a funded institute, from TVTO's enrolment events (the id is TVTO's enrolment id). */
export interface StoredOutcome {
  _id: string;
  awardId: string;
  instituteId: string;
  courseId: string;
  trade: string;
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string;
  enrolled: boolean;
  enrolledAt: Date | null;
  result: 'passed' | 'failed' | 'dropped-out' | null;
  completedAt: Date | null;
  updatedAt: Date;
}

/** The collection's name: the key of the outcome leases too (an enrolment's two events may race). */
export const outcomesCollection = 'if_outcomes';

export const outcomeSchema = new Schema<StoredOutcome>(
  {
    _id: String,
    awardId: { type: String, index: true },
    instituteId: String,
    courseId: String,
    trade: String,
    residentRef: String,
    householdRef: { type: String, default: null },
    neighbourhoodId: String,
    enrolled: Boolean,
    enrolledAt: { type: Date, default: null },
    result: { type: String, default: null },
    completedAt: { type: Date, default: null },
    updatedAt: Date,
  },
  { versionKey: false, minimize: false, collection: outcomesCollection },
);
