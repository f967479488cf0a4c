import { randomUUID } from 'node:crypto';
import { testCallers } from '@hamgam/service-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { reliefCollections } from '../data/models.js';
import { addDays } from '../domain/days.js';
import { reliefPartnershipsService } from '../service.js';
import { reliefForTests, terms } from '../testing/harness.js';

// Home-business support requests through the API: submitted, judged on the facts of the day, decided, disbursed, repaid (see reliefForTests).
const { service, today, deliver, api, outboxOf, completion, flagged, direct, referred } = reliefForTests();
const requestCount = () => service().models.supportRequests.countDocuments({});

describe('a direct request', () => {
  it('is assessed at once: ineligible without facts, with the reasons', async () => {
    const res = await api('relief').post('/support-requests', direct());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'ineligible',
      status: 'ineligible',
      assessment: { eligible: false, reasons: ['no-certificate', 'no-welfare-flag', 'means-test-not-done'] },
      facts: { certificates: [], flags: [] },
    });
  });

  it('is marked unverified, in the record and the answer, for a resident and household no clinic referred to relief', async () => {
    const madeUp = await api('relief').post('/support-requests', direct());
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ unverified: true });
    expect((await service().models.supportRequests.findById(madeUp.body.requestId).lean())!.refsVerified).toBe(false);
    expect(
      (await api('coordinator').get('/support-requests?limit=100')).body.find(
        (r: { requestId: string }) => r.requestId === madeUp.body.requestId,
      ),
    ).toMatchObject({ unverified: true });

    // A pair a clinic's referral to relief named is verified; the same household with another resident is not.
    const made = {
      referralId: randomUUID(),
      trackingCode: 'K7QM-3XWA',
      agency: 'relief-partnerships',
      offerId: 'relief-partnerships-home-loan',
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      residentRef: randomUUID(),
      householdRef: randomUUID(),
      needCategory: 'income-support',
      respondBy: addDays(today(), 7),
      madeAt: service().clock.now().toISOString(),
    };
    await deliver('clinics.referral.made', made);
    const known = await api('relief').post('/support-requests', direct({ residentRef: made.residentRef, householdRef: made.householdRef }));
    expect(known.body).toMatchObject({ unverified: false });
    expect((await service().models.supportRequests.findById(known.body.requestId).lean())!.refsVerified).toBe(true);
    expect((await api('relief').post('/support-requests', direct({ householdRef: made.householdRef }))).body).toMatchObject({
      unverified: true,
    });
  });

  it('offers residents TVTO certified as candidates (with today’s eligibility) until a request is made for them', async () => {
    const residentRef = randomUUID();
    const householdRef = randomUUID();
    await deliver('vocational-training.enrolment.completed', completion(residentRef, { householdRef, neighbourhoodId: 'nbh-fajr' }));
    const candidate = async () =>
      (await api('relief').get('/support-candidates')).body.find((c: { residentRef: string }) => c.residentRef === residentRef);
    expect(await candidate()).toMatchObject({
      householdRef,
      neighbourhoodId: 'nbh-fajr',
      trade: 'tailoring',
      certificateNo: 'TVTO-1405-77',
      eligibleToday: false,
    });
    await deliver('welfare.eligibility.flagged', flagged(householdRef));
    expect((await candidate()).eligibleToday).toBe(true);
    const walkIn = randomUUID();
    await deliver('vocational-training.enrolment.completed', completion(walkIn));
    expect(
      (await api('coordinator').get('/support-candidates')).body.find((c: { residentRef: string }) => c.residentRef === walkIn),
    ).toMatchObject({ householdRef: null, eligibleToday: null });
    const created = await api('relief').post('/support-requests', {
      residentRef,
      householdRef,
      neighbourhoodId: 'nbh-fajr',
      kind: 'grant',
      purpose: 'employment',
      requestedRials: 1000,
      businessPlan: 'x',
    });
    expect(created.body.state).toBe('eligible');
    expect(await candidate()).toBeUndefined();
    expect((await api('welfare').get('/support-candidates')).status).toBe(403);
  });

  it('approves on the facts of the decision day even when the stored assessment lags behind them', async () => {
    const body = await referred(direct());
    const created = (await api('relief').post('/support-requests', body)).body;
    // Facts stored without the reassessment that normally follows them (as after a crash between the two).
    await service().models.facts.create({
      _id: `certificate:${randomUUID()}`,
      kind: 'certificate',
      residentRef: body.residentRef,
      householdRef: body.householdRef,
      neighbourhoodId: null,
      trade: 'tailoring',
      certificateNo: null,
      completedAt: service().clock.now(),
      flagId: null,
      flag: null,
      validUntil: null,
      flaggedAt: null,
      revokedAt: null,
      receivedAt: service().clock.now(),
      sourceEventId: 'test',
    });
    await api('relief').put(`/support-requests/${created.requestId}/means-test`, { meansTest: 'not-done' });
    const flagId = randomUUID();
    await service().models.facts.create({
      _id: `flag:${flagId}`,
      kind: 'flag',
      residentRef: null,
      householdRef: body.householdRef,
      neighbourhoodId: null,
      trade: null,
      certificateNo: null,
      completedAt: null,
      flagId,
      flag: 'low-income',
      validUntil: addDays(today(), 30),
      flaggedAt: service().clock.now(),
      revokedAt: null,
      receivedAt: service().clock.now(),
      sourceEventId: 'test',
    });
    expect((await service().models.supportRequests.findById(created.requestId).lean())!.state).toBe('ineligible');
    const approved = await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 1_000_000, terms });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', assessment: { eligible: true } });
  });

  it('refuses an approval once the flag expired before the decision day (409), and stores no decision', async () => {
    const body = await referred(direct());
    await deliver('vocational-training.enrolment.completed', completion(body.residentRef));
    await deliver('welfare.eligibility.flagged', flagged(body.householdRef, { validUntil: addDays(today(), 3) }));
    const created = (await api('relief').post('/support-requests', body)).body;
    expect(created.state).toBe('eligible');
    service().clock.advanceDays(5);
    try {
      const res = await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 300_000_000, terms });
      expect(res.body).toMatchObject({ status: 409, code: 'request-not-eligible', detail: expect.stringMatching(/not eligible today/) });
      const stored = (await service().models.supportRequests.findById(created.requestId).lean())!;
      expect([stored.state, stored.decision]).toEqual(['eligible', null]);
      expect(await outboxOf(reliefCollections.requests, created.requestId)).toEqual([]);
    } finally {
      service().clock.advanceDays(-5);
    }
  });
});

