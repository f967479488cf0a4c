import { randomUUID } from 'node:crypto';
import { createEnvelope, type OfferPublishedV1 } from '@hamgam/contracts';
import type { Subscription } from '@hamgam/service-kit';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicsService } from '../service.js';
import { addConsent, addResident, startApiHarness, type ApiHarness } from '../testing/harness.js';

let h: ApiHarness;
let subscriptions: Subscription[];
let worker: string;
let resident: string;
let sibling: string;
let household: string;
let referralId: string;
let trackingCode: string;
let stranger: string;

const api = () => request(h.app);
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
/** n days after the test clock's now (the referral is made at now). */
const day = (n: number) => new Date(h.clock.now().getTime() + n * 86_400_000).toISOString();

/** Delivers an event to the clinics' handler for it, as the bus would. */
async function deliver(type: string, data: unknown, id: string = randomUUID()) {
  const subscription = subscriptions.find((s) => s.type === type && s.version === 1);
  if (!subscription) throw new Error(`clinics do not consume ${type}`);
  const source = type.split('.')[0]!;
  const envelope = {
    ...createEnvelope({ type, version: 1, source, data, actor: { subject: 'agency-user', agency: source }, correlationId: 'test' }),
    id,
  };
  await subscription.handle(envelope, { log: h.deps.logger });
  return id;
}

const course: OfferPublishedV1 = {
  offerId: 'tvto-home-pastry-test',
  agency: 'vocational-training',
  kind: 'course',
  title: { fa: 'دوره شیرینی‌پزی خانگی', en: 'Home pastry course' },
  eligibility: { fa: 'ساکنان', en: 'Residents' },
  answers: ['skills-training'],
  neighbourhoodIds: [],
  place: { fa: 'مرکز فنی و حرفه‌ای', en: 'TVTO centre' },
  schedule: { fa: 'یکشنبه‌ها', en: 'Sundays' },
  startsOn: null,
  endsOn: null,
  capacity: 20,
  available: 20,
  status: 'open',
  revision: 1,
  publishedAt: new Date().toISOString(),
};

const enrolment = () => ({
  enrolmentId: '0d6c1c1e-0000-4000-8000-000000000001',
  courseId: course.offerId,
  trade: 'pastry',
  venue: { kind: 'clinic', id: 'clinic-sarasiab' },
  residentRef: resident,
  householdRef: household,
  neighbourhoodId: 'nbh-sarasiab',
  referralId,
});

const timelineOf = (id: string, token = worker) => api().get(`/api/v1/residents/${id}/timeline`).set(as(token));

