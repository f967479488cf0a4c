import type { PriorityPublishedV1, RankedPriority } from '@hamgam/contracts';
import type { Clinic, Neighbourhood } from './places.js';
import { rankPriorities, type AssessmentNeeds } from './ranking.js';

export interface PriorityList {
  neighbourhoodId: string;
  clinicId: string;
  period: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
  priorities: RankedPriority[];
}

export class NothingToPublishError extends Error {
  override name = 'NothingToPublishError';
}

export interface PublicationInput {
  neighbourhood: Neighbourhood;
  clinic: Clinic;
  period: string;
  latestVersion: number;
  assessments: readonly AssessmentNeeds[];
  publishedBy: string;
  now: Date;
}

/**
 * A published list is a new, immutable version; coordination and agencies plan against the version
 * they received, so earlier versions are never edited.
 */
export function preparePublication(input: PublicationInput): { list: PriorityList; event: PriorityPublishedV1 } {
  const priorities = rankPriorities(input.assessments);
  if (priorities.length === 0) throw new NothingToPublishError('no needs have been assessed in this neighbourhood yet');
  const list: PriorityList = {
    neighbourhoodId: input.neighbourhood.id,
    clinicId: input.clinic.id,
    period: input.period,
    version: input.latestVersion + 1,
    publishedAt: input.now,
    publishedBy: input.publishedBy,
    priorities,
  };
  const event: PriorityPublishedV1 = {
    neighbourhoodId: list.neighbourhoodId,
    neighbourhoodName: input.neighbourhood.name,
    countyId: input.neighbourhood.countyId,
    clinicId: list.clinicId,
    period: list.period,
    listVersion: list.version,
    publishedAt: list.publishedAt.toISOString(),
    priorities,
  };
  return { list, event };
}