describe('a support request from a desk referral, decided, disbursed and repaid', () => {
  const referralId = randomUUID();
  const residentRef = randomUUID();
  const householdRef = randomUUID();
  let requestId = '';

  beforeAll(async () => {
    const offer = {
      offerId: 'relief-it-home-loan',
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
    };
    expect((await api('relief').post('/desk/offers', offer)).status).toBe(201);
    await deliver('clinics.referral.made', {
      referralId,
      trackingCode: 'K7QM-3XWA',
      agency: 'relief-partnerships',
      offerId: 'relief-it-home-loan',
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      residentRef,
      householdRef,
      needCategory: 'income-support',
      respondBy: addDays(today(), 7),
      madeAt: service().clock.now().toISOString(),
    });
    await deliver('vocational-training.enrolment.completed', completion(residentRef, { householdRef }));
    await deliver('welfare.eligibility.flagged', flagged(householdRef));
  });

  it('needs the referral accepted on the desk first (409), then takes the resident and household from it', async () => {
    const body = { referralId, kind: 'micro-loan', requestedRials: 240_000_000, businessPlan: 'tailoring' };
    expect((await api('relief').post('/support-requests', body)).body).toMatchObject({ status: 409, code: 'referral-not-accepted' });
    await api('relief').post(`/desk/referrals/${referralId}/accept`, { completeBy: addDays(today(), 60) });
    expect((await api('relief').get('/support-referrals')).body.map((r: { referralId: string }) => r.referralId)).toContain(referralId);
    const res = await api('relief').post('/support-requests', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      referralId,
      residentRef,
      householdRef,
      purpose: 'income-support',
      neighbourhoodId: 'nbh-sarasiab',
      state: 'eligible',
    });
    requestId = res.body.requestId;
    expect((await api('relief').get('/support-referrals')).body.map((r: { referralId: string }) => r.referralId)).not.toContain(referralId);
  });

  it('makes one request per referral (409) and refuses a resident given beside the referral (400)', async () => {
    const before = await requestCount();
    expect(
      (await api('relief').post('/support-requests', { referralId, kind: 'micro-loan', requestedRials: 1, businessPlan: 'again' })).body,
    ).toMatchObject({ status: 409, code: 'referral-has-request' });
    expect(
      (
        await api('relief').post('/support-requests', {
          referralId,
          residentRef: randomUUID(),
          kind: 'micro-loan',
          requestedRials: 1,
          businessPlan: 'x',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api('relief').post('/support-requests', {
          referralId: randomUUID(),
          kind: 'micro-loan',
          requestedRials: 1,
          businessPlan: 'x',
        })
      ).body,
    ).toMatchObject({ status: 404, code: 'referral-not-found' });
    expect(await requestCount()).toBe(before);
  });

  it('shows the household’s earlier benefit for the same purpose before approving', async () => {
    const benefit = {
      benefitId: randomUUID(),
      householdRef,
      residentRef: null,
      purpose: 'income-support',
      amountRials: 50_000_000,
      grantedAt: service().clock.now().toISOString(),
    };
    await deliver('institute-funding.benefit.granted', benefit);
    await deliver('institute-funding.benefit.granted', benefit);
    await deliver('institute-funding.benefit.granted', { ...benefit, benefitId: randomUUID(), purpose: 'skills-training' });
    const page = (await api('relief').get(`/support-requests/${requestId}`)).body;
    expect(page.duplicateBenefits).toBe(1);
    expect(page.priorBenefits).toEqual([
      expect.objectContaining({ benefitId: benefit.benefitId, source: 'institute-funding', householdRef, requestId: null }),
    ]);
  });

  it('refuses a loan without terms (422), a fee above 4 % or a negative amount (400), storing nothing', async () => {
    expect((await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 240_000_000 })).body).toMatchObject({
      status: 422,
      code: 'loan-terms-missing',
      field: 'terms',
    });
    expect(
      (await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 240_000_000, terms: { ...terms, feePercent: 5 } }))
        .status,
    ).toBe(400);
    expect((await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: -1, terms })).status).toBe(400);
    expect((await api('relief').post(`/support-requests/${requestId}/disburse`)).body).toMatchObject({
      status: 409,
      code: 'request-not-approved',
    });
    expect((await service().models.supportRequests.findById(requestId).lean())!.state).toBe('eligible');
    expect(await outboxOf(reliefCollections.requests, requestId)).toEqual([]);
  });

  it('approves: support.decided in the request’s own document', async () => {
    const res = await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 240_000_000, terms });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'approved', decision: { decision: 'approved', amountRials: 240_000_000, terms } });
    const events = await outboxOf(reliefCollections.requests, requestId);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['relief-partnerships.support.decided', { subject: testCallers.relief.sub, agency: 'relief-partnerships' }],
    ]);
    expect(events[0]!.data).toEqual({
      requestId,
      residentRef,
      householdRef,
      referralId,
      kind: 'micro-loan',
      decision: 'approved',
      amountRials: 240_000_000,
      decidedAt: expect.any(String),
    });
    expect((await api('relief').post(`/support-requests/${requestId}/reject`, { reason: 'changed mind' })).body).toMatchObject({
      status: 409,
      code: 'request-decided',
    });
  });

  it('disburses: support.disbursed + benefit.granted, a 12-month schedule, and the desk referral completed (achieved)', async () => {
    const res = await api('relief').post(`/support-requests/${requestId}/disburse`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'disbursed',
      status: 'disbursed',
      disbursement: { amountRials: 240_000_000, disbursedOn: today() },
    });
    expect(res.body.schedule.instalments).toHaveLength(12);
    expect(res.body.schedule.totalRials).toBe(240_000_000 + 9_600_000);
    const events = await outboxOf(reliefCollections.requests, requestId);
    expect(events.map((e) => e.type)).toEqual([
      'relief-partnerships.support.decided',
      'relief-partnerships.support.disbursed',
      'relief-partnerships.benefit.granted',
    ]);
    expect(events[2]!.data).toEqual({
      benefitId: res.body.disbursement.benefitId,
      householdRef,
      residentRef,
      purpose: 'income-support',
      amountRials: 240_000_000,
      grantedAt: expect.any(String),
    });
    const referral = (await service().models.referrals.findById(referralId).lean())!;
    expect([referral.state, referral.outcome]).toEqual(['completed', 'achieved']);
    expect((await outboxOf('desk_referrals', referralId)).map((e) => e.type)).toEqual([
      'relief-partnerships.referral.accepted',
      'relief-partnerships.referral.completed',
    ]);
    expect((await api('relief').post(`/support-requests/${requestId}/disburse`)).body).toMatchObject({
      status: 409,
      code: 'request-disbursed',
    });
  });

  it('flags the household funded twice for the same purpose (relief and institute funding)', async () => {
    const flags = (await api('coordinator').get('/benefit-flags')).body;
    const mine = flags.find((f: { householdRef: string }) => f.householdRef === householdRef);
    expect(mine.purpose).toBe('income-support');
    expect(mine.benefits.map((b: { source: string }) => b.source).sort()).toEqual(['institute-funding', 'relief-partnerships']);
    expect(JSON.stringify(flags)).not.toMatch(/name|nationalId/i);
  });

  it('records repayments, shows arrears by the clock, and is repaid when nothing is outstanding', async () => {
    const page = (await api('relief').get(`/support-requests/${requestId}`)).body;
    const first = page.schedule.instalments[0];
    expect(
      (
        await api('relief').post(`/support-requests/${requestId}/repayments`, {
          amountRials: first.amountRials,
          paidOn: addDays(today(), 1),
        })
      ).body,
    ).toMatchObject({ status: 422, code: 'repayment-in-future', field: 'paidOn' });
    expect(
      (
        await api('relief').post(`/support-requests/${requestId}/repayments`, {
          amountRials: page.schedule.totalRials + 1,
          paidOn: today(),
        })
      ).body,
    ).toMatchObject({ status: 422, code: 'repayment-over-outstanding', field: 'amountRials' });
    const paid = await api('relief').post(`/support-requests/${requestId}/repayments`, { amountRials: first.amountRials, paidOn: today() });
    expect(paid.body).toMatchObject({ state: 'repaying', status: 'repaying', arrears: { paidRials: first.amountRials, arrearsRials: 0 } });
    service().clock.advanceDays(100); // past the 2nd and 3rd due days (first due after 1 month's grace + 1)
    try {
      const late = (await api('relief').get(`/support-requests/${requestId}`)).body;
      expect(late.status).toBe('in-arrears');
      expect(late.arrears.overdueInstalments).toBeGreaterThanOrEqual(1);
      expect((await api('relief').get('/support-requests?state=in-arrears')).body.map((r: { requestId: string }) => r.requestId)).toContain(
        requestId,
      );
      const rest = late.arrears.outstandingRials;
      const done = await api('relief').post(`/support-requests/${requestId}/repayments`, { amountRials: rest, paidOn: today() });
      expect(done.body).toMatchObject({ state: 'repaid', status: 'repaid', arrears: { outstandingRials: 0, arrearsRials: 0 } });
      expect(
        (await api('relief').post(`/support-requests/${requestId}/repayments`, { amountRials: 1, paidOn: today() })).body,
      ).toMatchObject({ status: 422, code: 'repayment-over-outstanding', field: 'amountRials' });
      const visit = await api('relief').post(`/support-requests/${requestId}/follow-ups`, {
        visitedOn: today(),
        operating: true,
        note: 'running',
      });
      expect(visit.body.followUps).toEqual([expect.objectContaining({ operating: true, note: 'running' })]);
    } finally {
      service().clock.advanceDays(-100);
    }
  });
});

