import { addDays, dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { EventType } from '@hamgam/contracts';
import type { AdjustableClock } from '@hamgam/service-kit';
import { startTestService, testCallers, type TestCaller as Caller, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFunding, demoCallId } from './app/seed.js';
import type { FundingDeps, InstituteFundingModels } from './deps.js';
import { instituteFundingService } from './service.js';

// The composed institute-funding service on a throw-away FerretDB/MongoDB database, local signing keys,
// no broker: events are read from the documents' outboxes and consumed by calling the subscriptions.
let service: TestService<InstituteFundingModels>;
let deps: FundingDeps;
let clock: AdjustableClock;

beforeAll(async () => {
  service = await startTestService(instituteFundingService);
  deps = service.deps;
  clock = service.clock;
});

afterAll(async () => {
  await service?.close();
});

const api = (caller?: Caller) => service.api(caller);

const deliver = (type: EventType, data: unknown, id?: string) => service.deliver(type, data, { id });
/** The events waiting in an application's (its award's) outbox, checked against their contract. */
const outboxOf = (id: string) => service.outboxOf(service.models.applications.collection.collectionName, id);

const today = () => dayOf(clock.now());
const institute = (instituteId: string, extra: object = {}) => ({
  instituteId,
  name: { fa: 'آموزشگاه آزمون', en: 'Test institute' },
  licenceNo: 'KRM-1402-0118',
  licenceValidUntil: addDays(clock.now(), 365),
  neighbourhoodId: 'nbh-sarasiab',
  address: 'سرآسیاب، کوچه ۴',
  trades: ['tailoring', 'pastry'],
  ...extra,
});
const callBody = (extra: object = {}) => ({
  title: { fa: 'فراخوان آزمون', en: 'Test call' },
  budgetRials: 10_000_000_000,
  neighbourhoodIds: ['nbh-sarasiab', 'nbh-motahari'],
  trades: ['tailoring', 'pastry'],
  opensOn: addDays(clock.now(), -1),
  closesOn: addDays(clock.now(), 30),
  ...extra,
});
const plan = [
  { percent: 30, condition: { kind: 'enrolments', atLeast: 3 } },
  { percent: 40, condition: { kind: 'completions', atLeast: 2 } },
  { percent: 30, condition: { kind: 'completions', atLeast: 3 } },
];

const enrolment = (instituteId: string, extra: object = {}) => ({
  enrolmentId: randomUUID(),
  courseId: `${instituteId}-tailoring`,
  trade: 'tailoring',
  venue: { kind: 'private-institute', id: instituteId },
  residentRef: randomUUID(),
  householdRef: randomUUID(),
  neighbourhoodId: 'nbh-sarasiab',
  referralId: null,
  enrolledAt: clock.now().toISOString(),
  ...extra,
});
const completion = (recorded: Omit<ReturnType<typeof enrolment>, 'enrolmentId' | 'residentRef' | 'householdRef'> & { enrolmentId: string; residentRef: string; householdRef: string | null }, result: 'passed' | 'failed' | 'dropped-out') => {
  const { enrolledAt: _e, ...fields } = recorded;
  return { ...fields, result, certificateNo: result === 'passed' ? 'TVTO-1405-0001' : null, completedAt: clock.now().toISOString() };
};

let callId: string;
let awardId: string;
let counted: ReturnType<typeof enrolment>;

describe('institutes', () => {
  it('registers an institute; refuses a duplicate (409), bad input (400) and other roles, storing nothing', async () => {
    const res = await api('fund').post('/institutes', institute('inst-test-a'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ instituteId: 'inst-test-a', licenceValid: true, trades: ['tailoring', 'pastry'] });
    expect((await api('fund').post('/institutes', institute('inst-test-a'))).status).toBe(409);
    const bad = await Promise.all([
      api('fund').post('/institutes', institute('inst-bad-1', { licenceNo: 'lower case' })),
      api('fund').post('/institutes', institute('inst-bad-2', { trades: [] })),
      api('fund').post('/institutes', institute('inst-bad-3', { owner: 'x' })),
      api('fund').post('/institutes', institute('inst-bad-4', { neighbourhoodId: { $gt: '' } })),
      api('tvto').post('/institutes', institute('inst-bad-5')),
      api('coordinator').post('/institutes', institute('inst-bad-6')),
      api().post('/institutes', institute('inst-bad-7')),
    ]);
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 403, 403, 401]);
    expect(bad[0]!.headers['content-type']).toContain('application/problem+json');
    expect(await service.models.institutes.countDocuments({ _id: /^inst-bad/ })).toBe(0);
    await api('fund').post('/institutes', institute('inst-test-b', { neighbourhoodId: 'nbh-fajr' }));
    await api('fund').post('/institutes', institute('inst-test-c'));
  });

  it('renews a licence; lets coordinators and auditors read, and nobody else', async () => {
    const { instituteId: _id, ...fields } = institute('x', { licenceValidUntil: addDays(clock.now(), 700) });
    const res = await api('fund').put('/institutes/inst-test-a', fields);
    expect(res.body.licenceValidUntil).toBe(addDays(clock.now(), 700));
    expect((await api('fund').put('/institutes/inst-nothing', fields)).status).toBe(404);
    for (const reader of ['fund', 'coordinator', 'auditor'] as const) expect((await api(reader).get('/institutes')).status, reader).toBe(200);
    for (const other of ['tvto', 'relief', 'worker'] as const) expect((await api(other).get('/institutes')).status, other).toBe(403);
    expect((await api().get('/institutes')).status).toBe(401);
  });
});

