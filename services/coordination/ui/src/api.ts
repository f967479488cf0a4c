import type { LocalizedText } from '@hamgam/ui-kit';

/** One row of GET /api/coordination/v1/neighbourhood-priorities: a clinic's latest published list. */
export interface NeighbourhoodPriorities {
  neighbourhoodId: string;
  neighbourhoodName: LocalizedText;
  period: string;
  version: number;
  publishedAt: string;
  receivedAt: string;
  priorities: { rank: number; category: string; score: number; households: number }[];
}

export const NEIGHBOURHOOD_PRIORITIES = '/coordination/v1/neighbourhood-priorities';
