import { randomUUID } from 'node:crypto';
import { walkPages } from '@hamgam/service-kit/testing';
import { describe, expect, it } from 'vitest';
import { addDays } from '../domain/days.js';
import { reliefForTests } from '../testing/harness.js';

// Issue 10: Basij's projects and TVTO's permits are narrowed and ordered by the API, paged.
const { service, today, deliver, api } = reliefForTests();

const start = async (neighbourhoodId: string) => {
  service().clock.setTo(new Date(service().clock.now().getTime() + 60_000));
  const res = await api('basij').post('/projects', {
    title: `Project in ${neighbourhoodId}`,
    scope: 'Walls',
    neighbourhoodId,
    permitId: null,
    volunteers: { count: 3, skills: [] },
    milestones: [{ title: 'Walls', dueOn: addDays(today(), 10) }],
  });
  expect(res.status).toBe(201);
  return res.body.projectId as string;
};

describe('the projects and permits lists', () => {
  it('narrow projects by neighbourhood and status, newest or oldest first, paged', async () => {
    const mine = [await start('nbh-motahari'), await start('nbh-motahari'), await start('nbh-motahari')];
    const other = await start('nbh-fajr');
    const walk = await walkPages<{ projectId: string }>((p) => api('relief').get(p), '/projects?neighbourhoodId=nbh-motahari&order=asc', 2);
    expect(walk.items.map((p) => p.projectId)).toEqual(mine);
    const newest = await api('basij').get('/projects?neighbourhoodId=nbh-motahari');
    expect(newest.body.map((p: { projectId: string }) => p.projectId)).toEqual([...mine].reverse());
    expect((await api('basij').get('/projects?status=completed&neighbourhoodId=nbh-fajr')).body).toEqual([]);
    expect(
      (await api('basij').get('/projects?status=planned&neighbourhoodId=nbh-fajr')).body.map((p: { projectId: string }) => p.projectId),
    ).toEqual([other]);
    expect((await api('basij').get('/projects?status=lost')).status).toBe(400);
  });

  it('narrow permits by neighbourhood and trade', async () => {
    const permit = (trade: string, neighbourhoodId: string) => ({
      permitId: randomUUID(),
      permitNo: `WP-1405-${Math.floor(Math.random() * 9000 + 1000)}`,
      trade,
      neighbourhoodId,
      residentRef: null,
      validUntil: addDays(today(), 365),
      issuedAt: service().clock.now().toISOString(),
    });
    const wanted = permit('welding', 'nbh-amiralmomenin');
    await deliver('vocational-training.permit.issued', wanted);
    await deliver('vocational-training.permit.issued', permit('tailoring', 'nbh-amiralmomenin'));
    await deliver('vocational-training.permit.issued', permit('welding', 'nbh-fajr'));
    const res = await api('basij').get('/permits?neighbourhoodId=nbh-amiralmomenin&trade=welding');
    expect(res.body.map((p: { permitId: string }) => p.permitId)).toEqual([wanted.permitId]);
  });
});
