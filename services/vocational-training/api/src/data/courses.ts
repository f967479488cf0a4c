import { Schema } from 'mongoose';
import { courseLevels, type CourseFacts } from '../domain/courses.js';
import { localized, plain, venue } from './schema-parts.js';

export const coursesCollection = 'tvto_courses';

export interface StoredCourse extends CourseFacts {
  _id: string;
  /** Highest session number held so far (attendance taken): the base of the pass rule. */
  sessionsHeld: number;
  /** The enrolments holding a seat; `seats` is its length, kept beside it for the conditional update that enforces capacity. */
  seatHolders: string[];
  seats: number;
  createdAt: Date;
  createdBy: string;
}

export const courseSchema = new Schema<StoredCourse>(
  {
    _id: String,
    title: localized,
    trade: String,
    level: { type: String, enum: courseLevels },
    hours: Number,
    sessions: Number,
    sessionsHeld: { type: Number, default: 0 },
    venue,
    venueName: localized,
    schedule: localized,
    startsOn: String,
    endsOn: String,
    capacity: Number,
    seatHolders: { type: [String], default: [] },
    seats: { type: Number, default: 0 },
    createdAt: Date,
    createdBy: String,
  },
  { ...plain, collection: coursesCollection },
);