describe('start-up repair', () => {
  it('completes the referral of a disbursed request whose second write (the desk referral) was lost', async () => {
    const referralId = randomUUID();
    await deliver('clinics.referral.made', {
      referralId,
      trackingCode: 'ABCD-EFGH',
      agency: 'relief-partnerships',
      offerId: 'relief-it-home-loan',
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      residentRef: randomUUID(),
      householdRef: randomUUID(),
      needCategory: 'income-support',
      respondBy: addDays(today(), 7),
      madeAt: service().clock.now().toISOString(),
    });
    await api('relief').post(`/desk/referrals/${referralId}/accept`, { completeBy: addDays(today(), 30) });
    const created = (
      await api('relief').post('/support-requests', {
        referralId,
        kind: 'micro-loan',
        requestedRials: 1000,
        businessPlan: 'x',
        meansTest: 'passed',
      })
    ).body;
    // As if the service stopped right after the disbursement's own write.
    await service().models.supportRequests.updateOne({ _id: created.requestId }, { $set: { state: 'disbursed' } });
    expect((await service().models.referrals.findById(referralId).lean())!.state).toBe('accepted');
    await reliefPartnershipsService.reference!(service().models, service().deps);
    const referral = (await service().models.referrals.findById(referralId).lean())!;
    expect([referral.state, referral.outcome]).toEqual(['completed', 'achieved']);
    await reliefPartnershipsService.reference!(service().models, service().deps);
    expect((await outboxOf('desk_referrals', referralId)).filter((e) => e.type === 'relief-partnerships.referral.completed')).toHaveLength(
      1,
    );
  });
});

