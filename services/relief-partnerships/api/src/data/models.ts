import { accessLogModel } from '@hamgam/service-kit';
import type { Connection } from 'mongoose';
import { agreementSchema, agreementsCollection } from './agreements.js';
import { benefitSchema, benefitsCollection } from './benefits.js';
import { factSchema, factsCollection } from './facts.js';
import { meetingSchema, meetingsCollection } from './meetings.js';
import { permitSchema, permitsCollection } from './permits.js';
import { projectSchema, projectsCollection } from './projects.js';
import { requestSchema, requestsCollection } from './support-requests.js';

/** The relief service's own collections, beside the desk's (`desk_*`); also the keys of their leases. */
export const reliefCollections = {
  requests: requestsCollection,
  facts: factsCollection,
  benefits: benefitsCollection,
  permits: permitsCollection,
  projects: projectsCollection,
  agreements: agreementsCollection,
  meetings: meetingsCollection,
} as const;

/** Relief's own models (the agency desk brings its own). */
export function reliefModels(connection: Connection) {
  return {
    supportRequests: connection.model('ReliefSupportRequest', requestSchema),
    facts: connection.model('ReliefFact', factSchema),
    benefits: connection.model('ReliefBenefit', benefitSchema),
    permits: connection.model('ReliefPermit', permitSchema),
    projects: connection.model('ReliefProject', projectSchema),
    agreements: connection.model('ReliefAgreement', agreementSchema),
    meetings: connection.model('ReliefMeeting', meetingSchema),
    accessLog: accessLogModel(connection),
  };
}

export type ReliefOwnModels = ReturnType<typeof reliefModels>;
