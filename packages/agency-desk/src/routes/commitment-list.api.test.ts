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
