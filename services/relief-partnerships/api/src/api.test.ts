import { randomUUID } from 'node:crypto';
import type { EventType } from '@hamgam/contracts';
import type { AdjustableClock } from '@hamgam/service-kit';
import { startTestService, testCallers, type TestCaller as Caller, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReliefModels } from './deps.js';
import { reliefCollections } from './data/models.js';
import { addDays, dayOf } from './domain/days.js';
import { reliefPartnershipsService } from './service.js';

// The composed relief-partnerships service on a throw-away FerretDB/MongoDB database, local signing keys and
// no broker: events are read from the documents' outboxes and consumed by calling the subscriptions.
let service: TestService<ReliefModels>;
let clock: AdjustableClock;

beforeAll(async () => {
  service = await startTestService(reliefPartnershipsService);
  clock = service.clock;
});

afterAll(async () => {
  await service?.close();
});

const api = (caller?: Caller) => service.api(caller);
const deliver = (type: EventType, data: object, id?: string) => service.deliver(type, data, { id });
const outboxOf = (collection: string, id: string) => service.outboxOf(collection, id);

const today = () => dayOf(clock.now());
const completion = (residentRef: string, extra: object = {}) => ({
  enrolmentId: randomUUID(), courseId: 'tvto-home-tailoring-1405', trade: 'tailoring', venue: { kind: 'clinic', id: 'clinic-sarasiab' }, residentRef, householdRef: null,
  neighbourhoodId: 'nbh-sarasiab', referralId: null, result: 'passed', certificateNo: 'TVTO-1405-77', completedAt: clock.now().toISOString(), ...extra,
});
const flagged = (householdRef: string, extra: object = {}) => ({ flagId: randomUUID(), householdRef, flag: 'low-income', validUntil: addDays(today(), 90), flaggedAt: clock.now().toISOString(), ...extra });
const direct = (extra: object = {}) => ({
  residentRef: randomUUID(), householdRef: randomUUID(), neighbourhoodId: 'nbh-sarasiab', kind: 'micro-loan', purpose: 'income-support', requestedRials: 300_000_000, businessPlan: 'home tailoring', ...extra,
});
const terms = { months: 12, graceMonths: 1, feePercent: 4 };
/** A clinic's referral to relief naming the request's resident and household arrives: money may then go to them. */
const referred = async <B extends { residentRef: string; householdRef: string }>(body: B): Promise<B> => {
  await deliver('clinics.referral.made', {
    referralId: randomUUID(), trackingCode: 'K7QM-3XWA', agency: 'relief-partnerships', offerId: 'relief-partnerships-home-loan', clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab',
    residentRef: body.residentRef, householdRef: body.householdRef, needCategory: 'income-support', respondBy: addDays(today(), 7), madeAt: clock.now().toISOString(),
  });
  return body;
};
const requestCount = () => service.models.supportRequests.countDocuments({});

