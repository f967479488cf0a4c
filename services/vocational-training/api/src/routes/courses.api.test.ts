import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { vocationalTrainingService } from '../service.js';
import { tvtoForTests } from '../testing/harness.js';

// TVTO's courses, enrolments, attendance and completion through the API (see tvtoForTests).
const { service, api, inDays, outboxOf, acceptedReferral, referredByAClinic } = tvtoForTests();

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

describe('courses', () => {
  it('creates a course and publishes it as a desk offer of kind course, with the same id', async () => {
    const res = await api('tvto').post('/courses', courseBody('tvto-c-tailoring'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      courseId: 'tvto-c-tailoring',
      capacity: 4,
      enrolled: 0,
      available: 4,
      venue: { kind: 'private-institute', id: 'inst-negin' },
    });
    const offers = (await api('coordinator').get('/desk/offers')).body;
    expect(offers.find((o: { offerId: string }) => o.offerId === 'tvto-c-tailoring')).toMatchObject({
      kind: 'course',
      capacity: 4,
      available: 4,
      place: { en: 'Negin private institute' },
    });
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
    const ids = (await service().models.courses.find({}, { _id: 1 }).limit(1000).lean()).map((c) => c._id);
    expect(ids).toEqual(['tvto-c-tailoring']);
    const offerIds = (await service().models.offers.find({}, { _id: 1 }).limit(1000).lean()).map((o) => o._id);
    expect(offerIds.filter((id) => id.startsWith('tvto-c-'))).toEqual(['tvto-c-tailoring']);
  });

  it('takes only course ids with TVTO’s prefix (another agency’s or none: 422 offer-id-not-own, nothing stored) and makes one when none is given', async () => {
    for (const courseId of ['welfare-c-sewing', 'relief-c-sewing', 'c-sewing', 'tvtoc-sewing']) {
      const res = await api('tvto').post('/courses', courseBody(courseId));
      expect(res.body, courseId).toMatchObject({ status: 422, code: 'offer-id-not-own', field: 'courseId' });
      expect(await service().models.courses.exists({ _id: courseId }), courseId).toBeNull();
      expect(await service().models.offers.exists({ _id: courseId }), courseId).toBeNull();
    }
    const { courseId: _none, ...unnamed } = courseBody('');
    const made = await api('tvto').post('/courses', { ...unnamed, title: { fa: 'گلدوزی', en: 'Embroidery at home' } });
    expect(made.status).toBe(201);
    expect(made.body.courseId).toMatch(/^tvto-embroidery-at-home-[0-9a-f]{8}$/);
    expect((await outboxOf('offers', made.body.courseId)).map((e) => e.type)).toEqual(['vocational-training.offer.published']);
  });
});

