import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { EventType } from '@hamgam/contracts';
import { demoHouseholdRef, demoResidentIndex } from '@hamgam/demo-data';
import type { AdjustableClock } from '@hamgam/service-kit';
import { startTestService, testCallers, type TestCaller as Caller, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk, type Models, type WelfareDeps } from '../deps.js';
import { demoCases, demoCaseId, seedWelfare } from '../data/demo.js';
import { welfareService } from '../service.js';

// The welfare service on a throw-away FerretDB/MongoDB database, local signing keys, no broker: events
// are read from the documents' outboxes, and consumed by calling the desk's subscriptions.
let service: TestService<Models>;
let deps: WelfareDeps;
let clock: AdjustableClock;

beforeAll(async () => {
  service = await startTestService(welfareService);
  deps = service.deps;
  clock = service.clock;
});

afterAll(async () => {
  await service?.close();
});

const api = (caller?: Caller) => service.api(caller);
/** The status and stable code (and field, for a broken rule) of a refused call: what tests and the UI rely on. */
const problemOf = async (call: PromiseLike<{ status: number; body: { code?: string; field?: string } }>) => {
  const { status, body } = await call;
  return { status, code: body.code, ...(body.field === undefined ? {} : { field: body.field }) };
};

/** The events waiting in a case's (or a desk document's) outbox, checked against their contract. */
const outboxOf = (model: 'cases' | 'referrals', id: string) => service.outboxOf(service.models[model].collection.collectionName, id);
const deliver = (type: EventType, data: unknown) => service.deliver(type, data);

const today = (n = 0) => addDays(clock.now(), n);
const hardship = {
  income: { level: 'no-income', mainEarnerMonthsUnemployed: 14 },
  housing: { condition: 'overcrowded' },
  health: { disability: 'none', chronicIllness: false },
  household: { members: 4, dependants: 3, earners: 0, femaleHeaded: true },
};

async function openCase(caller: Caller = 'welfare', householdRef = randomUUID()) {
  const res = await api(caller).post('/cases', { householdRef, neighbourhoodId: 'nbh-sarasiab', clinicId: 'clinic-sarasiab' });
  expect(res.status).toBe(201);
  return res.body as { caseId: string; fileNumber: string; householdRef: string; revision: number };
}