describe('eligibility drawn from TVTO and welfare events', () => {
  it('a direct request is assessed at once: ineligible without facts, with the reasons', async () => {
    const res = await api('relief').post('/support-requests', direct());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'ineligible', status: 'ineligible', assessment: { eligible: false, reasons: ['no-certificate', 'no-welfare-flag', 'means-test-not-done'] }, facts: { certificates: [], flags: [] } });
  });

  it('marks a direct request for a resident and household no clinic referred to relief as unverified, in the record and the answer', async () => {
    const madeUp = await api('relief').post('/support-requests', direct());
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ unverified: true });
    expect((await service.models.supportRequests.findById(madeUp.body.requestId).lean())!.refsVerified).toBe(false);
    expect((await api('coordinator').get('/support-requests?limit=100')).body.find((r: { requestId: string }) => r.requestId === madeUp.body.requestId)).toMatchObject({ unverified: true });

    // A pair a clinic's referral to relief named is verified; the same household with another resident is not.
    const made = {
      referralId: randomUUID(), trackingCode: 'K7QM-3XWA', agency: 'relief-partnerships', offerId: 'relief-partnerships-home-loan', clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab',
      residentRef: randomUUID(), householdRef: randomUUID(), needCategory: 'income-support', respondBy: addDays(today(), 7), madeAt: clock.now().toISOString(),
    };
    await deliver('clinics.referral.made', made);
    const known = await api('relief').post('/support-requests', direct({ residentRef: made.residentRef, householdRef: made.householdRef }));
    expect(known.body).toMatchObject({ unverified: false });
    expect((await service.models.supportRequests.findById(known.body.requestId).lean())!.refsVerified).toBe(true);
    expect((await api('relief').post('/support-requests', direct({ householdRef: made.householdRef }))).body).toMatchObject({ unverified: true });
  });

  it('becomes eligible as a completion and a flag arrive (in any order, each counted once), and ineligible when the flag is revoked', async () => {
    const body = direct();
    const created = (await api('relief').post('/support-requests', body)).body;
    const flag = flagged(body.householdRef);
    const first = await deliver('welfare.eligibility.flagged', flag);
    await deliver('welfare.eligibility.flagged', flag, first.id);
    await deliver('welfare.eligibility.flagged', flag);
    expect((await api('relief').get(`/support-requests/${created.requestId}`)).body.state).toBe('ineligible');
    // A failed course is no certificate; a passed one is.
    await deliver('vocational-training.enrolment.completed', completion(body.residentRef, { result: 'failed', certificateNo: null }));
    expect((await api('relief').get(`/support-requests/${created.requestId}`)).body.state).toBe('ineligible');
    const passed = completion(body.residentRef);
    await deliver('vocational-training.enrolment.completed', passed);
    await deliver('vocational-training.enrolment.completed', passed);
    const eligible = (await api('relief').get(`/support-requests/${created.requestId}`)).body;
    expect(eligible).toMatchObject({ state: 'eligible', assessment: { eligible: true, validFlags: ['low-income'] }, eligibleToday: { eligible: true } });
    expect(eligible.facts.certificates).toHaveLength(1);
    expect(eligible.facts.flags).toEqual([expect.objectContaining({ flagId: flag.flagId, status: 'valid' })]);
    await deliver('welfare.eligibility.revoked', { flagId: flag.flagId, householdRef: body.householdRef, flag: 'low-income', revokedAt: clock.now().toISOString() });
    const revoked = (await api('relief').get(`/support-requests/${created.requestId}`)).body;
    expect(revoked).toMatchObject({ state: 'ineligible', assessment: { reasons: ['certificate', 'welfare-flag-revoked', 'means-test-not-done'] } });
  });

  it('keeps a flag revoked when its revocation arrived first', async () => {
    const body = direct();
    await deliver('vocational-training.enrolment.completed', completion(body.residentRef));
    const flag = flagged(body.householdRef);
    await deliver('welfare.eligibility.revoked', { flagId: flag.flagId, householdRef: body.householdRef, flag: 'low-income', revokedAt: clock.now().toISOString() });
    await deliver('welfare.eligibility.flagged', flag);
    const created = (await api('relief').post('/support-requests', body)).body;
    expect(created.state).toBe('ineligible');
    expect(created.facts.flags).toEqual([expect.objectContaining({ flag: 'low-income', status: 'revoked' })]);
    // The committee's own means test carries the certified resident.
    const tested = await api('relief').put(`/support-requests/${created.requestId}/means-test`, { meansTest: 'passed' });
    expect(tested.body).toMatchObject({ state: 'eligible', meansTest: 'passed' });
  });

  it('offers residents TVTO certified as candidates (with today’s eligibility) until a request is made for them', async () => {
    const residentRef = randomUUID();
    const householdRef = randomUUID();
    await deliver('vocational-training.enrolment.completed', completion(residentRef, { householdRef, neighbourhoodId: 'nbh-fajr' }));
    const candidate = async () => (await api('relief').get('/support-candidates')).body.find((c: { residentRef: string }) => c.residentRef === residentRef);
    expect(await candidate()).toMatchObject({ householdRef, neighbourhoodId: 'nbh-fajr', trade: 'tailoring', certificateNo: 'TVTO-1405-77', eligibleToday: false });
    await deliver('welfare.eligibility.flagged', flagged(householdRef));
    expect((await candidate()).eligibleToday).toBe(true);
    const walkIn = randomUUID();
    await deliver('vocational-training.enrolment.completed', completion(walkIn));
    expect((await api('coordinator').get('/support-candidates')).body.find((c: { residentRef: string }) => c.residentRef === walkIn)).toMatchObject({ householdRef: null, eligibleToday: null });
    const created = await api('relief').post('/support-requests', { residentRef, householdRef, neighbourhoodId: 'nbh-fajr', kind: 'grant', purpose: 'employment', requestedRials: 1000, businessPlan: 'x' });
    expect(created.body.state).toBe('eligible');
    expect(await candidate()).toBeUndefined();
    expect((await api('welfare').get('/support-candidates')).status).toBe(403);
  });

  it('approves on the facts of the decision day even when the stored assessment lags behind them', async () => {
    const body = await referred(direct());
    const created = (await api('relief').post('/support-requests', body)).body;
    // Facts stored without the reassessment that normally follows them (as after a crash between the two).
    await service.models.facts.create({ _id: `certificate:${randomUUID()}`, kind: 'certificate', residentRef: body.residentRef, householdRef: body.householdRef, neighbourhoodId: null, trade: 'tailoring', certificateNo: null, completedAt: clock.now(), flagId: null, flag: null, validUntil: null, flaggedAt: null, revokedAt: null, receivedAt: clock.now(), sourceEventId: 'test' });
    await api('relief').put(`/support-requests/${created.requestId}/means-test`, { meansTest: 'not-done' });
    const flagId = randomUUID();
    await service.models.facts.create({ _id: `flag:${flagId}`, kind: 'flag', residentRef: null, householdRef: body.householdRef, neighbourhoodId: null, trade: null, certificateNo: null, completedAt: null, flagId, flag: 'low-income', validUntil: addDays(today(), 30), flaggedAt: clock.now(), revokedAt: null, receivedAt: clock.now(), sourceEventId: 'test' });
    expect((await service.models.supportRequests.findById(created.requestId).lean())!.state).toBe('ineligible');
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
    clock.advanceDays(5);
    try {
      const res = await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 300_000_000, terms });
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/not eligible today/);
      const stored = (await service.models.supportRequests.findById(created.requestId).lean())!;
      expect([stored.state, stored.decision]).toEqual(['eligible', null]);
      expect(await outboxOf(reliefCollections.requests, created.requestId)).toEqual([]);
    } finally {
      clock.advanceDays(-5);
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
      offerId: 'relief-it-home-loan', kind: 'micro-loan', title: { fa: 'وام خرد', en: 'Micro-loan' }, eligibility: { fa: 'گواهی مهارت', en: 'A skills certificate' }, answers: ['income-support'],
      neighbourhoodIds: [], place: { fa: 'کمیته امداد', en: 'Relief Committee' }, schedule: { fa: '۱۲ ماهه', en: '12 months' }, startsOn: null, endsOn: null, capacity: 5, available: 5, status: 'open',
    };
    expect((await api('relief').post('/desk/offers', offer)).status).toBe(201);
    await deliver('clinics.referral.made', {
      referralId, trackingCode: 'K7QM-3XWA', agency: 'relief-partnerships', offerId: 'relief-it-home-loan', clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab',
      residentRef, householdRef, needCategory: 'income-support', respondBy: addDays(today(), 7), madeAt: clock.now().toISOString(),
    });
    await deliver('vocational-training.enrolment.completed', completion(residentRef, { householdRef }));
    await deliver('welfare.eligibility.flagged', flagged(householdRef));
  });

  it('needs the referral accepted on the desk first (409), then takes the resident and household from it', async () => {
    const body = { referralId, kind: 'micro-loan', requestedRials: 240_000_000, businessPlan: 'tailoring' };
    expect((await api('relief').post('/support-requests', body)).status).toBe(409);
    await api('relief').post(`/desk/referrals/${referralId}/accept`, { completeBy: addDays(today(), 60) });
    expect((await api('relief').get('/support-referrals')).body.map((r: { referralId: string }) => r.referralId)).toContain(referralId);
    const res = await api('relief').post('/support-requests', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ referralId, residentRef, householdRef, purpose: 'income-support', neighbourhoodId: 'nbh-sarasiab', state: 'eligible' });
    requestId = res.body.requestId;
    expect((await api('relief').get('/support-referrals')).body.map((r: { referralId: string }) => r.referralId)).not.toContain(referralId);
  });

  it('makes one request per referral (409) and refuses a resident given beside the referral (400)', async () => {
    const before = await requestCount();
    expect((await api('relief').post('/support-requests', { referralId, kind: 'micro-loan', requestedRials: 1, businessPlan: 'again' })).status).toBe(409);
    expect((await api('relief').post('/support-requests', { referralId, residentRef: randomUUID(), kind: 'micro-loan', requestedRials: 1, businessPlan: 'x' })).status).toBe(400);
    expect((await api('relief').post('/support-requests', { referralId: randomUUID(), kind: 'micro-loan', requestedRials: 1, businessPlan: 'x' })).status).toBe(404);
    expect(await requestCount()).toBe(before);
  });

  it('shows the household’s earlier benefit for the same purpose before approving', async () => {
    const benefit = { benefitId: randomUUID(), householdRef, residentRef: null, purpose: 'income-support', amountRials: 50_000_000, grantedAt: clock.now().toISOString() };
    await deliver('institute-funding.benefit.granted', benefit);
    await deliver('institute-funding.benefit.granted', benefit);
    await deliver('institute-funding.benefit.granted', { ...benefit, benefitId: randomUUID(), purpose: 'skills-training' });
    const page = (await api('relief').get(`/support-requests/${requestId}`)).body;
    expect(page.duplicateBenefits).toBe(1);
    expect(page.priorBenefits).toEqual([expect.objectContaining({ benefitId: benefit.benefitId, source: 'institute-funding', householdRef, requestId: null })]);
  });

  it('refuses a loan without terms, terms for the wrong kind and a fee above 4 % (400), storing nothing', async () => {
    expect((await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 240_000_000 })).status).toBe(400);
    expect((await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 240_000_000, terms: { ...terms, feePercent: 5 } })).status).toBe(400);
    expect((await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: -1, terms })).status).toBe(400);
    expect((await api('relief').post(`/support-requests/${requestId}/disburse`)).status).toBe(409);
    expect((await service.models.supportRequests.findById(requestId).lean())!.state).toBe('eligible');
    expect(await outboxOf(reliefCollections.requests, requestId)).toEqual([]);
  });

  it('approves: support.decided in the request’s own document', async () => {
    const res = await api('relief').post(`/support-requests/${requestId}/approve`, { amountRials: 240_000_000, terms });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'approved', decision: { decision: 'approved', amountRials: 240_000_000, terms } });
    const events = await outboxOf(reliefCollections.requests, requestId);
    expect(events.map((e) => [e.type, e.actor])).toEqual([['relief-partnerships.support.decided', { subject: testCallers.relief.sub, agency: 'relief-partnerships' }]]);
    expect(events[0]!.data).toEqual({ requestId, residentRef, householdRef, referralId, kind: 'micro-loan', decision: 'approved', amountRials: 240_000_000, decidedAt: expect.any(String) });
    expect((await api('relief').post(`/support-requests/${requestId}/reject`, { reason: 'changed mind' })).status).toBe(409);
  });

  it('disburses: support.disbursed + benefit.granted, a 12-month schedule, and the desk referral completed (achieved)', async () => {
    const res = await api('relief').post(`/support-requests/${requestId}/disburse`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'disbursed', status: 'disbursed', disbursement: { amountRials: 240_000_000, disbursedOn: today() } });
    expect(res.body.schedule.instalments).toHaveLength(12);
    expect(res.body.schedule.totalRials).toBe(240_000_000 + 9_600_000);
    const events = await outboxOf(reliefCollections.requests, requestId);
    expect(events.map((e) => e.type)).toEqual(['relief-partnerships.support.decided', 'relief-partnerships.support.disbursed', 'relief-partnerships.benefit.granted']);
    expect(events[2]!.data).toEqual({ benefitId: res.body.disbursement.benefitId, householdRef, residentRef, purpose: 'income-support', amountRials: 240_000_000, grantedAt: expect.any(String) });
    const referral = (await service.models.referrals.findById(referralId).lean())!;
    expect([referral.state, referral.outcome]).toEqual(['completed', 'achieved']);
    expect((await outboxOf('desk_referrals', referralId)).map((e) => e.type)).toEqual(['relief-partnerships.referral.accepted', 'relief-partnerships.referral.completed']);
    expect((await api('relief').post(`/support-requests/${requestId}/disburse`)).status).toBe(409);
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
    expect((await api('relief').post(`/support-requests/${requestId}/repayments`, { amountRials: first.amountRials, paidOn: addDays(today(), 1) })).status).toBe(400);
    expect((await api('relief').post(`/support-requests/${requestId}/repayments`, { amountRials: page.schedule.totalRials + 1, paidOn: today() })).status).toBe(400);
    const paid = await api('relief').post(`/support-requests/${requestId}/repayments`, { amountRials: first.amountRials, paidOn: today() });
    expect(paid.body).toMatchObject({ state: 'repaying', status: 'repaying', arrears: { paidRials: first.amountRials, arrearsRials: 0 } });
    clock.advanceDays(100); // past the 2nd and 3rd due days (first due after 1 month's grace + 1)
    try {
      const late = (await api('relief').get(`/support-requests/${requestId}`)).body;
      expect(late.status).toBe('in-arrears');
      expect(late.arrears.overdueInstalments).toBeGreaterThanOrEqual(1);
      expect((await api('relief').get('/support-requests?state=in-arrears')).body.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
      const rest = late.arrears.outstandingRials;
      const done = await api('relief').post(`/support-requests/${requestId}/repayments`, { amountRials: rest, paidOn: today() });
      expect(done.body).toMatchObject({ state: 'repaid', status: 'repaid', arrears: { outstandingRials: 0, arrearsRials: 0 } });
      expect((await api('relief').post(`/support-requests/${requestId}/repayments`, { amountRials: 1, paidOn: today() })).status).toBe(400);
      const visit = await api('relief').post(`/support-requests/${requestId}/follow-ups`, { visitedOn: today(), operating: true, note: 'running' });
      expect(visit.body.followUps).toEqual([expect.objectContaining({ operating: true, note: 'running' })]);
    } finally {
      clock.advanceDays(-100);
    }
  });
});

