import { numberFromId } from '@hamgam/agency-desk';

/** What a request number begins with: a relief request's, never mistaken for a tracking code or a welfare file. */
export const requestNumberPrefix = 'RL-';

/** The request's number (`RL-K7QM-3XWA`), what the officer reads and searches by (never its id), derived from the id. */
export const requestNumberOf = (requestId: string): string => numberFromId(requestId, requestNumberPrefix);