describe('grants, rejections and refusals', () => {
  it('a grant has no schedule and takes no repayments; a follow-up only after disbursement', async () => {
    const body = await referred(direct({ kind: 'grant', meansTest: 'passed' }));
    await deliver('vocational-training.enrolment.completed', completion(body.residentRef));
    const created = (await api('relief').post('/support-requests', body)).body;
    expect(
      (await api('relief').post(`/support-requests/${created.requestId}/follow-ups`, { visitedOn: today(), operating: true })).body,
    ).toMatchObject({ status: 409, code: 'follow-up-before-disbursement' });
    expect(
      (await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 100_000_000, terms })).body,
    ).toMatchObject({ status: 422, code: 'terms-not-for-loan', field: 'terms' });
    await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 100_000_000 });
    const disbursed = (await api('relief').post(`/support-requests/${created.requestId}/disburse`)).body;
    expect([disbursed.state, disbursed.schedule]).toEqual(['disbursed', null]);
    expect(
      (await api('relief').post(`/support-requests/${created.requestId}/repayments`, { amountRials: 10, paidOn: today() })).body,
    ).toMatchObject({ status: 409, code: 'not-a-disbursed-loan' });
  });

  it('rejects an ineligible request with its reason (support.decided rejected, amount 0); it cannot be approved after', async () => {
    const created = (await api('relief').post('/support-requests', await referred(direct()))).body;
    expect((await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 10, terms })).body).toMatchObject({
      status: 409,
      code: 'request-not-eligible',
    });
    const res = await api('relief').post(`/support-requests/${created.requestId}/reject`, { reason: 'no certificate yet' });
    expect(res.body).toMatchObject({ state: 'rejected', decision: { decision: 'rejected', reason: 'no certificate yet', amountRials: 0 } });
    expect((await outboxOf(reliefCollections.requests, created.requestId)).map((e) => (e.data as { decision: string }).decision)).toEqual([
      'rejected',
    ]);
    expect((await api('relief').put(`/support-requests/${created.requestId}/means-test`, { meansTest: 'passed' })).body).toMatchObject({
      status: 409,
      code: 'request-decided',
    });
  });

  it('lets only relief officers act on requests; Basij, coordinators and auditors read; others are refused', async () => {
    const before = await requestCount();
    for (const who of ['basij', 'coordinator', 'auditor', 'welfare', 'worker'] as const)
      expect((await api(who).post('/support-requests', direct())).status, who).toBe(403);
    expect((await api().post('/support-requests', direct())).status).toBe(401);
    expect(await requestCount()).toBe(before);
    for (const who of ['basij', 'coordinator', 'auditor'] as const) expect((await api(who).get('/support-requests')).status, who).toBe(200);
    for (const who of ['welfare', 'worker'] as const) expect((await api(who).get('/support-requests')).status, who).toBe(403);
    expect((await api().get('/benefit-flags')).status).toBe(401);
    const id = (await service().models.supportRequests.findOne({}).lean())!._id;
    expect((await api('basij').post(`/support-requests/${id}/reject`, { reason: 'x' })).status).toBe(403);
    expect((await api('coordinator').post(`/support-requests/${id}/disburse`)).status).toBe(403);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const before = await requestCount();
    const bad = [
      direct({ requestedRials: 1.5 }),
      direct({ kind: 'cash' }),
      direct({ extra: true }),
      direct({ residentRef: 'not-a-uuid' }),
      direct({ businessPlan: { $gt: '' } }),
      { ...direct(), householdRef: undefined },
      direct({ purpose: undefined }),
    ];
    for (const body of bad) expect((await api('relief').post('/support-requests', body)).status, JSON.stringify(body)).toBe(400);
    expect(await requestCount()).toBe(before);
    expect((await api('relief').get('/support-requests/not-a-uuid')).status).toBe(400);
    expect((await api('relief').get(`/support-requests/${randomUUID()}`)).status).toBe(404);
  });
});