describe('start-up repair', () => {
  it('completes the referral of a disbursed request whose second write (the desk referral) was lost', async () => {
    const referralId = randomUUID();
    await deliver('clinics.referral.made', {
      referralId, trackingCode: 'ABCD-EFGH', agency: 'relief-partnerships', offerId: 'relief-it-home-loan', clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab',
      residentRef: randomUUID(), householdRef: randomUUID(), needCategory: 'income-support', respondBy: addDays(today(), 7), madeAt: clock.now().toISOString(),
    });
    await api('relief').post(`/desk/referrals/${referralId}/accept`, { completeBy: addDays(today(), 30) });
    const created = (await api('relief').post('/support-requests', { referralId, kind: 'micro-loan', requestedRials: 1000, businessPlan: 'x', meansTest: 'passed' })).body;
    // As if the service stopped right after the disbursement's own write.
    await service.models.supportRequests.updateOne({ _id: created.requestId }, { $set: { state: 'disbursed' } });
    expect((await service.models.referrals.findById(referralId).lean())!.state).toBe('accepted');
    await reliefPartnershipsService.reference!(service.models, service.deps);
    const referral = (await service.models.referrals.findById(referralId).lean())!;
    expect([referral.state, referral.outcome]).toEqual(['completed', 'achieved']);
    await reliefPartnershipsService.reference!(service.models, service.deps);
    expect((await outboxOf('desk_referrals', referralId)).filter((e) => e.type === 'relief-partnerships.referral.completed')).toHaveLength(1);
  });
});

