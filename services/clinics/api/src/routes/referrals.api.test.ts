import { randomUUID } from 'node:crypto';
import { createEnvelope, referralMadeV1, trackingCodeSchema, type OfferPublishedV1 } from '@hamgam/contracts';
import { addDays } from '@hamgam/contracts/days';
import { PoisonMessageError, type Subscription } from '@hamgam/service-kit';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicsService } from '../service.js';
import { addConsent, addResident, startApiHarness, type ApiHarness } from '../testing/harness.js';

let h: ApiHarness;
let subscriptions: Subscription[];
let worker: string;
let otherWorker: string;
let coordinator: string;
let residentA: string;
let residentNoConsent: string;
let residentOther: string;

const api = () => request(h.app);
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

function offer(overrides: Partial<OfferPublishedV1> = {}): OfferPublishedV1 {
  return {
    offerId: 'tvto-home-tailoring-test',
    agency: 'vocational-training',
    kind: 'course',
    title: { fa: 'دوره خیاطی خانگی', en: 'Home tailoring course' },
    eligibility: { fa: 'ساکنان', en: 'Residents' },
    answers: ['skills-training', 'employment'],
    neighbourhoodIds: [],
    place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
    schedule: { fa: 'شنبه‌ها ۹ تا ۱۲', en: 'Saturdays 9–12' },
    startsOn: null,
    endsOn: null,
    capacity: 20,
    available: 20,
    status: 'open',
    revision: 1,
    publishedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Delivers an event to the clinics' handler for it, as the bus would. */
async function deliver(type: string, data: unknown, id = randomUUID()) {
  const subscription = subscriptions.find((s) => s.type === type && s.version === 1);
  if (!subscription) throw new Error(`clinics do not consume ${type}`);
  const envelope = {
    ...createEnvelope({
      type,
      version: 1,
      source: type.split('.')[0]!,
      data,
      actor: { subject: 'agency-user', agency: type.split('.')[0]! },
      correlationId: 'test',
    }),
    id,
  };
  await subscription.handle(envelope, { log: h.deps.logger });
}

async function refer(residentId: string, offerId = 'tvto-home-tailoring-test', token = worker) {
  return api().post('/api/v1/referrals').set(as(token)).send({ residentId, offerId, needCategory: 'skills-training' });
}

beforeAll(async () => {
  h = await startApiHarness();
  subscriptions = clinicsService.subscriptions!(h.deps as never);
  worker = await h.token({ sub: 'w1', roles: ['clinic-worker'], clinicIds: ['clinic-sarasiab'], neighbourhoodIds: ['nbh-sarasiab'] });
  otherWorker = await h.token({ sub: 'w2', roles: ['clinic-worker'], clinicIds: ['clinic-motahari'], neighbourhoodIds: ['nbh-motahari'] });
  coordinator = await h.token({ sub: 'c1', roles: ['coordinator'] });
  const now = h.clock.now();
  residentA = await addResident(h.models, 'clinic-sarasiab', 'nbh-sarasiab');
  residentNoConsent = await addResident(h.models, 'clinic-sarasiab', 'nbh-sarasiab');
  residentOther = await addResident(h.models, 'clinic-motahari', 'nbh-motahari');
  await addConsent(h.models, residentA, 'clinic-sarasiab', 'vocational-training', new Date(now.getTime() - 86_400_000));
  await addConsent(h.models, residentOther, 'clinic-motahari', 'vocational-training', new Date(now.getTime() - 86_400_000));
  await deliver('vocational-training.offer.published', offer({ revision: 2, available: 15 }));
  await deliver('vocational-training.offer.published', offer({ revision: 1, available: 20 }));
  await deliver('vocational-training.offer.published', offer({ offerId: 'tvto-closed-test', status: 'closed', revision: 1 }));
  await deliver('vocational-training.offer.published', offer({ offerId: 'tvto-full-test', available: 0, revision: 1 }));
  await deliver(
    'vocational-training.offer.published',
    offer({ offerId: 'tvto-fajr-only-test', neighbourhoodIds: ['nbh-fajr'], revision: 1 }),
  );
  await deliver(
    'welfare.offer.published',
    offer({ offerId: 'welfare-case-test', agency: 'welfare', kind: 'social-care', answers: ['social-care'], revision: 3 }),
  );
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe('service catalogue', () => {
  it('keeps the latest revision of each offer whatever order the events arrive in', async () => {
    const res = await api().get('/api/v1/catalogue').set(as(worker));
    expect(res.status).toBe(200);
    const tailoring = res.body.find((o: { id: string }) => o.id === 'tvto-home-tailoring-test');
    expect(tailoring).toMatchObject({
      revision: 2,
      available: 15,
      agency: 'vocational-training',
      agencyName: { en: 'Technical & Vocational Training' },
    });
    expect(res.body).toHaveLength(5);
  });

  it('filters by need category, agency and neighbourhood served', async () => {
    const social = await api().get('/api/v1/catalogue?category=social-care').set(as(worker));
    expect(social.body.map((o: { id: string }) => o.id)).toEqual(['welfare-case-test']);
    const sarasiab = await api().get('/api/v1/catalogue?neighbourhoodId=nbh-sarasiab&agency=vocational-training').set(as(worker));
    expect(sarasiab.body.map((o: { id: string }) => o.id)).not.toContain('tvto-fajr-only-test');
    expect(sarasiab.body.length).toBe(3);
  });

  it('refuses an offer published under another agency’s name, as poison (dead-lettered at once)', async () => {
    const spoofed = deliver('welfare.offer.published', offer({ offerId: 'tvto-spoofed-test', agency: 'vocational-training', revision: 9 }));
    await expect(spoofed).rejects.toBeInstanceOf(PoisonMessageError);
    const res = await api().get('/api/v1/catalogue').set(as(coordinator));
    expect(res.body.map((o: { id: string }) => o.id)).not.toContain('tvto-spoofed-test');
  });

  it('refuses callers without a role or outside the neighbourhood', async () => {
    expect((await api().get('/api/v1/catalogue')).status).toBe(401);
    const tvto = await h.token({ roles: ['tvto-staff'] });
    expect((await api().get('/api/v1/catalogue').set(as(tvto))).status).toBe(403);
    expect((await api().get('/api/v1/catalogue?neighbourhoodId=nbh-fajr').set(as(worker))).status).toBe(403);
  });
});

describe('referrals (closed loop)', () => {
  let referralId: string;
  let trackingCode: string;

  it('refers a consenting resident to an open offer, with a tracking code, a respond-by day and its event in one write', async () => {
    const res = await refer(residentA);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'sent',
      agency: 'vocational-training',
      offerId: 'tvto-home-tailoring-test',
      clinicId: 'clinic-sarasiab',
      overdue: false,
    });
    expect(trackingCodeSchema.safeParse(res.body.trackingCode).success).toBe(true);
    const expectedDay = addDays(h.clock.now(), 7);
    expect(res.body.respondBy).toBe(expectedDay);
    referralId = res.body.id;
    trackingCode = res.body.trackingCode;
    const stored = await h.models.referrals.findById(referralId).lean();
    expect(stored!.outbox).toHaveLength(1);
    const event = stored!.outbox[0]!.envelope;
    expect(event.type).toBe('clinics.referral.made');
    expect(referralMadeV1.parse(event.data)).toMatchObject({ referralId, residentRef: residentA, trackingCode });
    // Only opaque ids travel: the event's data has exactly the contract's keys.
    expect(Object.keys(event.data as object).sort()).toEqual([
      'agency',
      'clinicId',
      'householdRef',
      'madeAt',
      'needCategory',
      'neighbourhoodId',
      'offerId',
      'referralId',
      'residentRef',
      'respondBy',
      'trackingCode',
    ]);
  });

  it('refuses a second open referral of the same resident to the same offer, even sent at the same moment', async () => {
    expect((await refer(residentA)).status).toBe(409);
    const twin = await addResident(h.models, 'clinic-sarasiab', 'nbh-sarasiab');
    await addConsent(h.models, twin, 'clinic-sarasiab', 'vocational-training', new Date(h.clock.now().getTime() - 1000));
    const both = await Promise.all([refer(twin), refer(twin)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = both.find((r) => r.status === 201)!.body;
    await api().post(`/api/v1/referrals/${created.id}/withdraw`).set(as(worker)).send({ reason: 'duplicate' });
  });

  it('refuses without consent for that agency (409)', async () => {
    const res = await refer(residentNoConsent);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'consent-missing', detail: expect.stringMatching(/consent/) });
    expect((await refer(residentA, 'welfare-case-test')).status).toBe(409);
  });

  it('refuses a closed offer, a full offer and an offer that does not serve the neighbourhood (409)', async () => {
    for (const [offerId, code] of [
      ['tvto-closed-test', 'offer-closed'],
      ['tvto-full-test', 'offer-full'],
      ['tvto-fajr-only-test', 'offer-not-for-neighbourhood'],
    ]) {
      const res = await refer(residentA, offerId!);
      expect(res.status, offerId).toBe(409);
      expect(res.body.code, offerId).toBe(code);
    }
    expect((await refer(residentA, 'no-such-offer')).body).toMatchObject({ status: 404, code: 'offer-not-found' });
  });

  it('refuses referring another clinic’s resident, and other roles (403)', async () => {
    expect((await refer(residentOther)).status).toBe(403);
    expect((await refer(residentA, 'tvto-home-tailoring-test', coordinator)).status).toBe(403);
  });

  it('lets another clinic neither read nor withdraw the referral (403), while the coordinator reads it', async () => {
    expect((await api().get(`/api/v1/referrals/${referralId}`).set(as(otherWorker))).status).toBe(403);
    expect((await api().post(`/api/v1/referrals/${referralId}/withdraw`).set(as(otherWorker)).send({ reason: 'duplicate' })).status).toBe(
      403,
    );
    expect((await api().get('/api/v1/referrals?clinicId=clinic-sarasiab').set(as(otherWorker))).status).toBe(403);
    const others = await api().get('/api/v1/referrals').set(as(otherWorker));
    expect(others.body.map((r: { id: string }) => r.id)).not.toContain(referralId);
    expect((await api().get(`/api/v1/referrals/${referralId}`).set(as(coordinator))).status).toBe(200);
  });

  it('shows the resident only status and next step on the public tracking page, nothing else', async () => {
    const res = await api().get(`/api/v1/tracking/${trackingCode.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'lastUpdate', 'nextStep', 'status', 'statusLabel']);
    expect(Object.keys(res.body.nextStep).sort()).toEqual(['en', 'fa']);
    expect(res.body).toMatchObject({ code: trackingCode, status: 'sent', statusLabel: { en: 'Sent, awaiting an answer' } });
    expect(res.body.nextStep.en).toMatch(/^Technical & Vocational Training answers your referral by /);
    const text = JSON.stringify(res.body);
    for (const secret of [residentA, referralId, 'clinic-sarasiab', 'w1']) expect(text).not.toContain(secret);
    expect((await api().get('/api/v1/tracking/ZZZZ-ZZZZ')).status).toBe(404);
    expect((await api().get('/api/v1/tracking/not-a-code')).status).toBe(400);
  });

  it('moves with the agency’s answers and ignores repeated, stale and foreign ones', async () => {
    const acceptedId = randomUUID();
    const completeBy = addDays(h.clock.now(), 60);
    const accepted = { referralId, agency: 'vocational-training', acceptedAt: h.clock.now().toISOString(), completeBy };
    await deliver('welfare.referral.accepted', { ...accepted, agency: 'welfare' });
    let view = await api().get(`/api/v1/referrals/${referralId}`).set(as(worker));
    expect(view.body.state).toBe('sent');
    await deliver('vocational-training.referral.accepted', accepted, acceptedId);
    await deliver('vocational-training.referral.accepted', accepted, acceptedId);
    view = await api().get(`/api/v1/referrals/${referralId}`).set(as(worker));
    expect(view.body).toMatchObject({ state: 'accepted', completeBy, dueOn: completeBy });
    expect(view.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['made', 'accepted']);
    const tracking = await api().get(`/api/v1/tracking/${trackingCode}`);
    expect(tracking.body.status).toBe('accepted');
    expect(tracking.body.nextStep.en).toBe('Attend Sar Asiab clinic; Saturdays 9–12.');
    // The agency moves the course: the resident reads the new day.
    await deliver(
      'vocational-training.offer.published',
      offer({ revision: 3, available: 14, schedule: { fa: 'یکشنبه‌ها ۹ تا ۱۲', en: 'Sundays 9–12' } }),
    );
    expect((await api().get(`/api/v1/tracking/${trackingCode}`)).body.nextStep.en).toBe('Attend Sar Asiab clinic; Sundays 9–12.');
    await deliver('vocational-training.referral.declined', {
      referralId,
      agency: 'vocational-training',
      reason: 'no-capacity',
      declinedAt: h.clock.now().toISOString(),
    });
    view = await api().get(`/api/v1/referrals/${referralId}`).set(as(worker));
    expect(view.body.state).toBe('accepted');
  });

  it('flags overdue referrals when the clock passes their due day, in the list and the per-clinic counts', async () => {
    const second = await refer(residentA);
    expect(second.status).toBe(409); // still open with the same offer (accepted)
    await addConsent(h.models, residentNoConsent, 'clinic-sarasiab', 'vocational-training', new Date(h.clock.now().getTime() - 1000));
    const fresh = await refer(residentNoConsent);
    expect(fresh.status).toBe(201);
    expect((await api().get('/api/v1/referrals?overdue=true').set(as(worker))).body).toEqual([]);
    h.clock.advanceDays(8);
    try {
      const overdue = await api().get('/api/v1/referrals?overdue=true').set(as(worker));
      expect(overdue.body.map((r: { id: string }) => r.id)).toEqual([fresh.body.id]);
      const summary = await api().get('/api/v1/referrals/summary').set(as(worker));
      expect(summary.body).toEqual([
        { clinicId: 'clinic-sarasiab', open: 2, overdue: 1, byState: { sent: 1, accepted: 1, declined: 0, completed: 0, withdrawn: 1 } },
      ]);
      const all = await api().get('/api/v1/referrals/summary').set(as(coordinator));
      expect(all.body).toHaveLength(4);
    } finally {
      h.clock.reset();
    }
  });

  it('completes, then ignores a late "accepted"', async () => {
    await deliver('vocational-training.referral.completed', {
      referralId,
      agency: 'vocational-training',
      outcome: 'achieved',
      completedAt: h.clock.now().toISOString(),
    });
    await deliver('vocational-training.referral.accepted', {
      referralId,
      agency: 'vocational-training',
      acceptedAt: h.clock.now().toISOString(),
      completeBy: '2030-01-01',
    });
    const view = await api().get(`/api/v1/referrals/${referralId}`).set(as(worker));
    expect(view.body.state).toBe('completed');
    expect(view.body.completeBy).not.toBe('2030-01-01');
    expect(view.body.steps.at(-1)).toMatchObject({ kind: 'completed', outcome: 'achieved' });
  });

  it('withdraws an open referral with its event, and refuses withdrawing a finished one', async () => {
    const open = await api().get('/api/v1/referrals?state=sent').set(as(worker));
    const id = open.body[0].id;
    const res = await api().post(`/api/v1/referrals/${id}/withdraw`).set(as(worker)).send({ reason: 'resident-request' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('withdrawn');
    const stored = await h.models.referrals.findById(id).lean();
    expect(stored!.outbox.map((e) => e.envelope.type)).toEqual(['clinics.referral.made', 'clinics.referral.withdrawn']);
    expect(stored!.outbox[1]!.envelope.data).toMatchObject({ referralId: id, reason: 'resident-request', agency: 'vocational-training' });
    expect((await api().post(`/api/v1/referrals/${referralId}/withdraw`).set(as(worker)).send({ reason: 'duplicate' })).body).toMatchObject(
      { status: 409, code: 'referral-not-withdrawable' },
    );
    expect((await api().post(`/api/v1/referrals/${id}/withdraw`).set(as(worker)).send({ reason: 'bored' })).status).toBe(400);
  });

  it('takes back the open referrals to an agency when the consent to refer there is withdrawn, unless another consent covers them', async () => {
    const withdrawConsent = async (residentId: string) => {
      const consent = await h.models.consents.findOne({ residentId, withdrawnAt: null }).lean();
      return api().post(`/api/v1/residents/${residentId}/consents/${consent!._id}/withdraw`).set(as(worker)).send({});
    };
    const since = new Date(h.clock.now().getTime() - 1000);
    const resident = await addResident(h.models, 'clinic-sarasiab', 'nbh-sarasiab');
    await addConsent(h.models, resident, 'clinic-sarasiab', 'vocational-training', since);
    await addConsent(h.models, resident, 'clinic-sarasiab', 'vocational-training', since);
    const referral = (await refer(resident)).body;

    expect((await withdrawConsent(resident)).status).toBe(200);
    expect((await api().get(`/api/v1/referrals/${referral.id}`).set(as(worker))).body.state).toBe('sent');

    expect((await withdrawConsent(resident)).status).toBe(200);
    expect((await api().get(`/api/v1/referrals/${referral.id}`).set(as(worker))).body.state).toBe('withdrawn');
    const stored = await h.models.referrals.findById(referral.id).lean();
    expect(stored!.outbox.at(-1)!.envelope).toMatchObject({
      type: 'clinics.referral.withdrawn',
      data: { referralId: referral.id, reason: 'consent-withdrawn' },
    });
  });

  it('gives the resident’s own clinic their timeline, newest first, and nobody else', async () => {
    const res = await api().get(`/api/v1/residents/${residentA}/timeline`).set(as(worker));
    expect(res.status).toBe(200);
    expect(res.body.map((e: { kind: string }) => e.kind)).toEqual(['referral.completed', 'referral.accepted', 'referral.made']);
    expect(res.body[0]).toMatchObject({
      agency: 'vocational-training',
      title: { en: 'Home tailoring course' },
      subject: { type: 'referral', id: referralId, trackingCode },
      detail: { outcome: 'achieved' },
    });
    expect((await api().get(`/api/v1/residents/${residentA}/timeline`).set(as(otherWorker))).status).toBe(403);
    expect((await api().get(`/api/v1/residents/${residentA}/timeline`).set(as(coordinator))).status).toBe(403);
  });
});

describe('public tracking rate limit', () => {
  it('answers 429 after 30 look-ups a minute from one address, and still serves others', async () => {
    const from = (ip: string) => api().get('/api/v1/tracking/ZZZZ-ZZZZ').set('X-Forwarded-For', ip);
    // The limit counts in clock-aligned minute windows (shared by replicas): start with room left in this one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    for (let i = 0; i < 30; i++) expect((await from('10.9.9.9')).status).toBe(404);
    const refused = await from('10.9.9.9');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('10.9.9.10')).status).toBe(404);
  }, 20_000);
});