// Money goes only to households a clinic referred to relief: a direct request for a resident and household
// no clinic's referral named is kept (unverified) but neither approved nor disbursed — until a referral
// naming them reaches relief, which the check reads at the time of the approval or the disbursement.

/** A direct request of a certified, flagged resident whose means test passed: eligible, but for refs no clinic gave relief. */
async function eligibleUnverifiedRequest(kind: 'micro-loan' | 'grant' = 'micro-loan') {
  const residentRef = randomUUID();
  const householdRef = randomUUID();
  await deliver('vocational-training.enrolment.completed', completion(residentRef, { householdRef }));
  await deliver('welfare.eligibility.flagged', flagged(householdRef));
  const created = await api('relief').post('/support-requests', {
    residentRef,
    householdRef,
    neighbourhoodId: 'nbh-sarasiab',
    kind,
    purpose: 'income-support',
    requestedRials: 100_000_000,
    businessPlan: 'home tailoring',
    meansTest: 'passed',
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ state: 'eligible', unverified: true });
  return { requestId: created.body.requestId as string, residentRef, householdRef };
}

const stored = async (requestId: string) => (await service().models.supportRequests.findById(requestId, { outbox: 0 }).lean())!;
const outbox = (requestId: string) => outboxOf(reliefCollections.requests, requestId);