describe('grants, rejections and refusals', () => {
  it('a grant has no schedule and takes no repayments; a follow-up only after disbursement', async () => {
    const body = await referred(direct({ kind: 'grant', meansTest: 'passed' }));
    await deliver('vocational-training.enrolment.completed', completion(body.residentRef));
    const created = (await api('relief').post('/support-requests', body)).body;
    expect((await api('relief').post(`/support-requests/${created.requestId}/follow-ups`, { visitedOn: today(), operating: true })).status).toBe(409);
    expect((await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 100_000_000, terms })).status).toBe(400);
    await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 100_000_000 });
    const disbursed = (await api('relief').post(`/support-requests/${created.requestId}/disburse`)).body;
    expect([disbursed.state, disbursed.schedule]).toEqual(['disbursed', null]);
    expect((await api('relief').post(`/support-requests/${created.requestId}/repayments`, { amountRials: 10, paidOn: today() })).status).toBe(409);
  });

  it('rejects an ineligible request with its reason (support.decided rejected, amount 0); it cannot be approved after', async () => {
    const created = (await api('relief').post('/support-requests', await referred(direct()))).body;
    expect((await api('relief').post(`/support-requests/${created.requestId}/approve`, { amountRials: 10, terms })).status).toBe(409);
    const res = await api('relief').post(`/support-requests/${created.requestId}/reject`, { reason: 'no certificate yet' });
    expect(res.body).toMatchObject({ state: 'rejected', decision: { decision: 'rejected', reason: 'no certificate yet', amountRials: 0 } });
    expect((await outboxOf(reliefCollections.requests, created.requestId)).map((e) => (e.data as { decision: string }).decision)).toEqual(['rejected']);
    expect((await api('relief').put(`/support-requests/${created.requestId}/means-test`, { meansTest: 'passed' })).status).toBe(409);
  });

  it('lets only relief officers act on requests; Basij, coordinators and auditors read; others are refused', async () => {
    const before = await requestCount();
    for (const who of ['basij', 'coordinator', 'auditor', 'welfare', 'worker'] as const) expect((await api(who).post('/support-requests', direct())).status, who).toBe(403);
    expect((await api().post('/support-requests', direct())).status).toBe(401);
    expect(await requestCount()).toBe(before);
    for (const who of ['basij', 'coordinator', 'auditor'] as const) expect((await api(who).get('/support-requests')).status, who).toBe(200);
    for (const who of ['welfare', 'worker'] as const) expect((await api(who).get('/support-requests')).status, who).toBe(403);
    expect((await api().get('/benefit-flags')).status).toBe(401);
    const id = (await service.models.supportRequests.findOne({}).lean())!._id;
    expect((await api('basij').post(`/support-requests/${id}/reject`, { reason: 'x' })).status).toBe(403);
    expect((await api('coordinator').post(`/support-requests/${id}/disburse`)).status).toBe(403);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const before = await requestCount();
    const bad = [
      direct({ requestedRials: 1.5 }), direct({ kind: 'cash' }), direct({ extra: true }), direct({ residentRef: 'not-a-uuid' }), direct({ businessPlan: { $gt: '' } }),
      { ...direct(), householdRef: undefined }, direct({ purpose: undefined }),
    ];
    for (const body of bad) expect((await api('relief').post('/support-requests', body)).status, JSON.stringify(body)).toBe(400);
    expect(await requestCount()).toBe(before);
    expect((await api('relief').get('/support-requests/not-a-uuid')).status).toBe(400);
    expect((await api('relief').get(`/support-requests/${randomUUID()}`)).status).toBe(404);
  });
});

