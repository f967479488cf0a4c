import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { referralMadeV1, type EventType } from '@hamgam/contracts';
import type { AdjustableClock } from '@hamgam/service-kit';
import type { TestCaller as Caller } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VtDeps } from './deps.js';
import { vocationalTrainingService } from './service.js';
import { startTvto, type TvtoTestService } from './testing/harness.js';

// TVTO's own domain on the composed service, on a throw-away FerretDB/MongoDB database, local signing
// keys, no broker: events are read from the documents' outboxes and referrals arrive through the desk's subscription.
let service: TvtoTestService;
let deps: VtDeps;
let clock: AdjustableClock;

beforeAll(async () => {
  service = await startTvto();
  deps = service.deps;
  clock = service.clock;
});

afterAll(async () => {
  await service?.close();
});

const api = (caller?: Caller) => service.api(caller);
const deliver = (type: EventType, data: unknown) => service.deliver(type, data);
/** The events waiting in a document's outbox, each checked against its contract. */
const outboxOf = (model: 'offers' | 'referrals' | 'enrolments' | 'permits', id: string) => service.outboxOf(service.models[model].collection.collectionName, id);

const inDays = (n: number) => addDays(clock.now(), n);

const courseBody = (courseId: string, extra: object = {}) => ({
  courseId,
  title: { fa: 'خیاطی خانگی', en: 'Home tailoring' },
  trade: 'tailoring',
  level: 'beginner',
  hours: 60,
  sessions: 5,
  venue: { kind: 'private-institute', id: 'inst-negin' },
  venueName: { fa: 'آموزشگاه آزاد نگین', en: 'Negin private institute' },
  schedule: { fa: 'شنبه‌ها ۹ تا ۱۲', en: 'Saturdays 9–12' },
  startsOn: inDays(7),
  endsOn: inDays(60),
  capacity: 4,
  eligibility: { fa: 'ساکنان ۱۸ سال به بالا', en: 'Residents aged 18+' },
  ...extra,
});

/** A referral the clinic made to `offerId`, delivered and accepted at the desk. */
async function acceptedReferral(offerId: string, accept = true) {
  const made = {
    referralId: randomUUID(), trackingCode: 'K7QM-3XWA', agency: 'vocational-training', offerId, clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab',
    residentRef: randomUUID(), householdRef: randomUUID(), needCategory: 'skills-training', respondBy: inDays(7), madeAt: clock.now().toISOString(),
  };
  expect(referralMadeV1.parse(made)).toEqual(made);
  await deliver('clinics.referral.made', made);
  if (accept) expect((await api('tvto').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: inDays(90) })).status).toBe(200);
  return made;
}

describe('courses', () => {
  it('creates a course and publishes it as a desk offer of kind course, with the same id', async () => {
    const res = await api('tvto').post('/courses', courseBody('tvto-c-tailoring'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ courseId: 'tvto-c-tailoring', capacity: 4, enrolled: 0, available: 4, venue: { kind: 'private-institute', id: 'inst-negin' } });
    const offers = (await api('coordinator').get('/desk/offers')).body;
    expect(offers.find((o: { offerId: string }) => o.offerId === 'tvto-c-tailoring')).toMatchObject({ kind: 'course', capacity: 4, available: 4, place: { en: 'Negin private institute' } });
    expect((await outboxOf('offers', 'tvto-c-tailoring')).map((e) => e.type)).toEqual(['vocational-training.offer.published']);
    expect((await api('auditor').get('/courses')).body.map((c: { courseId: string }) => c.courseId)).toContain('tvto-c-tailoring');
  });

  it('refuses duplicates (409), an end before the start (422), bad input (400), other roles (403) and no token (401), storing nothing', async () => {
    expect((await api('tvto').post('/courses', courseBody('tvto-c-tailoring'))).status).toBe(409);
    const bad = [
      courseBody('tvto-c-bad-1', { venue: { kind: 'mosque', id: 'x' } }),
      courseBody('tvto-c-bad-2', { capacity: 0 }),
      courseBody('tvto-c-bad-4', { trade: { $gt: '' } }),
      courseBody('tvto-c-bad-5', { agency: 'welfare' }),
    ];
    for (const body of bad) expect((await api('tvto').post('/courses', body)).status, body.courseId).toBe(400);
    const backwards = await api('tvto').post('/courses', courseBody('tvto-c-bad-3', { endsOn: inDays(1), startsOn: inDays(5) }));
    expect(backwards.body).toMatchObject({ status: 422, code: 'course-ends-before-start', field: 'endsOn' });
    expect((await api('welfare').post('/courses', courseBody('tvto-c-welfare'))).status).toBe(403);
    expect((await api('coordinator').post('/courses', courseBody('tvto-c-coord'))).status).toBe(403);
    expect((await api().post('/courses', courseBody('tvto-c-anon'))).status).toBe(401);
    expect((await api('worker').get('/courses')).status).toBe(403);
    expect((await api().get('/courses')).status).toBe(401);
    const ids = (await service.models.courses.find({}, { _id: 1 }).limit(1000).lean()).map((c) => c._id);
    expect(ids).toEqual(['tvto-c-tailoring']);
    const offerIds = (await service.models.offers.find({}, { _id: 1 }).limit(1000).lean()).map((o) => o._id);
    expect(offerIds.filter((id) => id.startsWith('tvto-c-'))).toEqual(['tvto-c-tailoring']);
  });

  it('takes only course ids with TVTO’s prefix (another agency’s or none: 422 offer-id-not-own, nothing stored) and makes one when none is given', async () => {
    for (const courseId of ['welfare-c-sewing', 'relief-c-sewing', 'c-sewing', 'tvtoc-sewing']) {
      const res = await api('tvto').post('/courses', courseBody(courseId));
      expect(res.body, courseId).toMatchObject({ status: 422, code: 'offer-id-not-own', field: 'courseId' });
      expect(await service.models.courses.exists({ _id: courseId }), courseId).toBeNull();
      expect(await service.models.offers.exists({ _id: courseId }), courseId).toBeNull();
    }
    const { courseId: _none, ...unnamed } = courseBody('');
    const made = await api('tvto').post('/courses', { ...unnamed, title: { fa: 'گلدوزی', en: 'Embroidery at home' } });
    expect(made.status).toBe(201);
    expect(made.body.courseId).toMatch(/^tvto-embroidery-at-home-[0-9a-f]{8}$/);
    expect((await outboxOf('offers', made.body.courseId)).map((e) => e.type)).toEqual(['vocational-training.offer.published']);
  });
});

