import { BrokenRuleError } from '@hamgam/service-kit/errors';
import type { LocalizedText, TrainingVenue } from '@hamgam/contracts';

export const courseLevels = ['beginner', 'intermediate', 'advanced'] as const;
export type CourseLevel = (typeof courseLevels)[number];

/**
 * What staff say of a course when they make it: the one declaration of a course's own facts. The stored
 * course (data/courses.ts), the use case's input (app/courses.ts) and the demo's courses (data/demo.ts) are
 * made of it; the request and answer schemas (routes/schemas.ts) validate the same fields at the edge.
 */
export interface CourseFacts {
  title: LocalizedText;
  trade: string;
  level: CourseLevel;
  hours: number;
  /** Sessions planned; attendance is taken per session number 1…sessions. */
  sessions: number;
  venue: TrainingVenue;
  venueName: LocalizedText;
  schedule: LocalizedText;
  startsOn: string;
  endsOn: string;
  capacity: number;
}

/** A course ends on or after the day it starts. */
export function checkCourseDates(course: Pick<CourseFacts, 'startsOn' | 'endsOn'>): void {
  if (course.endsOn < course.startsOn) throw new BrokenRuleError('course-ends-before-start', 'endsOn cannot be before startsOn', 'endsOn');
}

/** TVTO's own training centres in the province (reference data: a course held there names one). */
export const tvtoCentres: readonly { id: string; name: LocalizedText }[] = [
  { id: 'tvto-kerman-1', name: { fa: 'مرکز فنی و حرفه‌ای شماره ۱ کرمان', en: 'Kerman TVTO centre no. 1' } },
  { id: 'tvto-kerman-2', name: { fa: 'مرکز فنی و حرفه‌ای شماره ۲ کرمان', en: 'Kerman TVTO centre no. 2' } },
];