describe('Basij construction projects', () => {
  const permitId = randomUUID();
  let projectId = '';

  it('lists TVTO’s permitted workshops awaiting preparation (each permit once)', async () => {
    const permit = { permitId, permitNo: 'WP-1405-0099', trade: 'tailoring', neighbourhoodId: 'nbh-fajr', residentRef: null, validUntil: addDays(today(), 365), issuedAt: clock.now().toISOString() };
    await deliver('vocational-training.permit.issued', permit);
    await deliver('vocational-training.permit.issued', permit);
    const permits = (await api('basij').get('/permits')).body.filter((p: { permitId: string }) => p.permitId === permitId);
    expect(permits).toEqual([expect.objectContaining({ permitNo: 'WP-1405-0099', projectId: null })]);
  });

  it('the Basij liaison starts a project for the permit; the permit is then being prepared', async () => {
    const body = {
      title: 'Prepare the tailoring workshop', scope: 'Wiring and floor', neighbourhoodId: 'nbh-fajr', permitId, volunteers: { count: 6, skills: ['electrician'] },
      milestones: [{ title: 'Wiring', dueOn: addDays(today(), 5) }, { title: 'Floor', dueOn: addDays(today(), 20) }],
    };
    expect((await api('relief').post('/projects', body)).status).toBe(403);
    expect((await api('coordinator').post('/projects', body)).status).toBe(403);
    expect((await api().post('/projects', body)).status).toBe(401);
    expect((await api('basij').post('/projects', { ...body, neighbourhoodId: 'nbh-sarasiab' })).status).toBe(400);
    expect((await api('basij').post('/projects', { ...body, volunteers: { count: -1, skills: [] } })).status).toBe(400);
    expect(await service.models.projects.countDocuments({})).toBe(0);
    const res = await api('basij').post('/projects', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'planned', permitNo: 'WP-1405-0099', overdueMilestones: 0, volunteers: { count: 6 } });
    projectId = res.body.projectId;
    expect((await api('basij').post('/projects', body)).status).toBe(409);
    expect((await api('relief').get('/permits')).body.find((p: { permitId: string }) => p.permitId === permitId).projectId).toBe(projectId);
  });

  it('counts overdue milestones by the clock, starts with the first one done, completes with evidence once all are done', async () => {
    const [wiring, floor] = (await api('basij').get(`/projects/${projectId}`)).body.milestones;
    clock.advanceDays(10);
    try {
      const late = (await api('auditor').get('/projects')).body.find((p: { projectId: string }) => p.projectId === projectId);
      expect(late.overdueMilestones).toBe(1);
      expect(late.milestones[0].overdue).toBe(true);
      expect((await api('basij').post(`/projects/${projectId}/milestones/${wiring.milestoneId}/done`, { doneOn: addDays(today(), 1) })).status).toBe(400);
      const started = await api('basij').post(`/projects/${projectId}/milestones/${wiring.milestoneId}/done`, { doneOn: today() });
      expect(started.body).toMatchObject({ status: 'in-progress', overdueMilestones: 0 });
      expect((await api('basij').post(`/projects/${projectId}/milestones/${wiring.milestoneId}/done`, { doneOn: today() })).status).toBe(409);
      expect((await api('basij').post(`/projects/${projectId}/complete`, { evidence: 'photos' })).status).toBe(409);
      expect((await api('relief').post(`/projects/${projectId}/milestones/${floor.milestoneId}/done`, { doneOn: today() })).status).toBe(403);
      await api('basij').post(`/projects/${projectId}/milestones/${floor.milestoneId}/done`, { doneOn: today() });
      const done = await api('basij').post(`/projects/${projectId}/complete`, { evidence: 'handover minutes 12' });
      expect(done.body).toMatchObject({ status: 'completed', evidence: 'handover minutes 12', completedOn: today() });
      expect((await api('basij').post(`/projects/${projectId}/milestones`, { title: 'More', dueOn: today() })).status).toBe(409);
      expect((await api('basij').put(`/projects/${projectId}/volunteers`, { count: 1, skills: [] })).status).toBe(409);
    } finally {
      clock.advanceDays(-10);
    }
  });
});

