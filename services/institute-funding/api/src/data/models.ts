import type { Connection } from 'mongoose';
import { applicationSchema } from './applications.js';
import { flagReviewSchema } from './flag-reviews.js';
import { callSchema } from './calls.js';
import { instituteSchema } from './institutes.js';
import { outcomeSchema } from './outcomes.js';
import { postingSchema } from './postings.js';
import { reliefBenefitSchema } from './relief-benefits.js';

/** The office's own models (the agency desk brings its own, the access log among them). */
export function fundingModels(connection: Connection) {
  return {
    institutes: connection.model('FundingInstitute', instituteSchema),
    calls: connection.model('FundingCall', callSchema),
    applications: connection.model('FundingApplication', applicationSchema),
    outcomes: connection.model('FundingOutcome', outcomeSchema),
    postings: connection.model('FundingPosting', postingSchema),
    reliefBenefits: connection.model('FundingReliefBenefit', reliefBenefitSchema),
    flagReviews: connection.model('FundingFlagReview', flagReviewSchema),
  };
}

export type FundingModels = ReturnType<typeof fundingModels>;