describe('calls and applications', () => {
  it('opens a call and posts its budget to the ledger', async () => {
    expect((await api('fund').post('/calls', callBody({ closesOn: addDays(clock.now(), -2), opensOn: addDays(clock.now(), -9) }))).status).toBe(400);
    expect((await api('fund').post('/calls', callBody({ opensOn: addDays(clock.now(), 5), closesOn: addDays(clock.now(), 4) }))).status).toBe(400);
    expect((await api('fund').post('/calls', callBody({ budgetRials: 10.5 }))).status).toBe(400);
    expect((await api('coordinator').post('/calls', callBody())).status).toBe(403);
    expect(await service.models.calls.countDocuments()).toBe(0);
    const res = await api('fund').post('/calls', callBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', budgetRials: 10_000_000_000, awardedRials: 0, availableRials: 10_000_000_000 });
    callId = res.body.callId;
    const ledger = (await api('auditor').get('/ledger')).body;
    expect(ledger.postings.map((p: { postingId: string }) => p.postingId)).toEqual([`budget:${callId}`]);
    expect(ledger).toMatchObject({ balanced: true, trialBalance: 0 });
    expect(ledger.calls[0]).toMatchObject({ callId, budget: 10_000_000_000, available: 10_000_000_000 });
  });

  it('records applications only from a licensed institute of a target neighbourhood, once per call', async () => {
    const body = (instituteId: string, extra: object = {}) => ({ callId, instituteId, trades: ['tailoring'], proposedSeats: 6, amountRequestedRials: 3_000_000_000, ...extra });
    const outside = await api('fund').post('/applications', body('inst-test-b'));
    expect(outside.status).toBe(400);
    expect(outside.body.detail).toMatch(/not a target neighbourhood/);
    expect((await api('fund').post('/applications', body('inst-test-a', { trades: ['carpentry'] }))).status).toBe(400);
    expect((await api('fund').post('/applications', body('inst-nothing'))).status).toBe(404);
    expect((await api('fund').post('/applications', body('inst-test-a', { callId: randomUUID() }))).status).toBe(404);
    expect((await api('auditor').post('/applications', body('inst-test-a'))).status).toBe(403);
    expect(await service.models.applications.countDocuments()).toBe(0);
    const res = await api('fund').post('/applications', body('inst-test-a'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'submitted', instituteId: 'inst-test-a', award: null });
    awardId = res.body.applicationId;
    expect((await api('fund').post('/applications', body('inst-test-a'))).status).toBe(409);
    expect((await api('fund').post('/applications', body('inst-test-c', { amountRequestedRials: 9_000_000_000 }))).status).toBe(201);
  });

  it('reviews, then awards within the budget with a tranche plan; illegal steps are 409', async () => {
    const terms = { amountRials: 2_500_000_000, seats: 5, plan };
    expect((await api('fund').post(`/applications/${awardId}/award`, terms)).status).toBe(409); // not under review yet
    expect((await api('fund').post(`/applications/${awardId}/review`)).body.state).toBe('under-review');
    expect((await api('fund').post(`/applications/${awardId}/review`)).status).toBe(409);
    expect((await api('fund').post(`/applications/${awardId}/award`, { ...terms, amountRials: 3_000_000_001 })).status).toBe(400); // more than requested
    expect((await api('fund').post(`/applications/${awardId}/award`, { ...terms, plan: plan.slice(1) })).status).toBe(400); // shares ≠ 100 %
    expect((await api('coordinator').post(`/applications/${awardId}/award`, terms)).status).toBe(403);
    const res = await api('fund').post(`/applications/${awardId}/award`, terms);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ awardId, status: 'active', amountRials: 2_500_000_000, seats: 5, verified: { enrolments: 0, completions: 0 }, releasedRials: 0 });
    expect(res.body.tranches.map((t: { amountRials: number; state: string; releasable: boolean }) => [t.amountRials, t.state, t.releasable])).toEqual([
      [750_000_000, 'pending', false],
      [1_000_000_000, 'pending', false],
      [750_000_000, 'pending', false],
    ]);
    expect((await api('fund').post(`/applications/${awardId}/reject`, { reason: 'late' })).status).toBe(409);
    const calls = (await api('fund').get('/calls')).body;
    expect(calls[0]).toMatchObject({ awardedRials: 2_500_000_000, availableRials: 7_500_000_000 });
  });

  it('never awards beyond the call’s budget', async () => {
    const other = (await api('fund').get(`/applications?callId=${callId}&state=submitted`)).body[0];
    expect(other.instituteId).toBe('inst-test-c');
    await api('fund').post(`/applications/${other.applicationId}/review`);
    const over = await api('fund').post(`/applications/${other.applicationId}/award`, { amountRials: 7_500_000_001, seats: 6, plan });
    expect(over.status).toBe(400);
    expect(over.body.detail).toMatch(/7500000000 rials left/);
    expect((await service.models.applications.findById(other.applicationId).lean())!.state).toBe('under-review');
    expect((await api('fund').get('/applications?state=bogus')).status).toBe(400);
  });
});

