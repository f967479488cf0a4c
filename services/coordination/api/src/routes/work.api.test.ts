import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationModels } from '../deps.js';
import { coordinationService } from '../service.js';

// The programme's "my work" counts on the real store, by role, scope and Iran's day.
let service: TestService<CoordinationModels>;

beforeAll(async () => {
  service = await startTestService(coordinationService);
});

afterAll(async () => {
  await service?.close();
});

// 00:30 on 21 March 2026 in Tehran is still 20 March in UTC.
const now = new Date('2026-03-20T21:00:00Z');
const [yesterday, today, tomorrow] = ['2026-03-20', '2026-03-21', '2026-03-22'];

const counts = (items: { kind: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.kind, i.count]));
const commitment = (neighbourhoodId: string, status: string, dueOn: string, revisedDueOn: string | null = null) => ({
  _id: randomUUID(),
  source: 'working-group',
  agency: 'welfare',
  neighbourhoodId,
  status,
  dueOn,
  revisedDueOn,
});
const meeting = (neighbourhoodId: string, status: string, scheduledOn: string) => ({
  _id: randomUUID(),
  neighbourhoodId,
  status,
  scheduledOn,
});

describe('GET /work', () => {
  it('gives coordinators the programme’s overdue commitments and meetings, a representative those of their neighbourhood', async () => {
    service.clock.setTo(now);
    await service.models.commitments.collection.insertMany([
      commitment('nbh-sarasiab', 'planned', yesterday), // overdue in Iran (not yet in UTC)
      commitment('nbh-sarasiab', 'slipped', yesterday, tomorrow), // slipped to a new day: not overdue
      commitment('nbh-sarasiab', 'delivered', yesterday),
      commitment('nbh-sarasiab', 'in-progress', today), // due today: not overdue
      commitment('nbh-motahari', 'in-progress', '2026-03-01'),
    ] as never[]);
    await service.models.meetings.collection.insertMany([
      meeting('nbh-sarasiab', 'scheduled', today),
      meeting('nbh-motahari', 'scheduled', yesterday), // past and not recorded as held
      meeting('nbh-sarasiab', 'held', yesterday),
      meeting('nbh-sarasiab', 'scheduled', '2026-03-27'), // within the coming week
      meeting('nbh-sarasiab', 'scheduled', '2026-03-28'), // beyond it
    ] as never[]);

    const coordinator = await service.api('coordinator').get('/work');
    expect(coordinator.status).toBe(200);
    expect(counts(coordinator.body)).toEqual({ 'commitments-overdue': 2, 'meetings-today': 1, 'meetings-to-record': 1 });
    expect(coordinator.body[0].path).toBe('commitments?overdue=true');

    // The test representative speaks for Sar Asiab.
    const representative = await service.api('representative').get('/work');
    expect(counts(representative.body)).toEqual({ 'commitments-overdue': 1, 'meetings-upcoming': 2 });
  });

  it('answers nothing for auditors and agencies’ staff, and refuses a clinic worker', async () => {
    for (const reader of ['auditor', 'tvto', 'welfare'] as const) {
      expect((await service.api(reader).get('/work')).body).toEqual([]);
    }
    expect((await service.api('worker').get('/work')).status).toBe(403);
  });
});