describe('venues a course is picked at (issue 10: nobody types a venue id)', () => {
  it('lists the clinics, TVTO’s centres and the private institutes its courses name, each by name in both languages', async () => {
    await api('tvto').post(
      '/courses',
      courseBody('tvto-c-venues', {
        venue: { kind: 'private-institute', id: 'inst-farda' },
        venueName: { fa: 'آموزشگاه فردا', en: 'Farda institute' },
      }),
    );
    const venues = (await api('coordinator').get('/venues')).body as { kind: string; id: string; name: { fa: string; en: string } }[];
    const named = (kind: string, id: string) => venues.find((v) => v.kind === kind && v.id === id)?.name;
    expect(named('clinic', 'clinic-sarasiab')).toEqual({ fa: 'کلینیک مددکاری اجتماعی سرآسیاب', en: 'Sar Asiab social-work clinic' });
    expect(named('tvto-centre', 'tvto-kerman-2')?.en).toBe('Kerman TVTO centre no. 2');
    expect(named('private-institute', 'inst-farda')).toEqual({ fa: 'آموزشگاه فردا', en: 'Farda institute' });
    expect(new Set(venues.map((v) => `${v.kind}:${v.id}`)).size).toBe(venues.length);
    expect((await api('worker').get('/venues')).status).toBe(403);
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
    expect(res.body).toMatchObject({
      source: 'referral',
      residentRef: referral.residentRef,
      householdRef: referral.householdRef,
      neighbourhoodId: 'nbh-sarasiab',
      state: 'enrolled',
    });
    fromReferral = res.body.enrolmentId;
    const events = await outboxOf('enrolments', fromReferral);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.enrolment.recorded']);
    expect(events[0]!.data).toMatchObject({
      courseId: 'tvto-c-tailoring',
      trade: 'tailoring',
      venue: { kind: 'private-institute', id: 'inst-negin' },
      referralId: referral.referralId,
    });
    expect((await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: referral.referralId })).status).toBe(409);
  });

  it('refuses a referral not yet accepted (409), one for another offer (422), an unknown one (404)', async () => {
    const received = await acceptedReferral('tvto-c-tailoring', false);
    expect((await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: received.referralId })).body).toMatchObject({
      status: 409,
      code: 'referral-not-accepted',
    });
    const other = await acceptedReferral('tvto-other-offer', false);
    const forAnother = await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: other.referralId });
    expect(forAnother.body).toMatchObject({ status: 422, code: 'referral-for-another-offer', field: 'referralId' });
    expect((await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: randomUUID() })).body).toMatchObject({
      status: 404,
      code: 'referral-not-found',
    });
    expect((await api('tvto').post('/courses/tvto-c-nothing/enrolments', {})).body).toMatchObject({
      status: 404,
      code: 'course-not-found',
    });
    expect((await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: 'x', residentRef: null })).status).toBe(400);
    expect((await api('auditor').post('/courses/tvto-c-tailoring/enrolments', {})).status).toBe(403);
    expect(await service().models.enrolments.countDocuments({ courseId: 'tvto-c-tailoring' })).toBe(1);
  });

  it('enrols a walk-in directly under a fresh opaque id, taking a place of the offer too', async () => {
    const res = await api('tvto').post('/courses/tvto-c-tailoring/enrolments', {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'direct', referralId: null, householdRef: null });
    expect(res.body.residentRef).toMatch(/^[0-9a-f-]{36}$/);
    walkIn = res.body.enrolmentId;
    const offer = (await service().models.offers.findById('tvto-c-tailoring').lean())!;
    expect(offer.seatHolders).toEqual(expect.arrayContaining([referral.referralId, walkIn]));
    expect(offer.available).toBe(2);
    expect((await api('tvto').get('/courses/tvto-c-tailoring')).body).toMatchObject({ enrolled: 2, available: 2 });
  });

  it('enrols one resident once on a course, even when the same enrolment is sent twice at once', async () => {
    const residentRef = randomUUID();
    const results = await Promise.all(
      [1, 2].map(() => api('tvto').post('/courses/tvto-c-tailoring/enrolments', { residentRef, neighbourhoodId: 'nbh-fajr' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const mine = (await service().models.enrolments.find({ courseId: 'tvto-c-tailoring' }).limit(1000).lean()).filter(
      (e) => e.residentRef === residentRef,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]!.neighbourhoodId).toBe('nbh-fajr');
    const course = (await service().models.courses.findById('tvto-c-tailoring').lean())!;
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
    expect(
      (await api('tvto').put('/desk/offers/tvto-c-small', { ...fields, capacity: 2, available: 1, basedOnRevision: offer.revision }))
        .status,
    ).toBe(200);
    expect((await api('tvto').post('/courses/tvto-c-small/enrolments', {})).status).toBe(201);
    expect((await api('tvto').get('/courses/tvto-c-small')).body).toMatchObject({ capacity: 2, enrolled: 2, available: 0 });
  });

  it('never enrols past capacity, however many enrol at once', async () => {
    await api('tvto').post(
      '/courses',
      courseBody('tvto-c-pastry', { trade: 'pastry', capacity: 3, venue: { kind: 'tvto-centre', id: 'tvto-kerman-2' } }),
    );
    const results = await Promise.all(Array.from({ length: 7 }, () => api('tvto').post('/courses/tvto-c-pastry/enrolments', {})));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409]);
    const course = (await service().models.courses.findById('tvto-c-pastry').lean())!;
    expect([
      course.seats,
      course.seatHolders.length,
      await service().models.enrolments.countDocuments({ courseId: 'tvto-c-pastry' }),
    ]).toEqual([3, 3, 3]);
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
    expect(passed.body).toMatchObject({
      state: 'completed',
      result: 'passed',
      // The Jalali year it was earned, no trade slug: a number a resident shows a lender.
      certificateNo: expect.stringMatching(/^TVTO-14\d\d-[A-Z0-9]{8}$/),
    });
    const events = await outboxOf('enrolments', fromReferral);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.enrolment.recorded', 'vocational-training.enrolment.completed']);
    expect(events[1]!.data).toMatchObject({
      result: 'passed',
      certificateNo: passed.body.certificateNo,
      residentRef: referral.residentRef,
      referralId: referral.referralId,
    });
    const desk = (await api('tvto').get('/desk/referrals?state=completed')).body.find(
      (r: { referralId: string }) => r.referralId === referral.referralId,
    );
    expect(desk).toMatchObject({ state: 'completed', outcome: 'achieved' });
    expect((await outboxOf('referrals', referral.referralId)).map((e) => e.type)).toEqual([
      'vocational-training.referral.accepted',
      'vocational-training.referral.completed',
    ]);

    const tooFew = await api('tvto').post(`/enrolments/${walkIn}/complete`, { result: 'passed' });
    expect(tooFew.body).toMatchObject({ status: 422, code: 'attendance-below-pass-mark', detail: expect.stringContaining('80 %') });
    expect((await outboxOf('enrolments', walkIn)).map((e) => e.type)).toEqual(['vocational-training.enrolment.recorded']);
    expect((await api('tvto').post(`/enrolments/${walkIn}/complete`, { result: 'failed' })).body).toMatchObject({
      state: 'completed',
      result: 'failed',
      certificateNo: null,
    });
    expect((await api('tvto').post(`/enrolments/${walkIn}/complete`, { result: 'dropped-out' })).body).toMatchObject({
      status: 409,
      code: 'enrolment-ended',
    });
    expect((await api('tvto').post(`/enrolments/${fromReferral}/complete`, { result: 'passed' })).status).toBe(409);
    expect((await api('tvto').post(`/enrolments/${randomUUID()}/complete`, { result: 'failed' })).body).toMatchObject({
      status: 404,
      code: 'enrolment-not-found',
    });
    expect((await api('tvto').post(`/enrolments/${walkIn}/complete`, { result: 'graduated' })).status).toBe(400);
    expect((await api('welfare').post(`/enrolments/${walkIn}/complete`, { result: 'failed' })).status).toBe(403);

    const certificates = (await api('auditor').get('/certificates')).body;
    expect(certificates).toEqual([
      expect.objectContaining({ certificateNo: passed.body.certificateNo, courseTitle: { fa: 'خیاطی خانگی', en: 'Home tailoring' } }),
    ]);
  });

  it('frees the course’s and the offer’s place when a walk-in drops out', async () => {
    const one = (await api('tvto').post('/courses/tvto-c-tailoring/enrolments', {})).body.enrolmentId;
    const before = (await service().models.offers.findById('tvto-c-tailoring').lean())!;
    const dropped = await api('tvto').post(`/enrolments/${one}/complete`, { result: 'dropped-out' });
    expect(dropped.body).toMatchObject({ state: 'dropped-out', result: 'dropped-out' });
    const course = (await service().models.courses.findById('tvto-c-tailoring').lean())!;
    expect(course.seatHolders).not.toContain(one);
    const after = (await service().models.offers.findById('tvto-c-tailoring').lean())!;
    expect([after.available, after.seatHolders.includes(one)]).toEqual([before.available + 1, false]);
  });

  it('ends an enrolment whose referral the clinic withdrew meanwhile, leaving the withdrawn referral as it is', async () => {
    const withdrawn = await acceptedReferral('tvto-c-tailoring');
    const enrolled = await api('tvto').post('/courses/tvto-c-tailoring/enrolments', { referralId: withdrawn.referralId });
    expect(enrolled.status).toBe(201);
    await service().deliver('clinics.referral.withdrawn', {
      referralId: withdrawn.referralId,
      agency: 'vocational-training',
      reason: 'consent-withdrawn',
      withdrawnAt: service().clock.now().toISOString(),
    });
    const dropped = await api('tvto').post(`/enrolments/${enrolled.body.enrolmentId}/complete`, { result: 'dropped-out' });
    expect([dropped.status, dropped.body.state]).toEqual([200, 'dropped-out']);
    expect((await service().models.referrals.findById(withdrawn.referralId).lean())!.state).toBe('withdrawn');
  });

  it('closes at start-up a referral whose enrolment ended but whose completion was interrupted', async () => {
    // Simulate a crash between the enrolment's completion and the referral's.
    await service().models.referrals.updateOne(
      { _id: referral.referralId },
      { $set: { state: 'accepted', completedAt: null, outcome: null } },
    );
    const before = (await outboxOf('referrals', referral.referralId)).length;
    await vocationalTrainingService.reference!(service().models, service().deps);
    await vocationalTrainingService.reference!(service().models, service().deps);
    const row = (await service().models.referrals.findById(referral.referralId).lean())!;
    expect([row.state, row.outcome]).toEqual(['completed', 'achieved']);
    const events = await outboxOf('referrals', referral.referralId);
    expect(events.map((e) => e.type).slice(before)).toEqual(['vocational-training.referral.completed']);
  });

  it('repairs at start-up a seat an interrupted enrolment left behind', async () => {
    await service().models.courses.updateOne({ _id: 'tvto-c-pastry' }, { $push: { seatHolders: randomUUID() }, $inc: { seats: 1 } });
    await vocationalTrainingService.reference!(service().models, service().deps);
    const course = (await service().models.courses.findById('tvto-c-pastry').lean())!;
    expect(course.seats).toBe(3);
    expect(course.seatHolders).toHaveLength(3);
  });
});