describe('opening cases', () => {
  it('opens a case in the caller’s caseload', async () => {
    const householdRef = randomUUID();
    const res = await api('welfare').post('/cases', { householdRef, residentRef: null, neighbourhoodId: 'nbh-motahari' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      householdRef,
      neighbourhoodId: 'nbh-motahari',
      clinicId: null,
      state: 'opened',
      worker: 'welfare.officer',
      level: null,
      referral: null,
      revision: 1,
    });
    expect(res.body.history).toEqual([expect.objectContaining({ action: 'opened', by: 'welfare.officer' })]);
    expect(await outboxOf('cases', res.body.caseId)).toEqual([]);
  });

  it('refuses a second open case for the household (409), whoever asks; another worker’s case stays theirs', async () => {
    const { householdRef, caseId, fileNumber } = await openCase();
    const mine = await api('welfare').post('/cases', { householdRef, neighbourhoodId: 'nbh-sarasiab' });
    expect(mine.status).toBe(409);
    // The officer's own case: the answer names it by its file number (never its id), so they can continue it.
    expect(mine.body).toMatchObject({ code: 'household-case-open-in-your-caseload', detail: expect.stringContaining(fileNumber) });
    expect(mine.body.detail).not.toContain(caseId);
    const other = await api('welfare2').post('/cases', { householdRef, neighbourhoodId: 'nbh-sarasiab' });
    expect(other.status).toBe(409);
    // What the officer needs to act (there is one; ask the supervisor), not whose it is or which it is.
    expect(other.body).toMatchObject({ code: 'household-case-open-elsewhere', detail: expect.stringMatching(/supervisor/) });
    expect(JSON.stringify(other.body)).not.toMatch(new RegExp(`welfare\\.officer|${testCallers.welfare.sub}|${caseId}`));
    expect(await service.models.cases.countDocuments({ householdRef })).toBe(1);
  });

  it('marks a case opened for a household no clinic referred to welfare as unverified, in the record and the answer', async () => {
    const madeUp = await api('welfare').post('/cases', {
      householdRef: randomUUID(),
      residentRef: randomUUID(),
      neighbourhoodId: 'nbh-sarasiab',
    });
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ unverified: true, history: [{ action: 'opened', detail: expect.stringMatching(/unverified/) }] });
    expect((await service.models.cases.findById(madeUp.body.caseId).lean())!.refsVerified).toBe(false);
    expect(
      (await api('welfare').get('/cases?limit=100')).body.find((c: { caseId: string }) => c.caseId === madeUp.body.caseId),
    ).toMatchObject({ unverified: true });

    // Refs a clinic's referral to welfare named: verified, for the household alone or with its resident.
    const made = {
      referralId: randomUUID(),
      trackingCode: 'K7QM-3XWA',
      agency: 'welfare',
      offerId: 'welfare-social-case',
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      residentRef: randomUUID(),
      householdRef: randomUUID(),
      needCategory: 'social-care',
      respondBy: today(7),
      madeAt: clock.now().toISOString(),
    };
    await deliver('clinics.referral.made', made);
    const known = await api('welfare').post('/cases', {
      householdRef: made.householdRef,
      residentRef: made.residentRef,
      neighbourhoodId: 'nbh-sarasiab',
    });
    expect(known.status).toBe(201);
    expect(known.body).toMatchObject({ unverified: false, history: [{ action: 'opened', detail: null }] });
    expect((await service.models.cases.findById(known.body.caseId).lean())!.refsVerified).toBe(true);
    // A known household with a resident no referral named is not verified either.
    await api('welfare').post(`/cases/${known.body.caseId}/close`, { reason: 'transferred' });
    const strangerResident = await api('welfare').post('/cases', {
      householdRef: made.householdRef,
      residentRef: randomUUID(),
      neighbourhoodId: 'nbh-sarasiab',
    });
    expect(strangerResident.body).toMatchObject({ unverified: true });
  });

  it('refuses bad input (400) and stores nothing', async () => {
    const householdRef = randomUUID();
    for (const body of [
      { neighbourhoodId: 'nbh-sarasiab' },
      { householdRef: 'not-a-uuid', neighbourhoodId: 'nbh-sarasiab' },
      { householdRef, neighbourhoodId: 'Not A Slug' },
      { householdRef, neighbourhoodId: 'nbh-sarasiab', name: 'a resident name' },
    ]) {
      const res = await api('welfare').post('/cases', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await service.models.cases.countDocuments({ householdRef })).toBe(0);
  });

  it('refuses no token (401), other agencies, coordinators and auditors (403)', async () => {
    const householdRef = randomUUID();
    const body = { householdRef, neighbourhoodId: 'nbh-sarasiab' };
    expect((await api().post('/cases', body)).status).toBe(401);
    for (const caller of ['tvto', 'worker', 'coordinator', 'auditor'] as const)
      expect((await api(caller).post('/cases', body)).status, caller).toBe(403);
    expect(await service.models.cases.countDocuments({ householdRef })).toBe(0);
  });
});

