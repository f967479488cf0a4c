import type { PriorityPublishedV1 } from '@hamgam/contracts';

/** What coordination keeps of a neighbourhood: only its latest published priority list. */
export interface NeighbourhoodPriorities extends Omit<PriorityPublishedV1, 'publishedAt'> {
  publishedAt: Date;
  receivedAt: Date;
  sourceEventId: string;
}

/**
 * Events can arrive late or out of order (retries, replays): a list replaces the stored one only if
 * its version is newer, so the board always converges on the latest list.
 */
export function supersedes(incoming: { listVersion: number }, stored: { listVersion: number } | null): boolean {
  return stored === null || incoming.listVersion > stored.listVersion;
}