beforeAll(async () => {
  h = await startApiHarness();
  subscriptions = clinicsService.subscriptions!(h.deps as never);
  worker = await h.token('worker');
  resident = await addResident(h.models, 'clinic-sarasiab', 'nbh-sarasiab');
  const stored = await h.models.residents.findById(resident).lean();
  household = stored!.householdId;
  sibling = randomUUID();
  await h.models.residents.create({ ...stored!, _id: sibling, relation: 'child', nationalIdIndex: `sibling-${sibling}` });
  await addConsent(h.models, resident, 'clinic-sarasiab', 'vocational-training', new Date(h.clock.now().getTime() - 86_400_000));
  await deliver('vocational-training.offer.published', course);
  const referred = await api()
    .post('/api/v1/referrals')
    .set(as(worker))
    .send({ residentId: resident, offerId: course.offerId, needCategory: 'skills-training' });
  expect(referred.status).toBe(201);
  referralId = referred.body.id;
  trackingCode = referred.body.trackingCode;

  // The agencies' events arrive out of order, one of them twice.
  await deliver('institute-funding.benefit.granted', {
    benefitId: randomUUID(),
    householdRef: household,
    residentRef: resident,
    purpose: 'skills-training',
    amountRials: 12_000_000,
    grantedAt: day(70),
  });
  const disbursed = await deliver('relief-partnerships.support.disbursed', {
    requestId: randomUUID(),
    residentRef: resident,
    householdRef: household,
    kind: 'micro-loan',
    amountRials: 50_000_000,
    disbursedAt: day(65),
  });
  await deliver(
    'relief-partnerships.support.disbursed',
    {
      requestId: randomUUID(),
      residentRef: resident,
      householdRef: household,
      kind: 'micro-loan',
      amountRials: 50_000_000,
      disbursedAt: day(65),
    },
    disbursed,
  );
  await deliver('vocational-training.enrolment.completed', {
    ...enrolment(),
    result: 'passed',
    certificateNo: 'TVTO-PASTRY-0007',
    completedAt: day(50),
  });
  await deliver('relief-partnerships.support.decided', {
    requestId: randomUUID(),
    residentRef: resident,
    householdRef: household,
    referralId: null,
    kind: 'micro-loan',
    decision: 'approved',
    amountRials: 50_000_000,
    decidedAt: day(60),
  });
  await deliver('welfare.eligibility.flagged', {
    flagId: randomUUID(),
    householdRef: household,
    flag: 'low-income',
    validUntil: '2027-06-30',
    flaggedAt: day(55),
  });
  await deliver('vocational-training.enrolment.recorded', { ...enrolment(), enrolledAt: day(10) });
  // Someone the clinics never registered (a direct enrolment at TVTO): kept, and shown to no one.
  stranger = randomUUID();
  await deliver('vocational-training.enrolment.recorded', {
    ...enrolment(),
    residentRef: stranger,
    householdRef: household,
    referralId: null,
    enrolledAt: day(11),
  });
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe('the resident’s journey across agencies', () => {
  it('keeps one entry per event (a redelivery adds nothing), a stranger’s too', async () => {
    expect(await h.models.journey.countDocuments()).toBe(7);
    expect(await h.models.journey.countDocuments({ residentRef: stranger })).toBe(1);
  });

  it('shows referral steps and every agency’s outcome newest first, with names resolved inside the clinic', async () => {
    const res = await timelineOf(resident);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.map((e: { kind: string }) => e.kind)).toEqual([
      'benefit.granted',
      'support.disbursed',
      'support.decided',
      'eligibility.flagged',
      'enrolment.completed',
      'enrolment.recorded',
      'referral.made',
    ]);
    const byKind = Object.fromEntries(res.body.map((e: { kind: string }) => [e.kind, e]));
    expect(byKind['enrolment.recorded']).toMatchObject({
      agency: 'vocational-training',
      agencyName: { en: 'Technical & Vocational Training' },
      title: { en: 'Home pastry course' },
      place: { en: 'Sar Asiab social-work clinic' },
      scope: 'resident',
      subject: { type: 'enrolment', trackingCode },
    });
    expect(byKind['enrolment.completed'].detail).toEqual({ trade: 'pastry', result: 'passed', certificateNo: 'TVTO-PASTRY-0007' });
    expect(byKind['support.decided']).toMatchObject({
      agency: 'relief-partnerships',
      title: { en: 'Home-business micro-loan' },
      detail: { decision: 'approved', amountRials: '50000000' },
    });
    expect(byKind['eligibility.flagged']).toMatchObject({ agency: 'welfare', scope: 'household', detail: { validUntil: '2027-06-30' } });
    expect(JSON.stringify(byKind['eligibility.flagged'])).not.toContain('low-income');
    expect(byKind['benefit.granted']).toMatchObject({
      agency: 'institute-funding',
      title: { en: 'Skills and home-based-job training' },
      detail: { amountRials: '12000000' },
    });
  });

  it('shows the household’s eligibility on every member’s timeline, but not another member’s own steps', async () => {
    const res = await timelineOf(sibling);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { kind: string }) => e.kind)).toEqual(['eligibility.flagged']);
    // The stranger's enrolment names this household, but is about someone the clinic does not know: no one sees it.
    const own = await timelineOf(resident);
    expect(own.body.filter((e: { kind: string }) => e.kind === 'enrolment.recorded')).toHaveLength(1);
  });

  it('shows an outcome that arrived before its resident was registered, once they are', async () => {
    const early = randomUUID();
    await deliver('relief-partnerships.support.decided', {
      requestId: randomUUID(),
      residentRef: early,
      householdRef: household,
      referralId: null,
      kind: 'equipment',
      decision: 'rejected',
      amountRials: 0,
      decidedAt: day(1),
    });
    const stored = await h.models.residents.findById(resident).lean();
    await h.models.residents.create({ ...stored!, _id: early, relation: 'spouse', nationalIdIndex: `early-${early}` });
    const res = await timelineOf(early);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { kind: string }) => e.kind)).toEqual(['eligibility.flagged', 'support.decided']);
    expect(res.body[1]).toMatchObject({ title: { en: 'Home-business equipment' }, detail: { decision: 'rejected', amountRials: '0' } });
  });

  it('refuses another clinic, the programme-wide roles, the agencies and anonymous callers', async () => {
    expect((await timelineOf(resident, await h.token('worker2'))).status).toBe(403);
    expect((await timelineOf(resident, await h.token('coordinator'))).status).toBe(403);
    expect((await timelineOf(resident, await h.token('tvto'))).status).toBe(403);
    expect((await api().get(`/api/v1/residents/${resident}/timeline`)).status).toBe(401);
    expect((await timelineOf('not-a-uuid')).status).toBe(400);
  });
});