describe('verified outcomes from TVTO', () => {
  it('counts enrolments at the awarded institute of target-neighbourhood residents, once each', async () => {
    counted = enrolment('inst-test-a');
    const first = await deliver('vocational-training.enrolment.recorded', counted);
    await deliver('vocational-training.enrolment.recorded', counted, first.id); // redelivery
    await deliver('vocational-training.enrolment.recorded', counted); // the same enrolment, another event
    await deliver('vocational-training.enrolment.recorded', enrolment('inst-test-a', { neighbourhoodId: 'nbh-fajr' })); // not a target
    await deliver('vocational-training.enrolment.recorded', enrolment('inst-test-a', { neighbourhoodId: null }));
    await deliver('vocational-training.enrolment.recorded', enrolment('inst-test-a', { trade: 'pastry' })); // not an awarded trade
    await deliver('vocational-training.enrolment.recorded', enrolment('inst-test-c')); // no award (yet)
    await deliver('vocational-training.enrolment.recorded', enrolment('clinic-sarasiab', { venue: { kind: 'clinic', id: 'clinic-sarasiab' } }));
    const award = (await api('fund').get(`/awards/${awardId}`)).body;
    expect(award.verified).toEqual({ enrolments: 1, completions: 0 });
  });

  it('refuses a release before its condition (409), then releases when it holds: event, benefits per household, posting', async () => {
    expect((await api('fund').post(`/awards/${awardId}/tranches/1/release`)).status).toBe(409);
    const direct = enrolment('inst-test-a', { householdRef: null, referralId: null }); // a walk-in: no household known
    const dropping = enrolment('inst-test-a');
    for (const e of [direct, dropping]) await deliver('vocational-training.enrolment.recorded', e);
    await deliver('vocational-training.enrolment.completed', completion(dropping, 'dropped-out'));
    expect((await api('fund').get(`/awards/${awardId}`)).body.verified).toEqual({ enrolments: 2, completions: 0 });
    // A completion heard before its enrolment counts as both.
    const early = enrolment('inst-test-a');
    await deliver('vocational-training.enrolment.completed', completion(early, 'passed'));
    await deliver('vocational-training.enrolment.recorded', early);
    const before = (await api('fund').get(`/awards/${awardId}`)).body;
    expect(before.verified).toEqual({ enrolments: 3, completions: 1 });
    expect(before.tranches.map((t: { releasable: boolean }) => t.releasable)).toEqual([true, false, false]);

    expect((await api('coordinator').post(`/awards/${awardId}/tranches/1/release`)).status).toBe(403);
    expect((await api().post(`/awards/${awardId}/tranches/1/release`)).status).toBe(401);
    expect((await api('fund').post(`/awards/${awardId}/tranches/9/release`)).status).toBe(400);
    expect((await api('fund').post(`/awards/${randomUUID()}/tranches/1/release`)).status).toBe(404);
    const released = await api('fund').post(`/awards/${awardId}/tranches/1/release`);
    expect(released.status).toBe(200);
    expect(released.body.tranches[0]).toMatchObject({ state: 'released', verifiedEnrolments: 3, verifiedCompletions: 1, releasable: false });
    expect(released.body.releasedRials).toBe(750_000_000);
    // Two households with a known household are funded (the walk-in's is unknown; the drop-out is not a seat).
    expect(released.body.benefits).toHaveLength(2);
    expect(released.body.benefits.every((b: { amountRials: number }) => b.amountRials === 500_000_000)).toBe(true);

    const events = await outboxOf(awardId);
    expect(events.map((e) => e.type)).toEqual(['institute-funding.tranche.released', 'institute-funding.benefit.granted', 'institute-funding.benefit.granted']);
    expect(events[0]!.data).toMatchObject({ awardId, instituteId: 'inst-test-a', trancheNo: 1, amountRials: 750_000_000, verifiedEnrolments: 3, verifiedCompletions: 1 });
    expect(events[0]!.actor).toEqual({ subject: testCallers.fund.sub, agency: 'institute-funding' });
    expect(events.slice(1).map((e) => (e.data as { householdRef: string }).householdRef).sort()).toEqual([counted.householdRef, early.householdRef].sort());
    expect(events.slice(1).every((e) => (e.data as { purpose: string }).purpose === 'skills-training')).toBe(true);
    expect((await api('fund').post(`/awards/${awardId}/tranches/1/release`)).status).toBe(409);

    const ledger = (await api('fund').get('/ledger')).body;
    expect(ledger.postings.map((p: { postingId: string }) => p.postingId)).toEqual([`budget:${callId}`, `award:${awardId}`, `release:${awardId}:1`]);
    expect(ledger.balanced).toBe(true);
    expect(ledger.calls[0]).toMatchObject({ budget: 10_000_000_000, available: 7_500_000_000, committed: 1_750_000_000, payable: 750_000_000, paid: 0 });
  });

  it('records the payment of a released tranche only; the ledger moves it to paid', async () => {
    expect((await api('fund').post(`/awards/${awardId}/tranches/2/pay`, { paymentRef: 'SATNA-1' })).status).toBe(409);
    expect((await api('fund').post(`/awards/${awardId}/tranches/1/pay`, { paymentRef: 'no spaces!' })).status).toBe(400);
    const paid = await api('fund').post(`/awards/${awardId}/tranches/1/pay`, { paymentRef: 'SATNA-1405-77' });
    expect(paid.body.tranches[0]).toMatchObject({ state: 'paid', paymentRef: 'SATNA-1405-77' });
    expect(paid.body.paidRials).toBe(750_000_000);
    const ledger = (await api('auditor').get('/ledger')).body;
    expect(ledger.calls[0]).toMatchObject({ payable: 0, paid: 750_000_000 });
    expect(ledger.balanced).toBe(true);
  });

  it('counts a completion once and a failed course only as an enrolment', async () => {
    const outcome = (await service.models.outcomes.find({ awardId, result: null, enrolled: true }).limit(1000).lean())[0]!;
    const recorded = { ...enrolment('inst-test-a'), enrolmentId: outcome._id, residentRef: outcome.residentRef, householdRef: outcome.householdRef };
    await deliver('vocational-training.enrolment.completed', completion(recorded, 'passed'));
    await deliver('vocational-training.enrolment.completed', completion(recorded, 'dropped-out')); // a later contradiction is ignored
    const failing = enrolment('inst-test-a');
    await deliver('vocational-training.enrolment.recorded', failing);
    await deliver('vocational-training.enrolment.completed', completion(failing, 'failed'));
    expect((await api('fund').get(`/awards/${awardId}`)).body.verified).toEqual({ enrolments: 4, completions: 2 });
    const second = await api('fund').post(`/awards/${awardId}/tranches/2/release`);
    expect(second.status).toBe(200);
    // The failing resident's household is funded now (a verified seat); nobody is funded twice by one award.
    const households = second.body.benefits.map((b: { householdRef: string }) => b.householdRef);
    expect(new Set(households).size).toBe(households.length);
    expect(households).toContain(failing.householdRef);
  });
});

