import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFunding } from '../testing/harness.js';

// The fund office's "my work" counts on the real store.
let t: Awaited<ReturnType<typeof startFunding>>;

beforeAll(async () => {
  t = await startFunding();
});

afterAll(async () => {
  await t?.service.close();
});

const counts = (items: { kind: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.kind, i.count]));

describe('GET /work', () => {
  it('counts the applications waiting for the office beside the desk’s referrals and commitments', async () => {
    const { applications, commitments } = t.service.models;
    await applications.collection.insertMany(
      ['submitted', 'under-review', 'under-review', 'awarded', 'rejected'].map((state, i) => ({
        _id: randomUUID(),
        callId: randomUUID(),
        instituteId: randomUUID(),
        state,
        submittedAt: new Date(i === 0 ? '2026-03-20T10:00:00Z' : '2026-03-01T10:00:00Z'),
      })) as never[],
    );
    await commitments.collection.insertOne({
      _id: randomUUID(),
      agency: 'institute-funding',
      source: 'working-group',
      status: 'planned',
      dueOn: '2000-01-01',
      revisedDueOn: null,
    } as never);

    const res = await t.service.api('fund').get('/work');
    expect(res.status).toBe(200);
    expect(counts(res.body)).toEqual({
      'referrals-new': 0,
      'referrals-overdue': 0,
      'action-items-open': 1,
      'commitments-overdue': 1,
      'applications-to-review': 3,
    });
    expect(res.body.find((i: { kind: string }) => i.kind === 'applications-to-review').path).toBe('calls');
    // Asked since the last look, the application submitted after it is the new one.
    const since = await t.service.api('fund').get('/work?since=2026-03-15T00:00:00Z');
    expect(since.body.find((i: { kind: string }) => i.kind === 'applications-to-review')).toMatchObject({ count: 3, fresh: 1 });
  });

  it('answers nothing for readers and refuses other agencies', async () => {
    expect((await t.service.api('auditor').get('/work')).body).toEqual([]);
    expect((await t.service.api('relief').get('/work')).status).toBe(403);
  });
});
