import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReliefModels } from './deps.js';
import { reliefCollections } from './data/models.js';
import { addDays, dayOf } from './domain/days.js';
import { reliefPartnershipsService } from './service.js';

// Money goes only to households a clinic referred to relief: a direct request for a resident and household
// no clinic's referral named is kept (unverified) but neither approved nor disbursed — until a referral
// naming them reaches relief, which the check reads at the time of the approval or the disbursement.
let service: TestService<ReliefModels>;

beforeAll(async () => {
  service = await startTestService(reliefPartnershipsService);
});

afterAll(async () => {
  await service?.close();
});

const api = () => service.api('relief');
const today = () => dayOf(service.clock.now());
const terms = { months: 12, graceMonths: 1, feePercent: 4 };

/** A direct request of a certified, flagged resident whose means test passed: eligible, but for refs no clinic gave relief. */
async function eligibleUnverifiedRequest(kind: 'micro-loan' | 'grant' = 'micro-loan') {
  const residentRef = randomUUID();
  const householdRef = randomUUID();
  await service.deliver('vocational-training.enrolment.completed', {
    enrolmentId: randomUUID(), courseId: 'tvto-home-tailoring-1405', trade: 'tailoring', venue: { kind: 'clinic', id: 'clinic-sarasiab' }, residentRef, householdRef,
    neighbourhoodId: 'nbh-sarasiab', referralId: null, result: 'passed', certificateNo: 'TVTO-1405-78', completedAt: service.clock.now().toISOString(),
  });
  await service.deliver('welfare.eligibility.flagged', { flagId: randomUUID(), householdRef, flag: 'low-income', validUntil: addDays(today(), 90), flaggedAt: service.clock.now().toISOString() });
  const created = await api().post('/support-requests', {
    residentRef, householdRef, neighbourhoodId: 'nbh-sarasiab', kind, purpose: 'income-support', requestedRials: 100_000_000, businessPlan: 'home tailoring', meansTest: 'passed',
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ state: 'eligible', unverified: true });
  return { requestId: created.body.requestId as string, residentRef, householdRef };
}

/** The clinic's referral to relief naming the resident of the household reaches relief. */
const referred = (residentRef: string, householdRef: string) =>
  service.deliver('clinics.referral.made', {
    referralId: randomUUID(), trackingCode: 'ABCD-EFGH', agency: 'relief-partnerships', offerId: 'relief-partnerships-home-loan', clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab',
    residentRef, householdRef, needCategory: 'income-support', respondBy: addDays(today(), 7), madeAt: service.clock.now().toISOString(),
  });

const stored = async (requestId: string) => (await service.models.supportRequests.findById(requestId, { outbox: 0 }).lean())!;
const outbox = (requestId: string) => service.outboxOf(reliefCollections.requests, requestId);

function expectRefused(res: { status: number; body: { code?: string; detail?: string } }, ...refs: string[]) {
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('refs-unverified');
  expect(res.body.detail).toMatch(/no clinic has referred/);
  for (const ref of refs) expect(res.body.detail).not.toContain(ref);
}

describe('approving an unverified request', () => {
  it('is refused with 409 refs-unverified, changing nothing and publishing nothing', async () => {
    const { requestId, residentRef, householdRef } = await eligibleUnverifiedRequest();
    expectRefused(await api().post(`/support-requests/${requestId}/approve`, { amountRials: 100_000_000, terms }), residentRef, householdRef);
    const after = await stored(requestId);
    expect([after.state, after.decision, after.refsVerified]).toEqual(['eligible', null, false]);
    expect(await outbox(requestId)).toEqual([]);
  });

  it('is refused when a referral named only the household, with another resident', async () => {
    const { requestId, householdRef } = await eligibleUnverifiedRequest();
    await referred(randomUUID(), householdRef);
    expectRefused(await api().post(`/support-requests/${requestId}/approve`, { amountRials: 100_000_000, terms }));
    expect((await api().get(`/support-requests/${requestId}`)).body.unverified).toBe(true);
  });

  it('is allowed once a clinic’s referral naming the resident and household reaches relief, which then shows the request verified', async () => {
    const { requestId, residentRef, householdRef } = await eligibleUnverifiedRequest();
    await referred(residentRef, householdRef);
    expect((await api().get(`/support-requests/${requestId}`)).body.unverified).toBe(false);
    expect((await service.api('coordinator').get('/support-requests?limit=100')).body.find((r: { requestId: string }) => r.requestId === requestId).unverified).toBe(false);
    const approved = await api().post(`/support-requests/${requestId}/approve`, { amountRials: 100_000_000, terms });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', unverified: false });
  });

  it('still lets the officer reject an unverified request', async () => {
    const { requestId } = await eligibleUnverifiedRequest();
    const rejected = await api().post(`/support-requests/${requestId}/reject`, { reason: 'the clinic does not know these ids' });
    expect(rejected.body).toMatchObject({ state: 'rejected', unverified: true });
  });
});

describe('disbursing an unverified request', () => {
  /** Approved before approvals were checked: as a request stored then would be. */
  async function approvedUnverified() {
    const request = await eligibleUnverifiedRequest('grant');
    const decision = { decision: 'approved', amountRials: 100_000_000, reason: null, terms: null, decidedAt: service.clock.now(), decidedBy: 'relief.officer' };
    await service.models.supportRequests.updateOne({ _id: request.requestId }, { $set: { state: 'approved', decision } });
    return request;
  }

  it('is refused with 409 refs-unverified: no disbursement, no support.disbursed or benefit.granted', async () => {
    const { requestId, residentRef, householdRef } = await approvedUnverified();
    expectRefused(await api().post(`/support-requests/${requestId}/disburse`), residentRef, householdRef);
    const after = await stored(requestId);
    expect([after.state, after.disbursement]).toEqual(['approved', null]);
    expect(await outbox(requestId)).toEqual([]);
  });

  it('is allowed once a clinic’s referral naming the resident and household reaches relief', async () => {
    const { requestId, residentRef, householdRef } = await approvedUnverified();
    await referred(residentRef, householdRef);
    const paid = await api().post(`/support-requests/${requestId}/disburse`);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ state: 'disbursed', unverified: false });
    expect((await outbox(requestId)).map((e) => e.type)).toEqual(['relief-partnerships.support.disbursed', 'relief-partnerships.benefit.granted']);
  });
});
