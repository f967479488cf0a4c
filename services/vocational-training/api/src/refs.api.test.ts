import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTvto, type TvtoTestService } from './testing/harness.js';

// Resident refs are opaque ids only the clinics issue: a direct enrolment, placement, permit application or
// counselling booking for a ref no clinic's referral named to TVTO is kept but answered (and listed) unverified, until a
// referral naming the resident reaches TVTO.
let service: TvtoTestService;

beforeAll(async () => {
  service = await startTvto();
  const course = await service.api('tvto').post('/courses', {
    courseId: 'tvto-refs-tailoring', title: { fa: 'خیاطی', en: 'Tailoring' }, trade: 'tailoring', level: 'beginner', hours: 60, sessions: 5,
    venue: { kind: 'clinic', id: 'clinic-sarasiab' }, venueName: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' }, schedule: { fa: 'شنبه‌ها', en: 'Saturdays' },
    startsOn: inDays(7), endsOn: inDays(60), capacity: 10, eligibility: { fa: 'همه', en: 'Everyone' },
  });
  expect(course.status).toBe(201);
  const master = await service.api('tvto').post('/apprenticeships/masters', {
    masterId: 'm-refs', name: 'Ostad Karimi', guild: { fa: 'صنف درودگران', en: 'Carpenters’ guild' }, trade: 'carpentry', neighbourhoodId: 'nbh-fajr', capacity: 10,
  });
  expect(master.status).toBe(201);
});

afterAll(async () => {
  await service?.close();
});

function inDays(n: number) {
  return addDays(service.clock.now(), n);
}

const api = () => service.api('tvto');

/** A clinic's referral to TVTO naming the resident arrives (it need not be accepted, nor be for this course). */
async function referredByAClinic(residentRef: string) {
  await service.deliver('clinics.referral.made', {
    referralId: randomUUID(), trackingCode: 'K7QM-3XWA', agency: 'vocational-training', offerId: 'tvto-some-offer', clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab',
    residentRef, householdRef: randomUUID(), needCategory: 'skills-training', respondBy: inDays(7), madeAt: service.clock.now().toISOString(),
  });
}

const enrol = (body: object) => api().post('/courses/tvto-refs-tailoring/enrolments', body);
const enrolmentsListed = async () => (await service.api('coordinator').get('/courses/tvto-refs-tailoring')).body.enrolments as { enrolmentId: string; unverified: boolean }[];
const listedEnrolment = async (id: string) => (await enrolmentsListed()).find((e) => e.enrolmentId === id);

describe('direct enrolments', () => {
  it('keeps an enrolment of a made-up resident ref, marked unverified in the record, the answer and the course’s list', async () => {
    const madeUp = await enrol({ residentRef: randomUUID(), neighbourhoodId: 'nbh-fajr' });
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ source: 'direct', unverified: true });
    expect((await service.models.enrolments.findById(madeUp.body.enrolmentId).lean())!.refsVerified).toBe(false);
    expect(await listedEnrolment(madeUp.body.enrolmentId)).toMatchObject({ unverified: true });
  });

  it('answers verified a resident a clinic referred to TVTO, and a walk-in under the id TVTO made', async () => {
    const residentRef = randomUUID();
    await referredByAClinic(residentRef);
    const known = await enrol({ residentRef, neighbourhoodId: null });
    expect(known.body).toMatchObject({ residentRef, unverified: false });
    expect((await service.models.enrolments.findById(known.body.enrolmentId).lean())!.refsVerified).toBe(true);
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
    const completed = await api().post(`/enrolments/${enrolled.enrolmentId}/complete`, { result: 'dropped-out' });
    expect(completed.body).toMatchObject({ state: 'dropped-out', unverified: false });
  });

  it('publishes no verification mark in the enrolment’s events (other agencies judge refs by their own referrals)', async () => {
    const enrolled = (await enrol({ residentRef: randomUUID(), neighbourhoodId: null })).body;
    await api().post(`/enrolments/${enrolled.enrolmentId}/complete`, { result: 'dropped-out' });
    const events = await service.outboxOf(service.models.enrolments.collection.collectionName, enrolled.enrolmentId);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.enrolment.recorded', 'vocational-training.enrolment.completed']);
    for (const event of events) expect(Object.keys(event.data as object)).not.toContain('refsVerified');
  });
});

