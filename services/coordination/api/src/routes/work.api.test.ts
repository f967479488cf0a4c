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
  createdAt: new Date('2026-03-01T08:00:00Z'),
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
      { ...meeting('nbh-motahari', 'scheduled', today), createdAt: new Date('2026-03-20T09:00:00Z') }, // scheduled after the last look
      meeting('nbh-motahari', 'scheduled', yesterday), // past and not recorded as held
      meeting('nbh-sarasiab', 'held', yesterday),
      meeting('nbh-sarasiab', 'scheduled', '2026-03-27'), // within the coming week
      meeting('nbh-sarasiab', 'scheduled', '2026-03-28'), // beyond it
    ] as never[]);

    const coordinator = await service.api('coordinator').get('/work');
    expect(coordinator.status).toBe(200);
    expect(counts(coordinator.body)).toEqual({ 'commitments-overdue': 2, 'meetings-today': 2, 'meetings-to-record': 1 });
    expect(coordinator.body[0].path).toBe('commitments?overdue=true');

    // Last looked on the 19th (Tehran): the commitment due on the 20th fell overdue since, the one of 1 March before.
    const since = await service.api('coordinator').get('/work?since=2026-03-19T08:00:00Z');
    expect(Object.fromEntries(since.body.map((i: { kind: string; fresh?: number }) => [i.kind, i.fresh]))).toEqual({
      'commitments-overdue': 1,
      'meetings-today': 1,
      'meetings-to-record': 1,
    });

    // The test representative speaks for Sar Asiab.
    const representative = await service.api('representative').get('/work');
    expect(counts(representative.body)).toEqual({ 'commitments-overdue': 1, 'meetings-upcoming': 2 });
    expect(representative.body[0].path).toBe('promises?overdue=true');
    // The meeting of the 27th came within the coming week after a look on the 19th; today's was scheduled long before.
    const representativeSince = await service.api('representative').get('/work?since=2026-03-19T08:00:00Z');
    expect(representativeSince.body.find((i: { kind: string }) => i.kind === 'meetings-upcoming')).toMatchObject({ count: 2, fresh: 1 });
  });

  it('answers nothing for auditors and agencies’ staff, and refuses a clinic worker', async () => {
    for (const reader of ['auditor', 'tvto', 'welfare'] as const) {
      expect((await service.api(reader).get('/work')).body).toEqual([]);
    }
    expect((await service.api('worker').get('/work')).status).toBe(403);
  });
});
