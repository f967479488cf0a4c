import { demoReferrals } from '@hamgam/demo-data';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../testing/harness.js';
import { seedReferralsDemo } from './demo-referrals.js';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe('demo referrals and calendars seed', () => {
  it('stores every demo referral and four weeks of calendar per clinic, once', async () => {
    await seedReferralsDemo(h.deps);
    await seedReferralsDemo(h.deps);
    expect(await h.models.referrals.countDocuments()).toBe(demoReferrals.length);
    expect(await h.models.slots.countDocuments()).toBe(4 * 5);
    // Historical referrals: the agencies' seeds hold the same stories, so no event is sent for them.
    const stored = await h.models.referrals.find({}, { outbox: 1 }).limit(1000).lean();
    expect(stored.map((r) => r.outbox.length)).toEqual(demoReferrals.map(() => 0));
  });

  it('shows each clinic its referrals in every state, two overdue, and residents can track them', async () => {
    const worker = await h.token({ roles: ['clinic-worker'], clinicIds: ['clinic-motahari'], neighbourhoodIds: ['nbh-motahari'] });
    const summary = await request(h.app).get('/api/v1/referrals/summary').set('Authorization', `Bearer ${worker}`);
    expect(summary.body).toEqual([
      { clinicId: 'clinic-motahari', open: 4, overdue: 2, byState: { sent: 2, accepted: 2, declined: 1, completed: 2, withdrawn: 1 } },
    ]);
    const accepted = demoReferrals.find((r) => r.clinicId === 'clinic-motahari' && r.accepted && !r.completed)!;
    const page = await request(h.app).get(`/api/v1/tracking/${accepted.trackingCode}`);
    expect(page.body.status).toBe('accepted');
  });
});