describe('agreements and joint meetings', () => {
  const agreement = (partner: string, extra: object = {}) => ({
    partner, title: 'Home business support', scope: 'Loans for certified residents', startsOn: addDays(today(), -10), endsOn: addDays(today(), 300), signedOn: addDays(today(), -12), status: 'signed', ...extra,
  });

  it('each partner’s own officer records and edits its agreements; the other is refused', async () => {
    expect((await api('basij').post('/agreements', agreement('relief-committee'))).status).toBe(403);
    expect((await api('relief').post('/agreements', agreement('basij-construction'))).status).toBe(403);
    expect((await api('coordinator').post('/agreements', agreement('relief-committee'))).status).toBe(403);
    expect((await api('relief').post('/agreements', agreement('relief-committee', { endsOn: addDays(today(), -20) }))).status).toBe(400);
    expect((await api('relief').post('/agreements', agreement('relief-committee', { status: 'draft' }))).status).toBe(400);
    expect(await service.models.agreements.countDocuments({})).toBe(0);
    const relief = await api('relief').post('/agreements', agreement('relief-committee'));
    expect(relief.body).toMatchObject({ standing: 'active', partner: 'relief-committee' });
    const basij = await api('basij').post('/agreements', agreement('basij-construction', { status: 'draft', signedOn: null }));
    expect(basij.body.standing).toBe('draft');
    expect((await api('relief').put(`/agreements/${basij.body.agreementId}`, agreement('basij-construction'))).status).toBe(403);
    expect((await api('basij').put(`/agreements/${basij.body.agreementId}`, agreement('relief-committee'))).status).toBe(400);
    const signed = await api('basij').put(`/agreements/${basij.body.agreementId}`, agreement('basij-construction'));
    expect(signed.body).toMatchObject({ status: 'signed', standing: 'active' });
    expect((await api('auditor').get('/agreements')).body).toHaveLength(2);
    expect((await api('worker').get('/agreements')).status).toBe(403);
  });

  it('records held joint meetings with a partner present', async () => {
    const meeting = { heldOn: today(), title: 'Joint meeting', attendees: ['relief-committee', 'basij-construction', 'clinics'], decisions: 'Prepare two workshops' };
    expect((await api('relief').post('/joint-meetings', { ...meeting, attendees: ['clinics', 'welfare'] })).status).toBe(400);
    expect((await api('relief').post('/joint-meetings', { ...meeting, heldOn: addDays(today(), 3) })).status).toBe(400);
    expect((await api('relief').post('/joint-meetings', { ...meeting, attendees: ['relief-committee', 'relief-committee'] })).status).toBe(400);
    expect((await api('coordinator').post('/joint-meetings', meeting)).status).toBe(403);
    expect((await api('basij').post('/joint-meetings', meeting)).status).toBe(201);
    expect((await api('coordinator').get('/joint-meetings')).body).toEqual([expect.objectContaining({ title: 'Joint meeting', attendees: meeting.attendees })]);
  });
});

