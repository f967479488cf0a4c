import { randomUUID } from 'node:crypto';
import { startTestService, walkPages, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskModels } from '../data/models.js';
import { agencyDesk } from '../index.js';

// The desk's commitments list: narrowed by status, source and neighbourhood, by due day either way, paged.
const desk = agencyDesk({ agency: 'welfare', roles: ['welfare-officer'] });
let service: TestService<DeskModels>;

beforeAll(async () => {
  service = await startTestService({
    name: 'welfare',
    roles: ['welfare-officer', 'coordinator', 'auditor'],
    models: desk.models,
    outboxSources: desk.outboxSources,
    routes: desk.routes,
    subscriptions: desk.subscriptions,
  });
});
afterAll(() => service?.close());

const day = (offset: number) => new Date(service.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const declare = async (neighbourhoodId: string, dueIn: number) => {
  const res = await service
    .api('welfare')
    .post('/desk/commitments', { neighbourhoodId, answers: null, title: `visit ${dueIn}`, dueOn: day(dueIn) });
  expect(res.status).toBe(201);
  return res.body.commitmentId as string;
};
const ids = (body: { commitmentId: string }[]) => body.map((c) => c.commitmentId);

describe('the desk’s commitments list', () => {
  it('narrows by neighbourhood and status, soonest or latest due first, paged', async () => {
    const late = await declare('nbh-motahari', 30);
    const soon = await declare('nbh-motahari', 5);
    const middle = await declare('nbh-motahari', 12);
    const elsewhere = await declare('nbh-fajr', 1);
    const walk = await walkPages<{ commitmentId: string }>(
      (p) => service.api('coordinator').get(p),
      '/desk/commitments?neighbourhoodId=nbh-motahari',
      2,
    );
    expect(walk.items.map((c) => c.commitmentId)).toEqual([soon, middle, late]);
    const latest = await service.api('welfare').get('/desk/commitments?neighbourhoodId=nbh-motahari&order=desc');
    expect(ids(latest.body)).toEqual([late, middle, soon]);
    expect((await service.api('welfare').post(`/desk/commitments/${middle}/progress`, { status: 'in-progress' })).status).toBe(200);
    const started = await service.api('welfare').get('/desk/commitments?status=in-progress');
    expect(ids(started.body)).toEqual([middle]);
    const agencyOwn = await service.api('welfare').get('/desk/commitments?source=agency&neighbourhoodId=nbh-fajr');
    expect(ids(agencyOwn.body)).toEqual([elsewhere]);
    expect((await service.api('welfare').get('/desk/commitments?status=lost')).status).toBe(400);
  });
});

describe('a status the working group recorded', () => {
  const assigned = (dueIn: number) => ({
    actionItemId: randomUUID(),
    meetingId: randomUUID(),
    resolutionId: randomUUID(),
    agency: 'welfare',
    neighbourhoodId: 'nbh-fajr',
    answers: 'social-care',
    title: 'Home visits in Fajr',
    dueOn: day(dueIn),
    assignedAt: service.clock.now().toISOString(),
  });
  const recorded = (commitmentId: string, status: string, at: Date, extra: object = {}) => ({
    commitmentId,
    agency: 'welfare',
    status,
    evidence: status === 'delivered' ? 'minutes 12' : null,
    revisedDueOn: null,
    at: at.toISOString(),
    ...extra,
  });
  const one = async (id: string) =>
    (
      (await service.api('welfare').get('/desk/commitments?limit=100')).body as {
        commitmentId: string;
        status: string;
        overdue: boolean;
        evidence: string | null;
      }[]
    ).find((c) => c.commitmentId === id)!;

  it('is what the desk shows: an overdue planned action item recorded delivered reads delivered and not overdue', async () => {
    const item = assigned(-3);
    await service.deliver('coordination.action-item.assigned', item);
    expect(await one(item.actionItemId)).toMatchObject({ status: 'planned', overdue: true });
    await service.deliver('coordination.commitment.status-recorded', recorded(item.actionItemId, 'delivered', service.clock.now()));
    expect(await one(item.actionItemId)).toMatchObject({ status: 'delivered', overdue: false, evidence: 'minutes 12' });
  });

  it('changes nothing when older than the commitment’s latest change, when the commitment is delivered, or for another agency', async () => {
    const item = assigned(10);
    await service.deliver('coordination.action-item.assigned', item);
    const now = service.clock.now();
    await service.deliver('coordination.commitment.status-recorded', recorded(item.actionItemId, 'in-progress', now));
    await service.deliver(
      'coordination.commitment.status-recorded',
      recorded(item.actionItemId, 'slipped', new Date(now.getTime() - 60_000)),
    );
    expect(await one(item.actionItemId)).toMatchObject({ status: 'in-progress' });
    await service.deliver(
      'coordination.commitment.status-recorded',
      recorded(item.actionItemId, 'delivered', new Date(now.getTime() + 60_000)),
    );
    await service.deliver(
      'coordination.commitment.status-recorded',
      recorded(item.actionItemId, 'slipped', new Date(now.getTime() + 120_000)),
    );
    expect(await one(item.actionItemId)).toMatchObject({ status: 'delivered' });
    const theirs = assigned(10);
    await service.deliver('coordination.action-item.assigned', theirs);
    await service.deliver(
      'coordination.commitment.status-recorded',
      recorded(theirs.actionItemId, 'delivered', new Date(now.getTime() + 60_000), { agency: 'vocational-training' }),
    );
    expect(await one(theirs.actionItemId)).toMatchObject({ status: 'planned' });
  });

  it('for a commitment not held yet is refused, so the bus delivers it again later', async () => {
    await expect(
      service.deliver('coordination.commitment.status-recorded', recorded(randomUUID(), 'delivered', service.clock.now())),
    ).rejects.toThrow(/not held yet/);
  });
});