describe('duplicate benefits', () => {
  it('flags a household the Relief Committee funded for the same purpose; officers review it', async () => {
    const funded = (await api('fund').get(`/awards/${awardId}`)).body.benefits[0];
    const relief = { benefitId: randomUUID(), householdRef: funded.householdRef, residentRef: null, purpose: 'skills-training', amountRials: 200_000_000, grantedAt: clock.now().toISOString() };
    const first = await deliver('relief-partnerships.benefit.granted', relief);
    await deliver('relief-partnerships.benefit.granted', relief, first.id);
    await deliver('relief-partnerships.benefit.granted', relief);
    await deliver('relief-partnerships.benefit.granted', { ...relief, benefitId: randomUUID(), purpose: 'income-support' }); // another purpose
    await deliver('relief-partnerships.benefit.granted', { ...relief, benefitId: randomUUID(), householdRef: randomUUID() }); // another household
    const flags = (await api('auditor').get('/duplicate-flags')).body;
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ householdRef: funded.householdRef, purpose: 'skills-training', crossAgency: true, totalRials: funded.amountRials + 200_000_000, review: null });
    expect(flags[0].benefits.map((b: { source: string }) => b.source).sort()).toEqual(['institute-funding', 'relief-partnerships']);
    expect(JSON.stringify(flags)).not.toMatch(/name|nationalId/i);

    const path = `/duplicate-flags/${flags[0].flagId}/review`;
    expect((await api('coordinator').post(path, { note: 'x' })).status).toBe(403);
    expect((await api('fund').post(path, { note: '' })).status).toBe(400);
    expect((await api('fund').post(`/duplicate-flags/${'0'.repeat(24)}/review`, { note: 'x' })).status).toBe(404);
    expect((await api('fund').post(path, { note: 'با کمیته امداد هماهنگ شد' })).status).toBe(200);
    expect((await api('fund').get('/duplicate-flags')).body[0].review.note).toBe('با کمیته امداد هماهنگ شد');
    for (const other of ['relief', 'tvto', 'worker'] as const) expect((await api(other).get('/duplicate-flags')).status).toBe(403);
  });
});

