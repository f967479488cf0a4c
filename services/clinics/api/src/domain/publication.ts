import type { PriorityPublishedV1 } from '@hamgam/contracts';
import { IllegalStepError } from '@hamgam/service-kit/errors';
import type { Clinic, Neighbourhood } from './places.js';
import { rankPriorities, type AssessmentNeeds } from './ranking.js';
import { applyAgreedOrder, toRankedPriority, type AgreedOrder, type AgreedPriority } from './reranking.js';

/** The re-ranking a published list followed, kept with it. */
export interface Reranking {
  reason: string;
  meetingDate: string;
  agreedBy: string;
  agreedByRole: string;
}

export interface PriorityList {
  neighbourhoodId: string;
  clinicId: string;
  period: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
  /** In the agreed order: `rank` is the agreed rank, `computedRank` the one the assessments alone gave. */
  priorities: AgreedPriority[];
  reranking: Reranking | null;
}

/** No household of the neighbourhood has been assessed: there is no list to publish yet (409). */
export class NothingToPublishError extends IllegalStepError {
  constructor(message: string) {
    super('nothing-to-publish', message);
  }
}

export interface PublicationInput {
  neighbourhood: Neighbourhood;
  clinic: Clinic;
  period: string;
  latestVersion: number;
  assessments: readonly AssessmentNeeds[];
  publishedBy: string;
  now: Date;
  /** The latest agreed order of the neighbourhood's priorities, if the meeting or representative re-ranked them. */
  agreed?: (AgreedOrder & { agreedBy: string; agreedByRole: string }) | null;
}

/**
 * A published list is a new, immutable version; coordination and agencies plan against the version
 * they received, so earlier versions are never edited.
 */
export function preparePublication(input: PublicationInput): { list: PriorityList; event: PriorityPublishedV1 } {
  const priorities = applyAgreedOrder(rankPriorities(input.assessments), input.agreed ?? null);
  if (priorities.length === 0) throw new NothingToPublishError('no needs have been assessed in this neighbourhood yet');
  const list: PriorityList = {
    neighbourhoodId: input.neighbourhood.id,
    clinicId: input.clinic.id,
    period: input.period,
    version: input.latestVersion + 1,
    publishedAt: input.now,
    publishedBy: input.publishedBy,
    priorities,
    reranking: input.agreed
      ? {
          reason: input.agreed.reason,
          meetingDate: input.agreed.meetingDate,
          agreedBy: input.agreed.agreedBy,
          agreedByRole: input.agreed.agreedByRole,
        }
      : null,
  };
  const event: PriorityPublishedV1 = {
    neighbourhoodId: list.neighbourhoodId,
    neighbourhoodName: input.neighbourhood.name,
    countyId: input.neighbourhood.countyId,
    clinicId: list.clinicId,
    period: list.period,
    listVersion: list.version,
    publishedAt: list.publishedAt.toISOString(),
    priorities: priorities.map(toRankedPriority),
  };
  return { list, event };
}