describe('direct apprentice placements', () => {
  const place = (body: object) => api().post('/apprenticeships/masters/m-refs/placements', body);
  const listed = async (id: string) => ((await service.api('auditor').get('/apprenticeships/placements?masterId=m-refs')).body as { placementId: string; unverified: boolean }[]).find((p) => p.placementId === id);

  it('marks a placement of a made-up resident ref unverified, a referred resident’s and a walk-in’s not, and verifies it when a referral arrives', async () => {
    const madeUpRef = randomUUID();
    const madeUp = await place({ residentRef: madeUpRef, neighbourhoodId: null });
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ unverified: true });
    expect((await service.models.placements.findById(madeUp.body.placementId).lean())!.refsVerified).toBe(false);
    expect(await listed(madeUp.body.placementId)).toMatchObject({ unverified: true });

    const referred = randomUUID();
    await referredByAClinic(referred);
    expect((await place({ residentRef: referred, neighbourhoodId: null })).body).toMatchObject({ unverified: false });
    expect((await place({ residentRef: null, neighbourhoodId: null })).body).toMatchObject({ unverified: false });

    await referredByAClinic(madeUpRef);
    expect(await listed(madeUp.body.placementId)).toMatchObject({ unverified: false });
    const checked = await api().post(`/apprenticeships/placements/${madeUp.body.placementId}/progress`, { rating: 4, note: 'Joins well' });
    expect(checked.body).toMatchObject({ unverified: false });
  });
});

describe('permit applications', () => {
  const application = (extra: object) => ({ referralId: null, residentRef: null, applicantName: null, trade: 'carpentry', neighbourhoodId: 'nbh-fajr', address: 'Fajr, alley 12', ...extra });
  const apply = (extra: object) => api().post('/permits', application(extra));
  const listed = async (id: string) => ((await service.api('coordinator').get('/permits?limit=100')).body as { permitId: string; unverified: boolean }[]).find((p) => p.permitId === id);

  it('marks an application for a made-up resident ref unverified, says why in its history, and verifies it when a referral arrives', async () => {
    const madeUpRef = randomUUID();
    const madeUp = await apply({ residentRef: madeUpRef });
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ unverified: true, history: [{ status: 'submitted', note: expect.stringMatching(/not referred.*unverified/) }] });
    expect((await service.models.permits.findById(madeUp.body.permitId).lean())!.refsVerified).toBe(false);
    expect(await listed(madeUp.body.permitId)).toMatchObject({ unverified: true });

    await referredByAClinic(madeUpRef);
    expect((await service.api('coordinator').get(`/permits/${madeUp.body.permitId}`)).body).toMatchObject({ unverified: false });
    const ticked = await api().put(`/permits/${madeUp.body.permitId}/checklist`, { item: 'id-copy', received: true });
    expect(ticked.body).toMatchObject({ unverified: false, checklist: ['id-copy'] });
  });

  it('answers verified a referred resident’s application and a walk-in’s, with no note', async () => {
    const referred = randomUUID();
    await referredByAClinic(referred);
    const known = await apply({ residentRef: referred });
    expect(known.body).toMatchObject({ unverified: false, history: [{ status: 'submitted' }] });
    expect(known.body.history[0].note).toBeUndefined();
    const walkIn = await apply({ applicantName: 'Zahra Karimi' });
    expect(walkIn.body).toMatchObject({ unverified: false });
    expect((await service.models.permits.findById(walkIn.body.permitId).lean())!.refsVerified).toBe(true);
  });
});

describe('direct counselling bookings', () => {
  let hour = 8;
  const book = (residentRef: string) => api().post('/counselling/sessions', { clinicId: 'clinic-fajr', residentRef, day: inDays(5), time: `${String(hour++).padStart(2, '0')}:00` });
  const listed = async (id: string) => ((await service.api('auditor').get('/counselling/sessions?clinicId=clinic-fajr')).body as { sessionId: string; unverified: boolean }[]).find((s) => s.sessionId === id);

  it('marks a booking of a made-up resident ref unverified in the record, the answer and the list, a referred resident’s not, and verifies it when a referral arrives', async () => {
    const madeUpRef = randomUUID();
    const madeUp = await book(madeUpRef);
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ residentRef: madeUpRef, unverified: true });
    expect((await service.models.sessions.findById(madeUp.body.sessionId).lean())!.refsVerified).toBe(false);
    expect(await listed(madeUp.body.sessionId)).toMatchObject({ unverified: true });

    const referred = randomUUID();
    await referredByAClinic(referred);
    const known = await book(referred);
    expect(known.body).toMatchObject({ unverified: false });
    expect((await service.models.sessions.findById(known.body.sessionId).lean())!.refsVerified).toBe(true);

    await referredByAClinic(madeUpRef);
    expect(await listed(madeUp.body.sessionId)).toMatchObject({ unverified: false });
    const recorded = await api().post(`/counselling/sessions/${madeUp.body.sessionId}/record`, { state: 'no-show' });
    expect(recorded.body).toMatchObject({ state: 'no-show', unverified: false });
  });
});
