import { randomBytes } from 'node:crypto';
import { createEnvelope, type OfferPublishedV1 } from '@hamgam/contracts';
import { PoisonMessageError } from '@hamgam/service-kit';
import { startTestService, type TestClaims } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicsService } from '../service.js';
import { addConsent, addResident, type ApiHarness } from '../testing/harness.js';

/**
 * Two replicas of the clinics — two service instances, one database — taking requests at once. The
 * rules that used to lean on one process's lock must hold across them (the lease in the store).
 */
const offerOf = (agency: OfferPublishedV1['agency']): OfferPublishedV1 => ({
  offerId: 'tvto-replicas-test',
  agency,
  kind: 'course',
  title: { fa: 'دوره', en: 'Course' },
  eligibility: { fa: 'ساکنان', en: 'Residents' },
  answers: ['skills-training'],
  neighbourhoodIds: [],
  place: { fa: 'کلینیک', en: 'Clinic' },
  schedule: { fa: 'شنبه', en: 'Saturday' },
  startsOn: null,
  endsOn: null,
  capacity: 100,
  available: 100,
  status: 'open',
  revision: 1,
  publishedAt: new Date().toISOString(),
});
let one: ApiHarness;
let two: ApiHarness;
const worker: TestClaims = { sub: 'w1', roles: ['clinic-worker'], clinicIds: ['clinic-sarasiab'], neighbourhoodIds: ['nbh-sarasiab'] };

beforeAll(async () => {
  const keys = { PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'), PII_BLIND_INDEX_KEY: randomBytes(32).toString('base64') };
  one = (await startTestService(clinicsService, keys)) as ApiHarness;
  two = (await startTestService(clinicsService, { ...keys, MONGO_URL: one.config.MONGO_URL })) as ApiHarness;
  const offer = offerOf('vocational-training');
  const subscription = clinicsService.subscriptions!(one.deps).find((s) => s.type === 'vocational-training.offer.published')!;
  await subscription.handle(
    createEnvelope({
      type: 'vocational-training.offer.published',
      version: 1,
      source: 'vocational-training',
      data: offer,
      actor: { subject: 't', agency: 'vocational-training' },
      correlationId: 't',
    }),
    { log: one.logger },
  );
}, 60_000);

afterAll(async () => {
  await two?.mongo.close();
  await one?.close();
});

describe('with two replicas', { timeout: 30_000 }, () => {
  it('a resident has at most one open referral per offer, however the requests spread', async () => {
    const residents = await Promise.all(Array.from({ length: 6 }, () => addResident(one.models, 'clinic-sarasiab', 'nbh-sarasiab')));
    for (const r of residents)
      await addConsent(one.models, r, 'clinic-sarasiab', 'vocational-training', new Date(one.clock.now().getTime() - 86_400_000));
    // Six requests per resident at once, alternating between the replicas.
    const statuses = await Promise.all(
      residents.flatMap((residentId) =>
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? two : one)
            .api(worker)
            .post('/referrals', { residentId, offerId: 'tvto-replicas-test', needCategory: 'skills-training' })
            .then((res) => res.status),
        ),
      ),
    );
    const stored = await one.models.referrals.find({ offerId: 'tvto-replicas-test' }, { residentId: 1, state: 1 }).limit(1000).lean();
    for (const r of residents)
      expect(stored.filter((s) => s.residentId === r && (s.state === 'sent' || s.state === 'accepted'))).toHaveLength(1);
    expect(statuses.filter((s) => s === 201)).toHaveLength(residents.length);
    expect(statuses.every((s) => s === 201 || s === 409 || s === 503)).toBe(true);
  });

  it('a slot is never booked over its capacity', async () => {
    const startsAt = new Date(one.clock.now().getTime() + 2 * 86_400_000).toISOString();
    const created = await one
      .api(worker)
      .post('/calendar/slots', { clinicId: 'clinic-sarasiab', kind: 'guild-meeting', startsAt, durationMinutes: 90, capacity: 3 });
    expect(created.status).toBe(201);
    const slotId = created.body.id as string;
    const residents = await Promise.all(Array.from({ length: 12 }, () => addResident(one.models, 'clinic-sarasiab', 'nbh-sarasiab')));
    const statuses = await Promise.all(
      residents.map((residentId, i) =>
        (i % 2 ? two : one)
          .api(worker)
          .post(`/calendar/slots/${encodeURIComponent(slotId)}/bookings`, { residentId })
          .then((res) => res.status),
      ),
    );
    const slot = (await one.models.slots.findById(slotId).lean())!;
    expect(slot.bookings).toHaveLength(3);
    expect(slot.bookedCount).toBe(3);
    expect(new Set(slot.bookings.map((b) => b.residentId)).size).toBe(3);
    expect(statuses.filter((s) => s === 201 || s === 200)).toHaveLength(3);
  });

  it('an offer id gets one owner when two agencies publish it at once, each to another replica', async () => {
    const deliverTo = (replica: ApiHarness, agency: OfferPublishedV1['agency'], offerId: string) => {
      const type = `${agency}.offer.published`;
      const data: OfferPublishedV1 = { ...offerOf('welfare'), offerId, agency, revision: agency === 'welfare' ? 1 : 2 };
      const subscription = clinicsService.subscriptions!(replica.deps).find((s) => s.type === type)!;
      return subscription.handle(
        createEnvelope({ type, version: 1, source: agency, data, actor: { subject: 't', agency }, correlationId: 't' }),
        { log: replica.logger },
      );
    };
    const ids = Array.from({ length: 6 }, (_, i) => `contested-${i}`);
    const outcomes = await Promise.all(
      ids.map((id) => Promise.allSettled([deliverTo(one, 'welfare', id), deliverTo(two, 'vocational-training', id)])),
    );
    for (const [i, [welfare, tvto]] of outcomes.entries()) {
      expect([welfare.status, tvto.status].sort()).toEqual(['fulfilled', 'rejected']);
      const refused = (welfare.status === 'rejected' ? welfare : tvto) as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(PoisonMessageError);
      const stored = await one.models.offers.findById(ids[i]).lean();
      expect(stored!.agency).toBe(welfare.status === 'fulfilled' ? 'welfare' : 'vocational-training');
    }
  });

  it('leaves no lease behind (releases finish just after the answers)', async () => {
    const leases = () => one.mongo.collection('leases').countDocuments({});
    for (let i = 0; i < 50 && (await leases()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await leases()).toBe(0);
  });
});
