import { numberFromId } from '@hamgam/agency-desk';

/** What a file number begins with: a welfare case's, never mistaken for a referral's tracking code. */
export const fileNumberPrefix = 'WF-';

/** The case's file number (`WF-K7QM-3XWA`), what the officer reads and searches by, derived from the case id. */
export const fileNumberOf = (caseId: string): string => numberFromId(caseId, fileNumberPrefix);
