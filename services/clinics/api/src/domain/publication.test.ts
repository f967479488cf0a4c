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
      neighbourhood, clinic, period: '1405', latestVersion: 2, publishedBy: 'u-1', now,
      assessments: [{ needs: [{ category: 'employment', severity: 5 }] }],
    });
    expect(list.version).toBe(3);
    expect(event.listVersion).toBe(3);
    expect(priorityPublishedV1.parse(event)).toEqual(event);
    expect(event.priorities).toEqual([{ rank: 1, category: 'employment', score: 5, households: 1 }]);
  });

  it('refuses to publish an empty list', () => {
    expect(() => preparePublication({ neighbourhood, clinic, period: '1405', latestVersion: 0, publishedBy: 'u', now, assessments: [] })).toThrow(NothingToPublishError);
  });
});
