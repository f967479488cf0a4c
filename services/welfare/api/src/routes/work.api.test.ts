import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Models } from '../deps.js';
import { welfareService } from '../service.js';

// Welfare's "my work" counts on the real store: the desk's, and the open cases of the caller's own caseload.
let service: TestService<Models>;

beforeAll(async () => {
  service = await startTestService(welfareService);
});

afterAll(async () => {
  await service?.close();
});

const counts = (items: { kind: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.kind, i.count]));
const aCase = (worker: string, state: string) => ({
  _id: randomUUID(),
  worker,
  state,
  householdRef: randomUUID(),
  neighbourhoodId: 'nbh-sarasiab',
});

describe('GET /work', () => {
  it('counts the open cases of the caller’s own caseload beside the desk’s referrals', async () => {
    const lastLook = new Date(Date.now() - 3_600_000);
    await service.models.cases.collection.insertMany([
      { ...aCase('welfare.officer', 'opened'), openedAt: new Date() },
      { ...aCase('welfare.officer', 'in-follow-up'), openedAt: new Date(lastLook.getTime() - 86_400_000) },
      aCase('welfare.officer', 'closed'),
      aCase('welfare.officer2', 'planned'),
    ] as never[]);
    await service.models.referrals.collection.insertOne({
      _id: randomUUID(),
      agency: 'welfare',
      state: 'received',
      respondBy: '2999-01-01',
    } as never);

    const mine = await service.api('welfare').get('/work');
    expect(mine.status).toBe(200);
    expect(counts(mine.body)).toMatchObject({ 'cases-open': 2, 'referrals-new': 1, 'referrals-overdue': 0 });
    expect(mine.body.find((i: { kind: string }) => i.kind === 'cases-open').path).toBe('cases');
    // Another case worker's caseload is theirs; the desk's referrals are the agency's.
    expect(counts((await service.api('welfare2').get('/work')).body)).toMatchObject({ 'cases-open': 1, 'referrals-new': 1 });
    // Asked since the last look: only the cases opened into the caseload after it are new.
    const since = await service.api('welfare').get(`/work?since=${encodeURIComponent(lastLook.toISOString())}`);
    expect(since.body.find((i: { kind: string }) => i.kind === 'cases-open')).toEqual({
      kind: 'cases-open',
      count: 2,
      fresh: 1,
      path: 'cases',
    });
  });

  it('answers nothing for those who only read welfare, and refuses everyone else', async () => {
    expect((await service.api('coordinator').get('/work')).body).toEqual([]);
    expect((await service.api('auditor').get('/work')).body).toEqual([]);
    expect((await service.api('tvto').get('/work')).status).toBe(403);
  });
});