describe('a case worker sees only their caseload', () => {
  it('lists only the caller’s cases; another worker’s case is a 403 to read or change, and stays as it was', async () => {
    const mine = await openCase('welfare');
    const theirs = await openCase('welfare2');
    const list = await api('welfare').get('/cases');
    expect(list.status).toBe(200);
    const ids = list.body.map((c: { caseId: string }) => c.caseId);
    expect(ids).toContain(mine.caseId);
    expect(ids).not.toContain(theirs.caseId);
    expect((await api('welfare2').get('/cases')).body.map((c: { caseId: string }) => c.caseId)).toEqual([theirs.caseId]);

    expect((await api('welfare2').get(`/cases/${mine.caseId}`)).status).toBe(403);
    expect((await api('welfare2').put(`/cases/${mine.caseId}/assessment`, hardship)).status).toBe(403);
    expect((await api('welfare2').post(`/cases/${mine.caseId}/close`, { reason: 'moved' })).status).toBe(403);
    const stored = await api('welfare').get(`/cases/${mine.caseId}`);
    expect(stored.body).toMatchObject({ state: 'opened', revision: 1, assessment: null });
  });

  it('refuses case details to coordinators, auditors, other agencies (403) and without a token (401); an unknown case is 404', async () => {
    const { caseId } = await openCase();
    for (const caller of ['coordinator', 'auditor', 'tvto', 'worker'] as const) {
      expect((await api(caller).get(`/cases/${caseId}`)).status, caller).toBe(403);
      expect((await api(caller).get('/cases')).status, caller).toBe(403);
    }
    expect((await api().get(`/cases/${caseId}`)).status).toBe(401);
    expect((await api('welfare').get(`/cases/${randomUUID()}`)).status).toBe(404);
    expect((await api('welfare').get('/cases/not-a-uuid')).status).toBe(400);
  });
});