describe('cancellation and the ledger', () => {
  it('cancels an active award: unreleased tranches return to the call’s budget; released money stays owed', async () => {
    expect((await api('coordinator').post(`/awards/${awardId}/cancel`, { reason: 'x' })).status).toBe(403);
    expect((await api('fund').post(`/awards/${awardId}/cancel`, {})).status).toBe(400);
    const cancelled = await api('fund').post(`/awards/${awardId}/cancel`, { reason: 'the institute closed its tailoring class' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'the institute closed its tailoring class' });
    expect(cancelled.body.tranches.map((t: { state: string }) => t.state)).toEqual(['paid', 'released', 'cancelled']);
    expect((await api('fund').post(`/awards/${awardId}/cancel`, { reason: 'again' })).status).toBe(409);
    expect((await api('fund').post(`/awards/${awardId}/tranches/3/release`)).status).toBe(409);
    const ledger = (await api('fund').get('/ledger')).body;
    expect(ledger.calls[0]).toMatchObject({ budget: 10_000_000_000, available: 8_250_000_000, committed: 0, payable: 1_000_000_000, paid: 750_000_000 });
    expect(ledger.balanced).toBe(true);
    expect((await api('fund').get('/calls')).body[0]).toMatchObject({ awardedRials: 1_750_000_000, availableRials: 8_250_000_000 });
  });

  it('posts at start-up a step whose posting a crash lost (postings are insert-only, so nothing doubles)', async () => {
    await service.models.postings.deleteOne({ _id: `release:${awardId}:2` });
    const gap = (await api('fund').get('/ledger')).body;
    expect(gap.unposted).toEqual([`release:${awardId}:2`]);
    await instituteFundingService.reference!(service.models, service.deps);
    await instituteFundingService.reference!(service.models, service.deps);
    const ledger = (await api('fund').get('/ledger')).body;
    expect(ledger.balanced).toBe(true);
    expect(ledger.unposted).toEqual([]);
    expect(ledger.postings.filter((p: { postingId: string }) => p.postingId === `release:${awardId}:2`)).toHaveLength(1);
  });
});

