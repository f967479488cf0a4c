import { priorityPublishedV1 } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { referenceClinics, referenceNeighbourhoods } from './places.js';
import { NothingToPublishError, preparePublication } from './publication.js';

const neighbourhood = referenceNeighbourhoods[0]!;
const clinic = referenceClinics[0]!;
const now = new Date('2026-04-01T08:00:00Z');

describe('preparePublication', () => {
  it('creates the next version and an event that satisfies the contract', () => {
    const { list, event } = preparePublication({
      neighbourhood,
      clinic,
      period: '1405',
      latestVersion: 2,
      publishedBy: 'u-1',
      now,
      assessments: [{ needs: [{ category: 'employment', severity: 5 }] }],
    });
    expect(list.version).toBe(3);
    expect(event.listVersion).toBe(3);
    expect(priorityPublishedV1.parse(event)).toEqual(event);
    expect(event.priorities).toEqual([{ rank: 1, category: 'employment', score: 5, households: 1 }]);
  });

  it('refuses to publish an empty list', () => {
    expect(() =>
      preparePublication({ neighbourhood, clinic, period: '1405', latestVersion: 0, publishedBy: 'u', now, assessments: [] }),
    ).toThrow(NothingToPublishError);
    expect(() =>
      preparePublication({ neighbourhood, clinic, period: '1405', latestVersion: 0, publishedBy: 'u', now, assessments: [] }),
    ).toThrow(expect.objectContaining({ status: 409, code: 'nothing-to-publish' }));
  });
});

describe('preparePublication with an agreed order', () => {
  it('publishes in the agreed order, keeps the computed rank and the reason with the list, and the event carries the agreed rank only', () => {
    const { list, event } = preparePublication({
      neighbourhood,
      clinic,
      period: '1405',
      latestVersion: 0,
      publishedBy: 'u-1',
      now,
      assessments: [
        {
          needs: [
            { category: 'employment', severity: 5 },
            { category: 'social-care', severity: 1 },
          ],
        },
        { needs: [{ category: 'workshop-space', severity: 3 }] },
      ],
      agreed: {
        order: ['social-care', 'employment'],
        reason: 'the meeting put the elderly first',
        meetingDate: '2026-03-20',
        agreedBy: 'rep-1',
        agreedByRole: 'representative',
      },
    });
    expect(list.priorities.map((p) => [p.rank, p.category, p.computedRank])).toEqual([
      [1, 'social-care', 3],
      [2, 'employment', 1],
      [3, 'workshop-space', 2],
    ]);
    expect(list.reranking).toEqual({
      reason: 'the meeting put the elderly first',
      meetingDate: '2026-03-20',
      agreedBy: 'rep-1',
      agreedByRole: 'representative',
    });
    expect(priorityPublishedV1.parse(event).priorities).toEqual([
      { rank: 1, category: 'social-care', score: 1, households: 1 },
      { rank: 2, category: 'employment', score: 5, households: 1 },
      { rank: 3, category: 'workshop-space', score: 3, households: 1 },
    ]);
  });
});