describe('assessment, plan, visits and closure', () => {
  it('walks a case through its stages, with illegal steps refused (409), broken rules (422) and the clock judging overdue work', async () => {
    const { caseId } = await openCase();
    const path = `/cases/${caseId}`;
    // A plan or a visit before the assessment.
    expect(await problemOf(api('welfare').post(`${path}/goals`, { text: 'Stable income' }))).toEqual({
      status: 409,
      code: 'case-not-assessed',
    });

    const assessed = await api('welfare').put(`${path}/assessment`, hardship);
    expect(assessed.status).toBe(200);
    expect(assessed.body).toMatchObject({ state: 'assessed', level: 'high' });
    expect(assessed.body.assessment.result).toEqual({
      scores: { income: 3, housing: 2, health: 0, household: 3 },
      total: 8,
      level: 'high',
      suggestedFlags: ['low-income', 'female-headed-household', 'long-term-unemployed'],
    });
    expect(await problemOf(api('welfare').post(`${path}/visits`, { visitedOn: today(), notes: 'Home visit' }))).toEqual({
      status: 409,
      code: 'case-not-planned',
    });

    const planned = await api('welfare').post(`${path}/goals`, { text: 'Stable income' });
    expect(planned.body.state).toBe('planned');
    const goalId = planned.body.goals[0].goalId;
    const withTask = await api('welfare').post(`${path}/goals/${goalId}/tasks`, { text: 'Enrol in a TVTO course', dueOn: today(2) });
    expect(withTask.status).toBe(200);
    const taskId = withTask.body.goals[0].tasks[0].taskId;
    expect(await problemOf(api('welfare').post(`${path}/goals/${randomUUID()}/tasks`, { text: 'x', dueOn: today(2) }))).toEqual({
      status: 404,
      code: 'goal-not-found',
    });

    const visited = await api('welfare').post(`${path}/visits`, {
      visitedOn: today(),
      notes: 'Home visit; the mother wants to learn tailoring',
      nextVisitOn: today(5),
    });
    expect(visited.body).toMatchObject({ state: 'in-follow-up', nextVisitOn: today(5), visitOverdue: false, overdue: false });
    expect(await problemOf(api('welfare').post(`${path}/visits`, { visitedOn: today(1), notes: 'Tomorrow' }))).toEqual({
      status: 422,
      code: 'visit-in-future',
      field: 'visitedOn',
    });
    expect(await problemOf(api('welfare').post(`${path}/visits`, { visitedOn: today(), notes: 'x', nextVisitOn: today() }))).toEqual({
      status: 422,
      code: 'next-visit-not-after-visit',
      field: 'nextVisitOn',
    });

    // Three days on the task is late; seven days on the visit too.
    clock.advanceDays(3);
    try {
      const late = await api('welfare').get(path);
      expect(late.body).toMatchObject({ overdueTasks: 1, visitOverdue: false, overdue: true });
      expect(late.body.goals[0].tasks[0].overdue).toBe(true);
      expect((await api('welfare').get('/cases?overdue=true')).body.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
      clock.advanceDays(4);
      expect((await api('welfare').get(path)).body).toMatchObject({ visitOverdue: true });
      expect((await api('welfare').put(`${path}/tasks/${taskId}`, { done: true })).body).toMatchObject({ overdueTasks: 0 });
      await api('welfare').post(`${path}/visits`, {
        visitedOn: addDays(clock.now(), 0),
        notes: 'Enrolled',
        nextVisitOn: addDays(clock.now(), 30),
      });
      expect((await api('welfare').get(path)).body).toMatchObject({ overdue: false });
      expect((await api('welfare').get('/cases?overdue=false')).body.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    } finally {
      clock.advanceDays(-7);
    }

    // Goals met only when all are met.
    expect(await problemOf(api('welfare').post(`${path}/close`, { reason: 'goals-met' }))).toEqual({ status: 409, code: 'goals-not-met' });
    await api('welfare').put(`${path}/goals/${goalId}`, { met: true });
    const closed = await api('welfare').post(`${path}/close`, { reason: 'goals-met' });
    expect(closed.body).toMatchObject({
      state: 'closed',
      closedFrom: 'in-follow-up',
      closure: { reason: 'goals-met', by: 'welfare.officer' },
    });
    expect(await problemOf(api('welfare').post(`${path}/goals`, { text: 'More' }))).toEqual({ status: 409, code: 'case-closed' });
    expect((await api('welfare').put(`${path}/assessment`, hardship)).status).toBe(409);
    expect((await api('welfare').post(`${path}/close`, { reason: 'moved' })).status).toBe(409);
    expect((await api('welfare').post(`${path}/reopen`, { reason: 'x' })).status).toBe(400);

    const reopened = await api('welfare').post(`${path}/reopen`, { reason: 'The household asked again' });
    expect(reopened.body).toMatchObject({ state: 'in-follow-up', closure: null, reopenReason: 'The household asked again' });
    expect(reopened.body.history.map((h: { action: string }) => h.action)).toEqual([
      'opened',
      'assessed',
      'goal-added',
      'task-added',
      'visited',
      'task-done',
      'visited',
      'goal-met',
      'closed',
      'reopened',
    ]);
    expect(await problemOf(api('welfare').post(`${path}/reopen`, { reason: 'Again' }))).toEqual({ status: 409, code: 'case-not-closed' });
  });

  it('refuses impossible assessments (422) and malformed ones (400), and leaves the case as it was', async () => {
    const { caseId } = await openCase();
    expect(
      await problemOf(
        api('welfare').put(`/cases/${caseId}/assessment`, {
          ...hardship,
          household: { members: 3, dependants: 4, earners: 0, femaleHeaded: false },
        }),
      ),
    ).toEqual({
      status: 422,
      code: 'household-counts-exceed-members',
      field: 'household.dependants',
    });
    for (const body of [
      { ...hardship, income: { level: 'rich', mainEarnerMonthsUnemployed: 0 } },
      { ...hardship, reasons: 'free text' },
      { income: hardship.income },
    ]) {
      expect((await api('welfare').put(`/cases/${caseId}/assessment`, body)).status).toBe(400);
    }
    expect((await api('welfare').get(`/cases/${caseId}`)).body).toMatchObject({ state: 'opened', assessment: null, revision: 1 });
  });
});

describe('eligibility flags', () => {
  it('publishes a confirmed flag (opaque household, flag, validity — never the reasons) and its revocation', async () => {
    const { caseId, householdRef } = await openCase();
    const path = `/cases/${caseId}`;
    expect(await problemOf(api('welfare').post(`${path}/flags`, { flag: 'low-income', validUntil: today(180) }))).toEqual({
      status: 409,
      code: 'case-not-assessed',
    });
    await api('welfare').put(`${path}/assessment`, hardship);

    const flagged = await api('welfare').post(`${path}/flags`, { flag: 'low-income', validUntil: today(180) });
    expect(flagged.status).toBe(200);
    expect(flagged.body.activeFlags).toEqual(['low-income']);
    const flagId = flagged.body.flags[0].flagId;
    let events = await outboxOf('cases', caseId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'welfare.eligibility.flagged',
      version: 1,
      source: 'welfare',
      actor: { subject: testCallers.welfare.sub, agency: 'welfare' },
    });
    expect(Object.keys(events[0]!.data as object).sort()).toEqual(['flag', 'flagId', 'flaggedAt', 'householdRef', 'validUntil']);
    expect(events[0]!.data).toMatchObject({ flagId, householdRef, flag: 'low-income', validUntil: today(180) });

    // Unsupported by the assessment, already active, out of range, or someone else's case.
    expect(await problemOf(api('welfare').post(`${path}/flags`, { flag: 'disability-in-household', validUntil: today(180) }))).toEqual({
      status: 409,
      code: 'flag-not-supported',
    });
    expect(await problemOf(api('welfare').post(`${path}/flags`, { flag: 'low-income', validUntil: today(100) }))).toEqual({
      status: 409,
      code: 'flag-already-active',
    });
    expect(await problemOf(api('welfare').post(`${path}/flags`, { flag: 'female-headed-household', validUntil: today(0) }))).toEqual({
      status: 422,
      code: 'flag-validity-too-short',
      field: 'validUntil',
    });
    expect(await problemOf(api('welfare').post(`${path}/flags`, { flag: 'female-headed-household', validUntil: today(400) }))).toEqual({
      status: 422,
      code: 'flag-validity-too-long',
      field: 'validUntil',
    });
    expect((await api('welfare').post(`${path}/flags`, { flag: 'rich', validUntil: today(10) })).status).toBe(400);
    expect((await api('welfare2').post(`${path}/flags`, { flag: 'female-headed-household', validUntil: today(10) })).status).toBe(403);
    expect((await api('coordinator').post(`${path}/flags`, { flag: 'female-headed-household', validUntil: today(10) })).status).toBe(403);
    expect((await api('welfare2').post(`${path}/flags/${flagId}/revoke`)).status).toBe(403);
    expect(await outboxOf('cases', caseId)).toHaveLength(1);

    const revoked = await api('welfare').post(`${path}/flags/${flagId}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.activeFlags).toEqual([]);
    expect(revoked.body.flags[0]).toMatchObject({ active: false, revokedBy: 'welfare.officer' });
    events = await outboxOf('cases', caseId);
    expect(events.map((e) => e.type)).toEqual(['welfare.eligibility.flagged', 'welfare.eligibility.revoked']);
    expect(events[1]!.data).toMatchObject({ flagId, householdRef, flag: 'low-income' });
    expect(await problemOf(api('welfare').post(`${path}/flags/${flagId}/revoke`))).toEqual({ status: 409, code: 'flag-already-revoked' });
    expect(await problemOf(api('welfare').post(`${path}/flags/${randomUUID()}/revoke`))).toEqual({ status: 404, code: 'flag-not-found' });

    // Revoked, it may be confirmed again; a flag expires by the clock.
    await api('welfare').post(`${path}/flags`, { flag: 'low-income', validUntil: today(2) });
    clock.advanceDays(3);
    try {
      expect((await api('welfare').get(path)).body.activeFlags).toEqual([]);
    } finally {
      clock.advanceDays(-3);
    }
  });
});

describe('cases from the desk’s referrals', () => {
  const referral = (extra: object = {}) => ({
    referralId: randomUUID(),
    trackingCode: 'K7QM-3XWA',
    agency: 'welfare',
    offerId: 'welfare-it-social-case',
    clinicId: 'clinic-motahari',
    neighbourhoodId: 'nbh-motahari',
    residentRef: randomUUID(),
    householdRef: randomUUID(),
    needCategory: 'social-care',
    respondBy: today(7),
    madeAt: clock.now().toISOString(),
    ...extra,
  });

  beforeAll(async () => {
    const offer = {
      kind: 'social-care',
      title: { fa: 'پرونده مددکاری', en: 'Social-work case' },
      eligibility: { fa: 'خانوارهای آسیب‌پذیر', en: 'Vulnerable households' },
      answers: ['social-care'],
      neighbourhoodIds: [],
      place: { fa: 'کلینیک', en: 'Clinic' },
      schedule: { fa: 'ماهانه', en: 'Monthly' },
      startsOn: null,
      endsOn: null,
      capacity: 10,
      available: 10,
      status: 'open',
    };
    expect((await api('welfare').post('/desk/offers', { offerId: 'welfare-it-social-case', ...offer })).status).toBe(201);
    expect((await api('welfare').post('/desk/offers', { offerId: 'welfare-it-counselling', ...offer, kind: 'counselling' })).status).toBe(
      201,
    );
  });

  it('offers an accepted social-care referral for a case; the case keeps it, and closing with goals met completes it as achieved', async () => {
    const made = referral();
    await deliver('clinics.referral.made', made);
    // Received, not yet accepted: not offered, and refused.
    expect((await api('welfare').get('/cases/openable-referrals')).body.map((r: { referralId: string }) => r.referralId)).not.toContain(
      made.referralId,
    );
    expect(await problemOf(api('welfare').post('/cases/from-referral', { referralId: made.referralId }))).toEqual({
      status: 409,
      code: 'referral-not-accepted',
    });

    expect((await api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: today(90) })).status).toBe(200);
    const openable = await api('welfare').get('/cases/openable-referrals');
    expect(openable.body.find((r: { referralId: string }) => r.referralId === made.referralId)).toMatchObject({
      trackingCode: 'K7QM-3XWA',
      householdRef: made.householdRef,
      offerTitle: { en: 'Social-work case' },
      completeBy: today(90),
    });
    expect((await api('coordinator').get('/cases/openable-referrals')).status).toBe(403);

    const opened = await api('welfare').post('/cases/from-referral', { referralId: made.referralId });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      caseId: made.referralId,
      referralId: made.referralId,
      householdRef: made.householdRef,
      residentRef: made.residentRef,
      neighbourhoodId: 'nbh-motahari',
      clinicId: 'clinic-motahari',
      referral: { trackingCode: 'K7QM-3XWA', state: 'accepted' },
    });
    expect(await problemOf(api('welfare2').post('/cases/from-referral', { referralId: made.referralId }))).toEqual({
      status: 409,
      code: 'household-case-open-elsewhere',
    });
    expect((await api('welfare').get('/cases/openable-referrals')).body.map((r: { referralId: string }) => r.referralId)).not.toContain(
      made.referralId,
    );

    const path = `/cases/${made.referralId}`;
    await api('welfare').put(`${path}/assessment`, hardship);
    const goalId = (await api('welfare').post(`${path}/goals`, { text: 'Stable income' })).body.goals[0].goalId;
    await api('welfare').put(`${path}/goals/${goalId}`, { met: true });
    const closed = await api('welfare').post(`${path}/close`, { reason: 'goals-met' });
    expect(closed.body).toMatchObject({ state: 'closed', referral: { state: 'completed', outcome: 'achieved' } });
    const deskEvents = await outboxOf('referrals', made.referralId);
    expect(deskEvents.map((e) => e.type)).toEqual(['welfare.referral.accepted', 'welfare.referral.completed']);
    expect(deskEvents[1]).toMatchObject({
      data: { referralId: made.referralId, agency: 'welfare', outcome: 'achieved' },
      actor: { subject: testCallers.welfare.sub, agency: 'welfare' },
    });
  });

  it('a case closed because the household moved completes its referral as not achieved; a transfer leaves it accepted', async () => {
    for (const [reason, state, outcome] of [
      ['moved', 'completed', 'not-achieved'],
      ['transferred', 'accepted', null],
    ] as const) {
      const made = referral();
      await deliver('clinics.referral.made', made);
      await api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: today(90) });
      await api('welfare').post('/cases/from-referral', { referralId: made.referralId });
      const closed = await api('welfare').post(`/cases/${made.referralId}/close`, { reason });
      expect(closed.body.referral, reason).toEqual({ trackingCode: 'K7QM-3XWA', state, outcome });
    }
  });

  it('closes a case whose referral the clinic withdrew meanwhile, leaving the referral withdrawn', async () => {
    const made = referral();
    await deliver('clinics.referral.made', made);
    await api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: today(90) });
    await api('welfare').post('/cases/from-referral', { referralId: made.referralId });
    await deliver('clinics.referral.withdrawn', {
      referralId: made.referralId,
      agency: 'welfare',
      reason: 'consent-withdrawn',
      withdrawnAt: clock.now().toISOString(),
    });
    const closed = await api('welfare').post(`/cases/${made.referralId}/close`, { reason: 'declined' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', referral: { state: 'withdrawn', outcome: null } });
    expect((await outboxOf('referrals', made.referralId)).map((e) => e.type)).toEqual(['welfare.referral.accepted']);
    expect((await api('welfare').get('/cases?state=closed')).body.map((c: { caseId: string }) => c.caseId)).toContain(made.referralId);
  });

  it('refuses referrals that are not social care (409), unknown ones (404) and malformed ids (400)', async () => {
    const made = referral({ offerId: 'welfare-it-counselling' });
    await deliver('clinics.referral.made', made);
    await api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: today(30) });
    expect((await api('welfare').get('/cases/openable-referrals')).body.map((r: { referralId: string }) => r.referralId)).not.toContain(
      made.referralId,
    );
    expect(await problemOf(api('welfare').post('/cases/from-referral', { referralId: made.referralId }))).toEqual({
      status: 409,
      code: 'referral-not-social-care',
    });
    expect(await problemOf(api('welfare').post('/cases/from-referral', { referralId: randomUUID() }))).toEqual({
      status: 404,
      code: 'referral-not-found',
    });
    expect((await api('welfare').post('/cases/from-referral', { referralId: 'x' })).status).toBe(400);
    expect(await service.models.cases.exists({ _id: made.referralId })).toBeNull();
  });

  it('completes at start-up the referral of a case whose closing stopped before its second write', async () => {
    const made = referral();
    await deliver('clinics.referral.made', made);
    await api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: today(90) });
    await api('welfare').post('/cases/from-referral', { referralId: made.referralId });
    // The case's write happened, the referral's did not.
    await service.models.cases.updateOne(
      { _id: made.referralId },
      { $set: { state: 'closed', closedFrom: 'opened', closure: { reason: 'declined', at: new Date(), by: 'welfare.officer' } } },
    );
    await welfareService.reference!(service.models, service.deps);
    const stored = await service.models.referrals.findById(made.referralId).lean();
    expect(stored).toMatchObject({ state: 'completed', outcome: 'not-achieved' });
    await welfareService.reference!(service.models, service.deps); // idempotent
    expect((await outboxOf('referrals', made.referralId)).map((e) => e.type)).toEqual([
      'welfare.referral.accepted',
      'welfare.referral.completed',
    ]);
  });
});

describe('aggregate numbers for coordinators and auditors', () => {
  it('counts cases per neighbourhood by stage, level and overdue work, with no case, household or worker in it', async () => {
    const res = await api('coordinator').get('/cases/summary');
    expect(res.status).toBe(200);
    const stored = await service.models.cases.find({}, { householdRef: 1, neighbourhoodId: 1, state: 1 }).limit(1000).lean();
    expect(res.body.totals.total).toBe(stored.length);
    const sarasiab = res.body.neighbourhoods.find((n: { neighbourhoodId: string }) => n.neighbourhoodId === 'nbh-sarasiab');
    expect(sarasiab.total).toBe(stored.filter((c) => c.neighbourhoodId === 'nbh-sarasiab').length);
    expect(sarasiab.byState.closed).toBe(stored.filter((c) => c.neighbourhoodId === 'nbh-sarasiab' && c.state === 'closed').length);
    const text = JSON.stringify(res.body);
    for (const c of stored) {
      expect(text).not.toContain(c.householdRef);
      expect(text).not.toContain(c._id);
    }
    expect(text).not.toContain('welfare.officer');
    expect(Object.keys(res.body.activeFlags).sort()).toEqual([
      'disability-in-household',
      'female-headed-household',
      'long-term-unemployed',
      'low-income',
    ]);
    expect((await api('auditor').get('/cases/summary')).status).toBe(200);
    expect((await api('welfare').get('/cases/summary')).status).toBe(200);
    expect((await api('worker').get('/cases/summary')).status).toBe(403);
    expect((await api('tvto').get('/cases/summary')).status).toBe(403);
    expect((await api().get('/cases/summary')).status).toBe(401);
  });
});

describe('demo seed', () => {
  it('stores twelve cases in every stage across the four neighbourhoods, publishes flags for the relief households, and is idempotent', async () => {
    await seedWelfare(deps);
    await seedWelfare(deps);
    const ids = new Set(demoCases.map((_, i) => demoCaseId(i)));
    const seeded = (await service.models.cases.find({}).limit(1000).lean()).filter((c) => ids.has(c._id));
    expect(seeded).toHaveLength(12);
    expect(new Set(seeded.map((c) => c.state))).toEqual(new Set(['opened', 'assessed', 'planned', 'in-follow-up', 'closed']));
    expect(new Set(seeded.map((c) => c.neighbourhoodId)).size).toBe(4);
    expect(new Set(seeded.map((c) => c.worker))).toEqual(new Set(['welfare.officer', 'welfare.officer2']));
    // The households of the relief loan referrals hold an active low-income flag, published as an event.
    for (let k = 0; k < 4; k++) {
      const householdRef = demoHouseholdRef(demoResidentIndex(k, 3));
      const c = seeded.find((s) => s.householdRef === householdRef)!;
      const events = await outboxOf('cases', c._id);
      expect(events.filter((e) => e.type === 'welfare.eligibility.flagged').map((e) => (e.data as { flag: string }).flag)).toContain(
        'low-income',
      );
      expect(c.flags.some((f) => f.flag === 'low-income' && f.revokedAt === null && f.validUntil > today())).toBe(true);
    }
    const summary = await api('coordinator').get('/cases/summary');
    expect(summary.body.totals.withOverdueWork).toBeGreaterThan(0);
    expect(summary.body.activeFlags['low-income']).toBeGreaterThanOrEqual(6);
    const mine = await api('welfare').get('/cases');
    expect(mine.body.filter((c: { caseId: string }) => seeded.some((s) => s._id === c.caseId))).toHaveLength(
      seeded.filter((s) => s.worker === 'welfare.officer').length,
    );
  });
});

it('the desk is composed with the agency’s own roles', () => {
  expect(desk.options).toEqual({ agency: 'welfare', roles: ['welfare-officer'] });
});