describe('demo seed', () => {
  it('seeds institutes, a call, three applications (one rejected), two awards in different states and a balanced ledger; twice is once', async () => {
    await seedFunding(deps);
    await seedFunding(deps);
    expect((await service.models.institutes.find({ _id: /^inst-(negin|farda|omid)$/ }).limit(1000).lean()).map((i) => i.neighbourhoodId).sort()).toEqual(['nbh-fajr', 'nbh-motahari', 'nbh-sarasiab']);
    const applications = (await api('fund').get(`/applications?callId=${demoCallId}`)).body;
    expect(applications.map((a: { state: string }) => a.state).sort()).toEqual(['awarded', 'awarded', 'rejected']);
    const awards = (await api('fund').get('/awards')).body.filter((a: { callId: string }) => a.callId === demoCallId);
    const byInstitute = Object.fromEntries(awards.map((a: { instituteId: string }) => [a.instituteId, a]));
    expect(byInstitute['inst-negin'].tranches.map((t: { state: string }) => t.state)).toEqual(['paid', 'pending', 'pending']);
    expect(byInstitute['inst-negin'].verified).toEqual({ enrolments: 9, completions: 0 });
    expect(byInstitute['inst-farda'].tranches.map((t: { state: string }) => t.state)).toEqual(['pending', 'pending', 'pending']);
    expect(byInstitute['inst-farda'].verified.enrolments).toBeLessThan(byInstitute['inst-farda'].tranches[0].condition.atLeast);
    const ledger = (await api('auditor').get('/ledger')).body;
    expect(ledger.balanced).toBe(true);
    expect(ledger.calls.find((c: { callId: string }) => c.callId === demoCallId)).toMatchObject({ budget: 12_000_000_000, available: 5_000_000_000, committed: 5_800_000_000, payable: 0, paid: 1_200_000_000 });
    expect(ledger.postings.filter((p: { callId: string }) => p.callId === demoCallId)).toHaveLength(5);
    expect(today()).toMatch(/^\d{4}-\d\d-\d\d$/);
  });
});

describe('the access log', () => {
  type Entry = { actor: string; action: string; recordKind: string; recordId: string; subject: string; purpose: string; purposeSource: string; agency: string };
  const logOf = async (person: string) => {
    const res = await api('auditor').get(`/access-log?person=${person}&limit=100`);
    expect(res.status).toBe(200);
    return (res.body as Entry[]).map((e) => [e.actor, e.action, `${e.recordKind}:${e.recordId}`, `${e.purpose}/${e.purposeSource}`, e.agency]);
  };

  it('holds who read or changed a funded household’s award, what they did and why', async () => {
    expect((await api('coordinator').get(`/awards/${awardId}`)).status).toBe(200);
    const household = await logOf(counted.householdRef);
    const award = `award:${awardId}`;
    const why = 'institute-funding/route';
    expect(household).toEqual(
      expect.arrayContaining([
        ['coordinator', 'read', award, why, 'institute-funding'],
        ['fund.officer', 'decide', award, why, 'institute-funding'], // the release that funded it
        ['fund.officer', 'disburse', award, why, 'institute-funding'],
        ['fund.officer', 'update', award, why, 'institute-funding'], // the cancellation
        ['fund.officer', 'list', award, why, 'institute-funding'],
      ]),
    );
    // The benefit is the resident's seat: asking about the resident finds the same reads.
    expect(await logOf(counted.residentRef)).toContainEqual(['coordinator', 'read', award, why, 'institute-funding']);
  });

  it('holds the duplicate-benefit flags shown and settled, for the household each names', async () => {
    const flags = (await api('fund').get('/duplicate-flags')).body as { flagId: string; householdRef: string; review: object | null }[];
    const flag = flags.find((f) => f.review !== null); // the one settled above
    const entries = await logOf(flag!.householdRef);
    expect(entries).toContainEqual(['fund.officer', 'list', `duplicate-flag:${flag!.flagId}`, 'duplicate-benefit-check/route', 'institute-funding']);
    expect(entries).toContainEqual(['fund.officer', 'update', `duplicate-flag:${flag!.flagId}`, 'duplicate-benefit-check/route', 'institute-funding']);
  });

  it('is read and exported by auditors only', async () => {
    for (const other of ['fund', 'coordinator', 'tvto'] as const) {
      expect((await api(other).get('/access-log')).status, other).toBe(403);
      expect((await api(other).get('/access-log/export')).status, other).toBe(403);
    }
    expect((await api().get('/access-log')).status).toBe(401);
    const csv = await api('auditor').get(`/access-log/export?person=${counted.householdRef}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`,award,${awardId},${counted.householdRef},institute-funding,route`);
  });
});
