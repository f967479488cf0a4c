import { accessLogModel } from '@hamgam/service-kit';
import type { Connection } from 'mongoose';
import { courseSchema, coursesCollection } from './courses.js';
import { demandCollection, demandSchema } from './demand.js';
import { enrolmentSchema, enrolmentsCollection } from './enrolments.js';
import { masterSchema, mastersCollection } from './masters.js';
import { permitSchema, permitsCollection } from './permits.js';
import { placementSchema, placementsCollection } from './placements.js';
import { sessionSchema, sessionsCollection } from './sessions.js';

/** TVTO's own collections, beside the desk's `desk_*` ones in the same database (also the keys of their leases). */
export const tvtoCollections = {
  courses: coursesCollection,
  enrolments: enrolmentsCollection,
  permits: permitsCollection,
  demand: demandCollection,
  sessions: sessionsCollection,
  masters: mastersCollection,
  placements: placementsCollection,
} as const;

/** TVTO's own models (the agency desk brings its own). */
export function tvtoModels(connection: Connection) {
  return {
    courses: connection.model('TvtoCourse', courseSchema),
    enrolments: connection.model('TvtoEnrolment', enrolmentSchema),
    permits: connection.model('TvtoPermit', permitSchema),
    demand: connection.model('TvtoTradeDemand', demandSchema),
    sessions: connection.model('TvtoCounsellingSession', sessionSchema),
    masters: connection.model('TvtoGuildMaster', masterSchema),
    placements: connection.model('TvtoPlacement', placementSchema),
    accessLog: accessLogModel(connection),
  };
}

export type TvtoModels = ReturnType<typeof tvtoModels>;