describe('direct enrolments of residents no clinic referred', () => {
  beforeAll(async () => {
    expect((await api('tvto').post('/courses', courseBody('tvto-refs-tailoring', { capacity: 10 }))).status).toBe(201);
  });

  const enrol = (body: object) => api('tvto').post('/courses/tvto-refs-tailoring/enrolments', body);
  const enrolmentsListed = async () =>
    (await api('coordinator').get('/courses/tvto-refs-tailoring')).body.enrolments as { enrolmentId: string; unverified: boolean }[];
  const listedEnrolment = async (id: string) => (await enrolmentsListed()).find((e) => e.enrolmentId === id);

  it('keeps an enrolment of a made-up resident ref, marked unverified in the record, the answer and the course’s list', async () => {
    const madeUp = await enrol({ residentRef: randomUUID(), neighbourhoodId: 'nbh-fajr' });
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ source: 'direct', unverified: true });
    expect((await service().models.enrolments.findById(madeUp.body.enrolmentId).lean())!.refsVerified).toBe(false);
    expect(await listedEnrolment(madeUp.body.enrolmentId)).toMatchObject({ unverified: true });
  });

  it('answers verified a resident a clinic referred to TVTO, and a walk-in under the id TVTO made', async () => {
    const residentRef = randomUUID();
    await referredByAClinic(residentRef);
    const known = await enrol({ residentRef, neighbourhoodId: null });
    expect(known.body).toMatchObject({ residentRef, unverified: false });
    expect((await service().models.enrolments.findById(known.body.enrolmentId).lean())!.refsVerified).toBe(true);
    const walkIn = await enrol({ residentRef: null, neighbourhoodId: null });
    expect(walkIn.body).toMatchObject({ unverified: false });
    expect((await listedEnrolment(walkIn.body.enrolmentId))!.unverified).toBe(false);
  });

  it('shows the enrolment verified once a clinic’s referral naming the resident arrives later', async () => {
    const residentRef = randomUUID();
    const enrolled = (await enrol({ residentRef, neighbourhoodId: null })).body;
    expect(enrolled.unverified).toBe(true);
    await referredByAClinic(residentRef);
    expect(await listedEnrolment(enrolled.enrolmentId)).toMatchObject({ unverified: false });
    const completed = await api('tvto').post(`/enrolments/${enrolled.enrolmentId}/complete`, { result: 'dropped-out' });
    expect(completed.body).toMatchObject({ state: 'dropped-out', unverified: false });
  });

  it('publishes no verification mark in the enrolment’s events (other agencies judge refs by their own referrals)', async () => {
    const enrolled = (await enrol({ residentRef: randomUUID(), neighbourhoodId: null })).body;
    await api('tvto').post(`/enrolments/${enrolled.enrolmentId}/complete`, { result: 'dropped-out' });
    const events = await outboxOf('enrolments', enrolled.enrolmentId);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.enrolment.recorded', 'vocational-training.enrolment.completed']);
    for (const event of events) expect(Object.keys(event.data as object)).not.toContain('refsVerified');
  });
});
