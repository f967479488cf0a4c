import { randomUUID } from 'node:crypto';
import { addDays } from '../domain/days.js';
import { walkPages } from '@hamgam/service-kit/testing';
import { describe, expect, it } from 'vitest';
import { fillRequestNumbers } from '../app/support.js';
import { reliefForTests } from '../testing/harness.js';

// Issue 10: a request is read and found by its number (never its id) or its referral's tracking code; the
// list is narrowed by kind, need and place, newest or oldest first, paged.
const { service, api, direct, referred, today } = reliefForTests();

const submit = async (extra: object = {}) => {
  const res = await api('relief').post('/support-requests', direct(extra));
  expect(res.status).toBe(201);
  return res.body as { requestId: string; requestNumber: string };
};
const ids = (body: { requestId: string }[]) => body.map((r) => r.requestId);

describe('the support requests list', () => {
  it('gives each request a number (RL-XXXX-XXXX, never its id) and finds it by the number typed whole, begun or in lower case', async () => {
    const mine = await submit();
    const other = await submit();
    expect(mine.requestNumber).toMatch(/^RL-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    for (const q of [mine.requestNumber, mine.requestNumber.toLowerCase().replace(/-/g, ' '), mine.requestNumber.slice(0, 7)]) {
      const res = await api('relief').get(`/support-requests?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(ids(res.body)).toContain(mine.requestId);
    }
    expect(ids((await api('relief').get(`/support-requests?q=${mine.requestNumber}`)).body)).not.toContain(other.requestId);
    // A name or an operator finds nothing; it is no error.
    expect((await api('relief').get(`/support-requests?q=${encodeURIComponent('علی')}`)).body).toEqual([]);
  });

  it('finds a request made from a referral by the referral’s tracking code and shows that code', async () => {
    expect(
      (
        await api('relief').post('/desk/offers', {
          offerId: 'relief-list-home-loan',
          kind: 'micro-loan',
          title: { fa: 'وام خرد', en: 'Micro-loan' },
          eligibility: { fa: 'گواهی مهارت', en: 'A skills certificate' },
          answers: ['income-support'],
          neighbourhoodIds: [],
          place: { fa: 'کمیته امداد', en: 'Relief Committee' },
          schedule: { fa: '۱۲ ماهه', en: '12 months' },
          startsOn: null,
          endsOn: null,
          capacity: 5,
          available: 5,
          status: 'open',
        })
      ).status,
    ).toBe(201);
    const referralId = randomUUID();
    await referred(
      { residentRef: randomUUID(), householdRef: randomUUID() },
      { referralId, trackingCode: 'QX9M-7RTA', offerId: 'relief-list-home-loan' },
    );
    expect((await api('relief').post(`/desk/referrals/${referralId}/accept`, { completeBy: addDays(today(), 60) })).status).toBe(200);
    const made = await api('relief').post('/support-requests', {
      referralId,
      kind: 'micro-loan',
      requestedRials: 240_000_000,
      businessPlan: 'tailoring',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ trackingCode: 'QX9M-7RTA', requestNumber: expect.stringMatching(/^RL-/) });
    const res = await api('relief').get('/support-requests?q=qx9m7');
    expect(res.body).toEqual([expect.objectContaining({ requestId: made.body.requestId, trackingCode: 'QX9M-7RTA' })]);
  });

  it('narrows by kind, need and neighbourhood and lists oldest first on request, paged', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      service().clock.setTo(new Date(service().clock.now().getTime() + 60_000));
      made.push((await submit({ kind: 'equipment', purpose: 'workshop-space', neighbourhoodId: 'nbh-motahari' })).requestId);
    }
    await submit({ kind: 'equipment', purpose: 'workshop-space', neighbourhoodId: 'nbh-fajr' });
    await submit({ kind: 'grant', purpose: 'workshop-space', neighbourhoodId: 'nbh-motahari' });
    const walk = await walkPages<{ requestId: string }>(
      (path) => api('relief').get(path),
      '/support-requests?kind=equipment&purpose=workshop-space&neighbourhoodId=nbh-motahari&order=asc',
      2,
    );
    expect(walk.items.map((r) => r.requestId)).toEqual(made);
    const newest = await api('relief').get('/support-requests?kind=equipment&purpose=workshop-space&neighbourhoodId=nbh-motahari');
    expect(ids(newest.body)).toEqual([...made].reverse());
  });

  it('gives requests stored before numbers their number at start', async () => {
    const { requestId } = await submit();
    await service().models.supportRequests.updateOne({ _id: requestId }, { $unset: { requestNumber: 1 } });
    await fillRequestNumbers(service().deps);
    expect((await service().models.supportRequests.findById(requestId).lean())!.requestNumber).toMatch(/^RL-/);
  });
});