describe('enrolments, attendance, completion', () => {
  let referral: Awaited<ReturnType<typeof acceptedReferral>>;
  let fromReferral: string;
  let walkIn: string;

  it('enrols an accepted referral’s resident with the recorded event (opaque ids only)', async () => {
    referral = await acceptedReferral('tvto-c-tailoring');
    const res = await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: referral.referralId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'referral', residentRef: referral.residentRef, householdRef: referral.householdRef, neighbourhoodId: 'nbh-sarasiab', state: 'enrolled' });
    fromReferral = res.body.enrolmentId;
    const events = await outboxOf('enrolments', fromReferral);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.enrolment.recorded']);
    expect(events[0]!.data).toMatchObject({ courseId: 'tvto-c-tailoring', trade: 'tailoring', venue: { kind: 'private-institute', id: 'inst-negin' }, referralId: referral.referralId });
    expect((await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: referral.referralId })).status).toBe(409);
  });

  it('refuses a referral not yet accepted (409), one for another offer (422), an unknown one (404)', async () => {
    const received = await acceptedReferral('tvto-c-tailoring', false);
    expect((await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: received.referralId })).body).toMatchObject({ status: 409, code: 'referral-not-accepted' });
    const other = await acceptedReferral('tvto-other-offer', false);
    const forAnother = await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: other.referralId });
    expect(forAnother.body).toMatchObject({ status: 422, code: 'referral-for-another-offer', field: 'referralId' });
    expect((await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: randomUUID() })).body).toMatchObject({ status: 404, code: 'referral-not-found' });
    expect((await api('tvto').post('/courses/tvto-c-nothing/enrolments', {})).body).toMatchObject({ status: 404, code: 'course-not-found' });
    expect((await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: 'x', residentRef: null })).status).toBe(400);
    expect((await api('auditor').post('/courses/tvto-c-tailoring/enrolments', {})).status).toBe(403);
    expect(await service.models.enrolments.countDocuments({ courseId: 'tvto-c-tailoring' })).toBe(1);
  });

  it('enrols a walk-in directly under a fresh opaque id, taking a place of the offer too', async () => {
    const res = await api('tvto').post('/courses/tvto-c-tailoring/enrolments', {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'direct', referralId: null, householdRef: null });
    expect(res.body.residentRef).toMatch(/^[0-9a-f-]{36}$/);
    walkIn = res.body.enrolmentId;
    const offer = (await service.models.offers.findById('tvto-c-tailoring').lean())!;
    expect(offer.seatHolders).toEqual(expect.arrayContaining([referral.referralId, walkIn]));
    expect(offer.available).toBe(2);
    expect((await api('tvto').get('/courses/tvto-c-tailoring')).body).toMatchObject({ enrolled: 2, available: 2 });
  });

  it('enrols one resident once on a course, even when the same enrolment is sent twice at once', async () => {
    const residentRef = randomUUID();
    const results = await Promise.all([1, 2].map(() => api('tvto').post('/courses/tvto-c-tailoring/enrolments', { residentRef, neighbourhoodId: 'nbh-fajr' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const mine = (await service.models.enrolments.find({ courseId: 'tvto-c-tailoring' }).limit(1000).lean()).filter((e) => e.residentRef === residentRef);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.neighbourhoodId).toBe('nbh-fajr');
    const course = (await service.models.courses.findById('tvto-c-tailoring').lean())!;
    expect(course.seats).toBe(course.seatHolders.length);
    expect(course.seatHolders).toContain(mine[0]!._id);
    // Leave the course as the next tests expect it: the extra walk-in drops out.
    expect((await api('tvto').post(`/enrolments/${mine[0]!._id}/complete`, { result: 'dropped-out' })).status).toBe(200);
  });

  it('follows a capacity staff changed in the catalogue (the course’s offer)', async () => {
    await api('tvto').post('/courses', courseBody('tvto-c-small', { trade: 'embroidery', capacity: 1 }));
    expect((await api('tvto').post('/courses/tvto-c-small/enrolments', {})).status).toBe(201);
    expect((await api('tvto').post('/courses/tvto-c-small/enrolments', {})).body).toMatchObject({ status: 409, code: 'course-full' });
    const offer = (await api('tvto').get('/desk/offers')).body.find((o: { offerId: string }) => o.offerId === 'tvto-c-small');
    const { offerId: _o, revision: _r, seatsTaken: _s, updatedAt: _u, ...fields } = offer;
    expect((await api('tvto').put('/desk/offers/tvto-c-small', { ...fields, capacity: 2, available: 1, basedOnRevision: offer.revision })).status).toBe(200);
    expect((await api('tvto').post('/courses/tvto-c-small/enrolments', {})).status).toBe(201);
    expect((await api('tvto').get('/courses/tvto-c-small')).body).toMatchObject({ capacity: 2, enrolled: 2, available: 0 });
  });

  it('never enrols past capacity, however many enrol at once', async () => {
    await api('tvto').post('/courses', courseBody('tvto-c-pastry', { trade: 'pastry', capacity: 3, venue: { kind: 'tvto-centre', id: 'tvto-kerman-2' } }));
    const results = await Promise.all(Array.from({ length: 7 }, () => api('tvto').post('/courses/tvto-c-pastry/enrolments', {})));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409]);
    const course = (await service.models.courses.findById('tvto-c-pastry').lean())!;
    expect([course.seats, course.seatHolders.length, await service.models.enrolments.countDocuments({ courseId: 'tvto-c-pastry' })]).toEqual([3, 3, 3]);
  });

  it('takes attendance per session and refuses strangers, sessions out of range and readers', async () => {
    const sheet = (n: number, present: string[]) => api('tvto').put(`/courses/tvto-c-tailoring/sessions/${n}/attendance`, { present });
    for (const n of [1, 2, 3, 4]) expect((await sheet(n, n <= 2 ? [fromReferral, walkIn] : [fromReferral])).status).toBe(200);
    expect((await sheet(5, [])).body).toMatchObject({ session: 5, present: 0, enrolled: 2 });
    expect((await sheet(1, [fromReferral, walkIn])).body.changed).toBe(0);
    expect((await sheet(2, [randomUUID()])).body).toMatchObject({ status: 422, code: 'not-enrolled', field: 'present' });
    expect((await sheet(6, [])).body).toMatchObject({ status: 422, code: 'session-out-of-range', field: 'session' });
    expect((await api('auditor').put('/courses/tvto-c-tailoring/sessions/1/attendance', { present: [] })).status).toBe(403);
    const detail = (await api('coordinator').get('/courses/tvto-c-tailoring')).body;
    expect(detail.sessionsHeld).toBe(5);
    const rows = new Map(detail.enrolments.map((e: { enrolmentId: string }) => [e.enrolmentId, e]));
    expect(rows.get(fromReferral)).toMatchObject({ attended: [1, 2, 3, 4], attendanceRate: 0.8 });
    expect(rows.get(walkIn)).toMatchObject({ attended: [1, 2], attendanceRate: 0.4 });
  });

  it('passes at 80 % with a certificate, completes the referral as achieved for the clinic, and refuses a pass below it', async () => {
    const passed = await api('tvto').post(`/enrolments/${fromReferral}/complete`, { result: 'passed' });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ state: 'completed', result: 'passed', certificateNo: expect.stringMatching(/^TVTO-TAILORING-[A-Z0-9]{8}$/) });
    const events = await outboxOf('enrolments', fromReferral);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.enrolment.recorded', 'vocational-training.enrolment.completed']);
    expect(events[1]!.data).toMatchObject({ result: 'passed', certificateNo: passed.body.certificateNo, residentRef: referral.residentRef, referralId: referral.referralId });
    const desk = (await api('tvto').get('/desk/referrals?state=completed')).body.find((r: { referralId: string }) => r.referralId === referral.referralId);
    expect(desk).toMatchObject({ state: 'completed', outcome: 'achieved' });
    expect((await outboxOf('referrals', referral.referralId)).map((e) => e.type)).toEqual(['vocational-training.referral.accepted', 'vocational-training.referral.completed']);

    const tooFew = await api('tvto').post(`/enrolments/${walkIn}/complete`, { result: 'passed' });
    expect(tooFew.body).toMatchObject({ status: 422, code: 'attendance-below-pass-mark', detail: expect.stringContaining('80 %') });
    expect((await outboxOf('enrolments', walkIn)).map((e) => e.type)).toEqual(['vocational-training.enrolment.recorded']);
    expect((await api('tvto').post(`/enrolments/${walkIn}/complete`, { result: 'failed' })).body).toMatchObject({ state: 'completed', result: 'failed', certificateNo: null });
    expect((await api('tvto').post(`/enrolments/${walkIn}/complete`, { result: 'dropped-out' })).body).toMatchObject({ status: 409, code: 'enrolment-ended' });
    expect((await api('tvto').post(`/enrolments/${fromReferral}/complete`, { result: 'passed' })).status).toBe(409);
    expect((await api('tvto').post(`/enrolments/${randomUUID()}/complete`, { result: 'failed' })).body).toMatchObject({ status: 404, code: 'enrolment-not-found' });
    expect((await api('tvto').post(`/enrolments/${walkIn}/complete`, { result: 'graduated' })).status).toBe(400);
    expect((await api('welfare').post(`/enrolments/${walkIn}/complete`, { result: 'failed' })).status).toBe(403);

    const certificates = (await api('auditor').get('/certificates')).body;
    expect(certificates).toEqual([expect.objectContaining({ certificateNo: passed.body.certificateNo, courseTitle: { fa: 'خیاطی خانگی', en: 'Home tailoring' } })]);
  });

  it('frees the course’s and the offer’s place when a walk-in drops out', async () => {
    const one = (await api('tvto').post('/courses/tvto-c-tailoring/enrolments', {})).body.enrolmentId;
    const before = (await service.models.offers.findById('tvto-c-tailoring').lean())!;
    const dropped = await api('tvto').post(`/enrolments/${one}/complete`, { result: 'dropped-out' });
    expect(dropped.body).toMatchObject({ state: 'dropped-out', result: 'dropped-out' });
    const course = (await service.models.courses.findById('tvto-c-tailoring').lean())!;
    expect(course.seatHolders).not.toContain(one);
    const after = (await service.models.offers.findById('tvto-c-tailoring').lean())!;
    expect([after.available, after.seatHolders.includes(one)]).toEqual([before.available + 1, false]);
  });

  it('closes at start-up a referral whose enrolment ended but whose completion was interrupted', async () => {
    // Simulate a crash between the enrolment's completion and the referral's.
    await service.models.referrals.updateOne({ _id: referral.referralId }, { $set: { state: 'accepted', completedAt: null, outcome: null } });
    const before = (await outboxOf('referrals', referral.referralId)).length;
    await vocationalTrainingService.reference!(service.models, service.deps);
    await vocationalTrainingService.reference!(service.models, service.deps);
    const row = (await service.models.referrals.findById(referral.referralId).lean())!;
    expect([row.state, row.outcome]).toEqual(['completed', 'achieved']);
    const events = await outboxOf('referrals', referral.referralId);
    expect(events.map((e) => e.type).slice(before)).toEqual(['vocational-training.referral.completed']);
  });

  it('repairs at start-up a seat an interrupted enrolment left behind', async () => {
    await service.models.courses.updateOne({ _id: 'tvto-c-pastry' }, { $push: { seatHolders: randomUUID() }, $inc: { seats: 1 } });
    await vocationalTrainingService.reference!(service.models, service.deps);
    const course = (await service.models.courses.findById('tvto-c-pastry').lean())!;
    expect(course.seats).toBe(3);
    expect(course.seatHolders).toHaveLength(3);
  });
});

