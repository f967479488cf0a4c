import { demoUuid } from '@hamgam/demo-data';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCommitment } from '../app/commitments.js';
import { computeBoard } from '../domain/board.js';
import { composeAgenda } from '../domain/meetings.js';
import { coordinationService } from '../service.js';
import type { CoordinationModels } from '../deps.js';
import { seedCoordinationDemo } from './demo.js';

let service: TestService<CoordinationModels>;
const flushed: string[][] = [];

beforeAll(async () => {
  service = await startTestService(coordinationService);
}, 30_000);

afterAll(async () => {
  await service?.close();
});

describe('coordination demo seed', () => {
  it('stores a held meeting with two resolutions and a scheduled one, publishes the action items, and runs once', async () => {
    const deps = { ...service.deps, flushOutbox: (ids: readonly string[]) => flushed.push([...ids]) };
    await seedCoordinationDemo(deps);
    await seedCoordinationDemo(deps);
    expect(await service.models.meetings.countDocuments()).toBe(2);
    expect(flushed).toEqual([[demoUuid('meeting', 1)]]);

    const held = (await service.models.meetings.findById(demoUuid('meeting', 1)).lean())!;
    expect(held.status).toBe('held');
    expect(held.resolutions).toHaveLength(2);
    const assigned = held.outbox.filter((e) => e.routingKey === 'coordination.action-item.assigned.v1');
    expect(assigned).toHaveLength(5);
    expect(new Set(assigned.map((e) => (e.envelope.data as { agency: string }).agency))).toEqual(
      new Set(['vocational-training', 'welfare', 'relief-partnerships', 'institute-funding']),
    );
    // The agencies' desks hear what the working group heard of items 1, 2 and 4, after their assignment (issue 10:
    // c8d4412f delivered on the board but "planned · overdue" on TVTO's desk).
    const heard = held.outbox
      .slice(assigned.length)
      .map((e) => [
        e.routingKey,
        (e.envelope.data as { commitmentId: string; status: string }).commitmentId,
        (e.envelope.data as { status: string }).status,
      ]);
    const item = (n: number) => demoUuid('action-item', n);
    const key = 'coordination.commitment.status-recorded.v1';
    expect(heard).toEqual([
      [key, item(1), 'in-progress'],
      [key, item(1), 'delivered'],
      [key, item(2), 'in-progress'],
      [key, item(2), 'delivered'],
      [key, item(4), 'in-progress'],
    ]);

    const commitments = (await service.models.commitments.find().limit(1000).lean()).map(toCommitment);
    expect(commitments.map((c) => c.status).sort()).toEqual(['delivered', 'delivered', 'in-progress', 'planned', 'planned']);
    const board = computeBoard({
      priorities: [
        { rank: 1, category: 'skills-training', score: 5, households: 9 },
        { rank: 2, category: 'social-care', score: 4, households: 8 },
        { rank: 3, category: 'housing-repair', score: 3, households: 7 },
      ],
      commitments,
      now: service.clock.now(),
    });
    expect(board.overdue.map((i) => i.id)).toEqual([demoUuid('action-item', 3)]);
    expect(board.duplicated).toEqual(['skills-training']);
    expect(board.unlinked.map((i) => i.id)).toEqual([demoUuid('action-item', 5)]);
    expect(board.rates.find((r) => r.agency === 'welfare')).toMatchObject({ delivered: 1, deliveredOnTime: 0, rate: 0 });
    expect(board.rates.find((r) => r.agency === 'vocational-training')).toMatchObject({ delivered: 1, deliveredOnTime: 1, rate: 1 });

    const next = (await service.models.meetings.findById(demoUuid('meeting', 2)).lean())!;
    expect(composeAgenda(next, commitments, service.clock.now()).overdue.map((i) => i.commitmentId)).toEqual([demoUuid('action-item', 3)]);
  });
});