function expectRefused(res: { status: number; body: { code?: string; detail?: string } }, ...refs: string[]) {
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('refs-unverified');
  expect(res.body.detail).toMatch(/no clinic has referred/);
  for (const ref of refs) expect(res.body.detail).not.toContain(ref);
}

describe('approving an unverified request', () => {
  it('is refused with 409 refs-unverified, changing nothing and publishing nothing', async () => {
    const { requestId, residentRef, householdRef } = await eligibleUnverifiedRequest();
    expectRefused(
      await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 100_000_000, terms }),
      residentRef,
      householdRef,
    );
    const after = await stored(requestId);
    expect([after.state, after.decision, after.refsVerified]).toEqual(['eligible', null, false]);
    expect(await outbox(requestId)).toEqual([]);
  });

  it('is refused when a referral named only the household, with another resident', async () => {
    const { requestId, householdRef } = await eligibleUnverifiedRequest();
    await referred({ residentRef: randomUUID(), householdRef });
    expectRefused(await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 100_000_000, terms }));
    expect((await api('relief').get(`/support-requests/${requestId}`)).body.unverified).toBe(true);
  });

  it('is allowed once a clinic’s referral naming the resident and household reaches relief, which then shows the request verified', async () => {
    const { requestId, residentRef, householdRef } = await eligibleUnverifiedRequest();
    await referred({ residentRef: residentRef, householdRef: householdRef });
    expect((await api('relief').get(`/support-requests/${requestId}`)).body.unverified).toBe(false);
    expect(
      (await api('coordinator').get('/support-requests?limit=100')).body.find((r: { requestId: string }) => r.requestId === requestId)
        .unverified,
    ).toBe(false);
    const approved = await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 100_000_000, terms });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', unverified: false });
  });

  it('still lets the officer reject an unverified request', async () => {
    const { requestId } = await eligibleUnverifiedRequest();
    const rejected = await api('relief').post(`/support-requests/${requestId}/reject`, { reason: 'the clinic does not know these ids' });
    expect(rejected.body).toMatchObject({ state: 'rejected', unverified: true });
  });
});

describe('disbursing an unverified request', () => {
  /** Approved before approvals were checked: as a request stored then would be. */
  async function approvedUnverified() {
    const request = await eligibleUnverifiedRequest('grant');
    const decision = {
      decision: 'approved',
      amountRials: 100_000_000,
      reason: null,
      terms: null,
      decidedAt: service().clock.now(),
      decidedBy: 'relief.officer',
    };
    await service().models.supportRequests.updateOne({ _id: request.requestId }, { $set: { state: 'approved', decision } });
    return request;
  }

  it('is refused with 409 refs-unverified: no disbursement, no support.disbursed or benefit.granted', async () => {
    const { requestId, residentRef, householdRef } = await approvedUnverified();
    expectRefused(await api('relief').post(`/support-requests/${requestId}/disburse`), residentRef, householdRef);
    const after = await stored(requestId);
    expect([after.state, after.disbursement]).toEqual(['approved', null]);
    expect(await outbox(requestId)).toEqual([]);
  });

  it('is allowed once a clinic’s referral naming the resident and household reaches relief', async () => {
    const { requestId, residentRef, householdRef } = await approvedUnverified();
    await referred({ residentRef: residentRef, householdRef: householdRef });
    const paid = await api('relief').post(`/support-requests/${requestId}/disburse`);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ state: 'disbursed', unverified: false });
    expect((await outbox(requestId)).map((e) => e.type)).toEqual([
      'relief-partnerships.support.disbursed',
      'relief-partnerships.benefit.granted',
    ]);
  });
});
