import type { Connection } from 'mongoose';
import { commitmentSchema, pendingReportSchema } from './commitments.js';
import { meetingSchema } from './meetings.js';
import { prioritiesSchema } from './priorities.js';

/** Coordination's models: the clinics' published priorities, the working group's meetings, the commitments. */
export function coordinationModels(connection: Connection) {
  return {
    neighbourhoodPriorities: connection.model('NeighbourhoodPriorities', prioritiesSchema),
    meetings: connection.model('Meeting', meetingSchema),
    commitments: connection.model('Commitment', commitmentSchema),
    pendingReports: connection.model('PendingReport', pendingReportSchema),
  };
}