describe('demo seed', () => {
  it('stores requests in every state with consistent facts, projects, agreements and meetings, once however often it runs', async () => {
    await reliefPartnershipsService.seedDemo!(service.deps);
    const count = async () => Promise.all([service.models.supportRequests.countDocuments({}), service.models.projects.countDocuments({}), service.models.agreements.countDocuments({}), service.models.meetings.countDocuments({}), service.models.facts.countDocuments({})]);
    const first = await count();
    await reliefPartnershipsService.seedDemo!(service.deps);
    expect(await count()).toEqual(first);
    const rows = (await api('relief').get('/support-requests')).body.filter((r: { requestId: string; submittedAt: string }) => r.requestId && r.submittedAt);
    const seeded = rows.filter((r: { referralId: string | null; businessPlan: string }) => /[\u0600-\u06FF]/.test(r.businessPlan));
    expect(seeded).toHaveLength(9);
    expect(new Set(seeded.map((r: { status: string }) => r.status))).toEqual(new Set(['eligible', 'approved', 'ineligible', 'repaying', 'in-arrears', 'disbursed', 'rejected', 'repaid']));
    // Each seeded request's stored state agrees with its facts today, and the four referred ones are the demo referrals.
    for (const r of seeded) {
      const page = (await api('relief').get(`/support-requests/${r.requestId}`)).body;
      if (['eligible', 'approved'].includes(page.state)) expect(page.eligibleToday.eligible, page.businessPlan).toBe(true);
      if (page.state === 'ineligible') expect(page.eligibleToday.eligible).toBe(false);
    }
    expect(seeded.filter((r: { referralId: string | null }) => r.referralId)).toHaveLength(4);
    // The disbursed ones announce their benefit (for institute funding's duplicate check), once.
    const disbursed = seeded.filter((r: { disbursement: unknown }) => r.disbursement);
    expect(disbursed).toHaveLength(4);
    for (const r of disbursed) {
      const events = await outboxOf(reliefCollections.requests, r.requestId);
      expect(events.map((e) => [e.type, (e.data as { benefitId: string }).benefitId])).toEqual([['relief-partnerships.benefit.granted', r.disbursement.benefitId]]);
    }
    const flags = (await api('relief').get('/benefit-flags')).body;
    expect(flags.length).toBeGreaterThanOrEqual(2);
    const projects = (await api('basij').get('/projects')).body;
    expect(new Set(projects.map((p: { status: string }) => p.status))).toEqual(new Set(['planned', 'in-progress', 'completed']));
    expect(projects.some((p: { overdueMilestones: number }) => p.overdueMilestones > 0)).toBe(true);
    expect((await api('relief').get('/permits')).body.some((p: { projectId: string | null }) => p.projectId === null)).toBe(true);
    expect((await api('relief').get('/joint-meetings')).body.length).toBeGreaterThanOrEqual(2);
  });
});