describe('workshop permits', () => {
  const application = (extra: object = {}) => ({ residentRef: null, applicantName: 'Zahra Karimi', trade: 'carpentry', neighbourhoodId: 'nbh-fajr', address: 'Fajr, alley 12, no. 4', ...extra });
  let permitId: string;
  let code: string;

  it('takes an application with a tracking code; a walk-in’s name only for TVTO staff', async () => {
    const res = await api('tvto').post('/permits', application());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', applicantName: 'Zahra Karimi', checklist: [] });
    expect(res.body.trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    permitId = res.body.permitId;
    code = res.body.trackingCode;
    expect((await api('coordinator').get(`/permits/${permitId}`)).body.applicantName).toBeNull();
    expect((await api('auditor').get('/permits')).body.every((p: { applicantName: unknown }) => p.applicantName === null)).toBe(true);
  });

  it('refuses bad applications and other roles, storing nothing', async () => {
    const before = await service.models.permits.countDocuments();
    expect((await api('tvto').post('/permits', application({ residentRef: randomUUID() }))).status).toBe(400);
    expect((await api('tvto').post('/permits', application({ applicantName: null }))).status).toBe(400);
    expect((await api('tvto').post('/permits', application({ neighbourhoodId: 'Fajr!' }))).status).toBe(400);
    expect((await api('welfare').post('/permits', application())).status).toBe(403);
    expect((await api('coordinator').post('/permits', application())).status).toBe(403);
    expect((await api().post('/permits', application())).status).toBe(401);
    expect((await api('worker').get('/permits')).status).toBe(403);
    expect(await service.models.permits.countDocuments()).toBe(before);
  });

  it('walks checklist → inspection → approval, publishing permit.issued without the name', async () => {
    const path = `/permits/${permitId}`;
    const early = await api('tvto').post(`${path}/inspection`, { date: inDays(0), inspector: 'Eng. Rahimi', findings: 'ok', passed: true });
    expect(early.body).toMatchObject({ status: 409, code: 'permit-step-out-of-order' });
    for (const item of ['id-copy', 'skill-certificate', 'lease-or-ownership']) expect((await api('tvto').put(`${path}/checklist`, { item, received: true })).body.status).toBe('submitted');
    expect((await api('tvto').put(`${path}/checklist`, { item: 'fire-drill', received: true })).status).toBe(400);
    expect((await api('tvto').put(`${path}/checklist`, { item: 'safety', received: true })).body).toMatchObject({ status: 'documents-complete', checklist: ['id-copy', 'skill-certificate', 'lease-or-ownership', 'safety'] });
    expect((await api('tvto').post(`${path}/decision`, { decision: 'approved', reason: 'ok' })).status).toBe(409);
    const inspected = await api('tvto').post(`${path}/inspection`, { date: inDays(0), inspector: 'Eng. Rahimi', findings: 'Ventilation and extinguisher in place', passed: true });
    expect(inspected.body).toMatchObject({ status: 'inspected', inspection: { passed: true, inspector: 'Eng. Rahimi' } });
    // Documents are checked before the inspection: an inspected application is in no state for it.
    expect((await api('tvto').put(`${path}/checklist`, { item: 'safety', received: false })).body).toMatchObject({ status: 409, code: 'permit-step-out-of-order' });
    expect(await outboxOf('permits', permitId)).toEqual([]);
    const approved = await api('tvto').post(`${path}/decision`, { decision: 'approved', reason: 'All requirements met' });
    expect(approved.body).toMatchObject({ status: 'approved', permitNo: expect.stringMatching(/^WP-\d{4}-[A-Z0-9]{8}$/), validUntil: inDays(365), decision: { decision: 'approved' } });
    expect(approved.body.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'documents-complete', 'inspected', 'approved']);
    const events = await outboxOf('permits', permitId);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.permit.issued']);
    expect(events[0]!.data).toMatchObject({ permitId, permitNo: approved.body.permitNo, trade: 'carpentry', neighbourhoodId: 'nbh-fajr', residentRef: null, validUntil: inDays(365) });
    expect(JSON.stringify(events)).not.toContain('Zahra');
    expect((await api('tvto').post(`${path}/decision`, { decision: 'rejected', reason: 'x' })).status).toBe(409);
    expect((await api('tvto').post(`${path}/renew`)).body).toMatchObject({ status: 422, code: 'renewal-not-open' });
  });

  it('answers the public tracking lookup with status and next step only, without a token', async () => {
    const res = await api().get(`/permits/tracking/${code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'lastUpdate', 'nextStep', 'status', 'statusLabel']);
    expect(res.body).toMatchObject({ code, status: 'approved', statusLabel: { en: 'Permit issued' } });
    expect(JSON.stringify(res.body)).not.toMatch(/Zahra|alley/);
    expect((await api().get('/permits/tracking/ZZZZ-ZZZZ')).status).toBe(404);
    expect((await api().get('/permits/tracking/not-a-code')).status).toBe(400);
  });

  it('expires by the calendar and is renewed for another year, republishing the permit', async () => {
    clock.advanceDays(370);
    try {
      expect((await api('tvto').get('/permits?status=expired')).body.map((p: { permitId: string }) => p.permitId)).toContain(permitId);
      expect((await api().get(`/permits/tracking/${code}`)).body.status).toBe('expired');
      const renewed = await api('tvto').post(`/permits/${permitId}/renew`);
      expect(renewed.body).toMatchObject({ status: 'renewed', validUntil: inDays(365) });
      expect(renewed.body.renewals).toHaveLength(1);
      const events = await outboxOf('permits', permitId);
      expect(events.map((e) => (e.data as { validUntil: string }).validUntil)).toEqual([addDays(inDays(-370), 365), inDays(365)]);
      expect((await api('auditor').post(`/permits/${permitId}/renew`)).status).toBe(403);
    } finally {
      clock.advanceDays(-370);
    }
  });

  it('takes an application from an accepted workshop-permit referral and answers the clinic with the decision', async () => {
    const offer = await api('tvto').post('/desk/offers', {
      offerId: 'tvto-c-permit', kind: 'workshop-permit', title: { fa: 'مجوز کارگاه', en: 'Workshop permit' }, eligibility: { fa: 'همه', en: 'All' }, answers: ['workshop-space'],
      neighbourhoodIds: [], place: { fa: 'اداره', en: 'Office' }, schedule: { fa: '۳۰ روز', en: '30 days' }, startsOn: null, endsOn: null, capacity: 10, available: 10, status: 'open',
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const made = await acceptedReferral('tvto-c-permit');
    const body = { referralId: made.referralId, trade: 'tailoring', neighbourhoodId: 'nbh-sarasiab', address: 'Sar Asiab, alley 3' };
    const applied = await api('tvto').post('/permits', body);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ referralId: made.referralId, residentRef: made.residentRef, applicantName: null });
    expect((await api('tvto').post('/permits', body)).body).toMatchObject({ status: 409, code: 'referral-has-application' });
    expect((await api('tvto').post('/permits', { ...body, applicantName: 'X' })).status).toBe(400);
    const course = await acceptedReferral('tvto-c-tailoring');
    expect((await api('tvto').post('/permits', { ...body, referralId: course.referralId })).body).toMatchObject({ status: 422, code: 'referral-for-another-offer', field: 'referralId' });
    expect((await api('tvto').post('/permits', { ...body, referralId: randomUUID() })).body).toMatchObject({ status: 404, code: 'referral-not-found' });
    await api('tvto').post(`/permits/${applied.body.permitId}/decision`, { decision: 'rejected', reason: 'Not in a target neighbourhood' });
    const row = (await api('tvto').get('/desk/referrals?state=completed')).body.find((r: { referralId: string }) => r.referralId === made.referralId);
    expect(row).toMatchObject({ outcome: 'not-achieved' });
  });

  it('rejects with a reason at any point before a decision; a rejected application is final', async () => {
    const referred = await api('tvto').post('/permits', application({ residentRef: randomUUID(), applicantName: null, trade: 'welding' }));
    const path = `/permits/${referred.body.permitId}`;
    expect((await api('tvto').post(`${path}/decision`, { decision: 'rejected', reason: '' })).status).toBe(400);
    const rejected = await api('tvto').post(`${path}/decision`, { decision: 'rejected', reason: 'Address is outside the target neighbourhoods' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: { reason: 'Address is outside the target neighbourhoods' }, permitNo: null });
    expect((await api('tvto').post(`${path}/renew`)).body).toMatchObject({ status: 409, code: 'permit-step-out-of-order' });
    expect((await api('tvto').put(`${path}/checklist`, { item: 'safety', received: true })).body).toMatchObject({ status: 409, code: 'permit-step-out-of-order' });
    expect(await outboxOf('permits', referred.body.permitId)).toEqual([]);
  });
});

describe('career counselling', () => {
  it('keeps the trade demand list, high demand first', async () => {
    const put = (trade: string, level: string) =>
      api('tvto').put(`/counselling/demand/${trade}`, { label: { fa: trade, en: trade }, level, note: { fa: 'یادداشت', en: 'note' } });
    expect((await put('pastry', 'medium')).status).toBe(200);
    expect((await put('tailoring', 'high')).status).toBe(200);
    expect((await put('tailoring', 'high')).status).toBe(200);
    expect((await put('welding', 'urgent')).status).toBe(400);
    expect((await api('welfare').put('/counselling/demand/x', { label: { fa: 'x', en: 'x' }, level: 'low', note: { fa: 'x', en: 'x' } })).status).toBe(403);
    expect((await api('coordinator').get('/counselling/demand')).body.map((d: { trade: string }) => d.trade)).toEqual(['tailoring', 'pastry']);
  });

  it('books the counsellor’s day for an accepted referral, records guidance from the list, and completes the referral', async () => {
    const offer = await api('tvto').post('/desk/offers', {
      offerId: 'tvto-c-counselling', kind: 'counselling', title: { fa: 'مشاوره', en: 'Counselling' }, eligibility: { fa: 'همه', en: 'All' }, answers: ['employment'],
      neighbourhoodIds: [], place: { fa: 'کلینیک', en: 'Clinic' }, schedule: { fa: 'سه‌شنبه', en: 'Tuesdays' }, startsOn: null, endsOn: null, capacity: 10, available: 10, status: 'open',
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const referral = await acceptedReferral('tvto-c-counselling');
    const booked = await api('tvto').post('/counselling/sessions', { clinicId: 'clinic-motahari', referralId: referral.referralId, day: inDays(3), time: '10:00' });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ state: 'booked', residentRef: referral.residentRef, clinicId: 'clinic-sarasiab' });
    const clash = await api('tvto').post('/counselling/sessions', { clinicId: 'clinic-sarasiab', residentRef: randomUUID(), day: inDays(3), time: '10:00' });
    expect(clash.body).toMatchObject({ status: 409, code: 'counsellor-booked' });
    const nobody = await api('tvto').post('/counselling/sessions', { clinicId: 'clinic-sarasiab', day: inDays(3), time: '11:00' });
    expect(nobody.body).toMatchObject({ status: 422, code: 'session-without-resident', field: 'residentRef' });
    expect((await api('tvto').post('/counselling/sessions', { clinicId: 'clinic-sarasiab', residentRef: randomUUID(), day: inDays(3), time: '25:00' })).status).toBe(400);
    const id = booked.body.sessionId;
    const offList = await api('tvto').post(`/counselling/sessions/${id}/record`, { state: 'held', notes: 'Interested in sewing', guidance: ['welding'] });
    expect(offList.body).toMatchObject({ status: 422, code: 'guidance-not-on-demand-list', field: 'guidance' });
    const held = await api('tvto').post(`/counselling/sessions/${id}/record`, { state: 'held', notes: 'Interested in sewing; has a machine at home', guidance: ['tailoring'] });
    expect(held.body).toMatchObject({ state: 'held', guidance: ['tailoring'] });
    expect((await api('tvto').post(`/counselling/sessions/${id}/record`, { state: 'no-show' })).body).toMatchObject({ status: 409, code: 'session-recorded' });
    const completed = (await api('tvto').get('/desk/referrals?state=completed')).body.find((r: { referralId: string }) => r.referralId === referral.referralId);
    expect(completed).toMatchObject({ outcome: 'achieved' });
    expect((await api('auditor').get('/counselling/sessions?clinicId=clinic-sarasiab')).body.map((s: { sessionId: string }) => s.sessionId)).toContain(id);
    expect((await api('auditor').get('/counselling/sessions?clinicId=clinic-fajr')).body).toEqual([]);
    expect((await api('auditor').post(`/counselling/sessions/${id}/record`, { state: 'no-show' })).status).toBe(403);
    expect((await api('worker').get('/counselling/sessions')).status).toBe(403);
  });
});

describe('apprenticeships', () => {
  const master = { masterId: 'm-rezaei', name: 'Ostad Rezaei', guild: { fa: 'صنف درودگران', en: 'Carpenters’ guild' }, trade: 'carpentry', neighbourhoodId: 'nbh-fajr', capacity: 1 };

  it('places residents with a master up to capacity, checks progress monthly, and frees the place on completion', async () => {
    expect((await api('tvto').post('/apprenticeships/masters', master)).status).toBe(201);
    expect((await api('tvto').post('/apprenticeships/masters', master)).body).toMatchObject({ status: 409, code: 'master-exists' });
    expect((await api('tvto').post('/apprenticeships/masters', { ...master, masterId: 'm-x', capacity: 0 })).status).toBe(400);
    expect((await api('coordinator').post('/apprenticeships/masters', { ...master, masterId: 'm-y' })).status).toBe(403);
    const first = await Promise.all([api('tvto').post('/apprenticeships/masters/m-rezaei/placements', {}), api('tvto').post('/apprenticeships/masters/m-rezaei/placements', {})]);
    expect(first.map((r) => r.status).sort()).toEqual([201, 409]);
    const placement = first.find((r) => r.status === 201)!.body;
    expect((await api('tvto').get('/apprenticeships/masters')).body[0]).toMatchObject({ placed: 1, available: 0 });
    const progress = (body: object) => api('tvto').post(`/apprenticeships/placements/${placement.placementId}/progress`, body);
    const finish = (state: string) => api('tvto').post(`/apprenticeships/placements/${placement.placementId}/finish`, { state });
    expect((await finish('completed')).body).toMatchObject({ status: 422, code: 'progress-not-checked' });
    expect((await progress({ rating: 4, note: 'Joins well' })).body.checks).toHaveLength(1);
    expect((await progress({ rating: 4, note: 'Again' })).body).toMatchObject({ status: 422, code: 'progress-already-recorded' });
    expect((await progress({ rating: 9, note: 'x' })).status).toBe(400);
    expect((await finish('completed')).body).toMatchObject({ state: 'completed' });
    expect((await finish('withdrawn')).body).toMatchObject({ status: 409, code: 'placement-ended' });
    expect((await progress({ rating: 4, note: 'After the end' })).body).toMatchObject({ status: 409, code: 'placement-ended' });
    expect((await api('tvto').get('/apprenticeships/masters')).body[0]).toMatchObject({ placed: 0, available: 1 });
  });

  it('places an accepted apprenticeship referral and closes it when the placement ends; refuses other offers’ referrals', async () => {
    const offer = await api('tvto').post('/desk/offers', {
      offerId: 'tvto-c-apprentice', kind: 'apprenticeship', title: { fa: 'شاگردی', en: 'Apprenticeship' }, eligibility: { fa: 'جوانان', en: 'Youth' }, answers: ['employment'],
      neighbourhoodIds: [], place: { fa: 'کارگاه', en: 'Workshop' }, schedule: { fa: 'روزانه', en: 'Daily' }, startsOn: null, endsOn: null, capacity: 5, available: 5, status: 'open',
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const referral = await acceptedReferral('tvto-c-apprentice');
    const wrong = await acceptedReferral('tvto-c-tailoring');
    const refused = await api('tvto').post('/apprenticeships/masters/m-rezaei/placements', { referralId: wrong.referralId });
    expect(refused.body).toMatchObject({ status: 422, code: 'referral-for-another-offer', field: 'referralId' });
    const placed = await api('tvto').post('/apprenticeships/masters/m-rezaei/placements', { referralId: referral.referralId });
    expect(placed.body).toMatchObject({ residentRef: referral.residentRef, referralId: referral.referralId, state: 'active' });
    const withdrawn = await api('tvto').post(`/apprenticeships/placements/${placed.body.placementId}/finish`, { state: 'withdrawn' });
    expect(withdrawn.body.state).toBe('withdrawn');
    const row = (await api('tvto').get('/desk/referrals?state=completed')).body.find((r: { referralId: string }) => r.referralId === referral.referralId);
    expect(row).toMatchObject({ outcome: 'not-achieved' });
    expect((await api('auditor').get('/apprenticeships/placements?masterId=m-rezaei')).body).toHaveLength(2);
  });
});

describe('demo seed', () => {
  it('seeds courses at every kind of venue, enrolments, permits in every state, counselling and apprenticeships, idempotently', async () => {
    const seedDeps = { ...deps, models: service.models };
    await vocationalTrainingService.seedDemo!(seedDeps);
    const counts = async () => Promise.all((['courses', 'enrolments', 'permits', 'demand', 'sessions', 'masters', 'placements'] as const).map((m) => (service.models[m] as any).countDocuments()));
    const first = await counts();
    await vocationalTrainingService.seedDemo!(seedDeps);
    expect(await counts()).toEqual(first);

    const courses = (await api('auditor').get('/courses')).body as { courseId: string; venue: { kind: string }; enrolled: number; capacity: number }[];
    const seeded = courses.filter((c) => !c.courseId.startsWith('tvto-c-'));
    expect(seeded.length).toBeGreaterThanOrEqual(4);
    expect(new Set(seeded.map((c) => c.venue.kind))).toEqual(new Set(['clinic', 'tvto-centre', 'private-institute']));
    for (const c of seeded) expect(c.enrolled).toBeLessThanOrEqual(c.capacity);
    const offers = (await api('auditor').get('/desk/offers')).body.map((o: { offerId: string }) => o.offerId);
    for (const c of seeded) expect(offers).toContain(c.courseId);
    // Every seeded course's offer carries TVTO's prefix, or the clinics would take another agency's for it.
    for (const c of courses) expect(c.courseId).toMatch(/^tvto-/);

    // The accepted demo referrals to the tailoring course are enrolled from those referrals.
    const tailoringRes = await api('tvto').get('/courses/tvto-home-tailoring-1405');
    expect(tailoringRes.status, JSON.stringify(tailoringRes.body)).toBe(200);
    const tailoring = tailoringRes.body;
    const accepted = (await api('tvto').get('/desk/referrals?state=accepted')).body.filter((r: { offerId: string }) => r.offerId === 'tvto-home-tailoring-1405');
    expect(tailoring.enrolments.map((e: { referralId: string }) => e.referralId).sort()).toEqual(accepted.map((r: { referralId: string }) => r.referralId).sort());
    const certificates = (await api('tvto').get('/certificates')).body.filter((c: { courseId: string }) => c.courseId === 'tvto-computer-skills-1405');
    expect(certificates.length).toBeGreaterThanOrEqual(3);
    const enrolmentIds = (await service.models.enrolments.find({ enrolledBy: 'demo-seed' }, { _id: 1 }).limit(1000).lean()).map((e) => e._id);
    const types = (await Promise.all(enrolmentIds.map((id) => outboxOf('enrolments', id)))).flat().map((e) => e.type);
    expect(types.filter((t) => t.endsWith('enrolment.recorded'))).toHaveLength(enrolmentIds.length);
    expect(types.filter((t) => t.endsWith('enrolment.completed')).length).toBeGreaterThanOrEqual(4);

    const permits = (await api('tvto').get('/permits')).body.filter((p: { history: { by?: string }[]; submittedAt: string }) => new Date(p.submittedAt) < clock.now());
    const states = new Set(permits.map((p: { status: string }) => p.status));
    for (const s of ['submitted', 'documents-complete', 'inspected', 'approved', 'rejected', 'expired']) expect(states, s).toContain(s);
    const approved = permits.find((p: { status: string }) => p.status === 'approved');
    expect((await outboxOf('permits', approved.permitId)).map((e) => e.type)).toEqual(['vocational-training.permit.issued']);
    expect((await api().get(`/permits/tracking/${approved.trackingCode}`)).body.status).toBe('approved');

    expect((await api('auditor').get('/counselling/demand')).body.length).toBeGreaterThanOrEqual(5);
    const held = (await api('auditor').get('/counselling/sessions')).body.filter((s: { state: string }) => s.state === 'held');
    expect(held.length).toBeGreaterThan(0);
    const demandTrades = new Set((await api('auditor').get('/counselling/demand')).body.map((d: { trade: string }) => d.trade));
    for (const s of held) for (const t of s.guidance) expect(demandTrades.has(t)).toBe(true);
    const masters = (await api('auditor').get('/apprenticeships/masters')).body;
    for (const m of masters) expect(m.placed).toBeLessThanOrEqual(m.capacity);
    const placements = (await api('auditor').get('/apprenticeships/placements')).body;
    expect(new Set(placements.map((p: { state: string }) => p.state))).toEqual(new Set(['active', 'completed', 'withdrawn']));
  });
});

describe('public tracking is rate-limited', () => {
  it('answers 429 past 30 look-ups a minute from one address', async () => {
    // The limit counts in clock-aligned minute windows (shared by replicas): start with room left in this one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await api().get('/permits/tracking/ZZZZ-ZZZZ')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(30);
  }, 20_000);
});
