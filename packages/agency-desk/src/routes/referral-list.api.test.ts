import { randomUUID } from 'node:crypto';
import { startTestService, walkPages, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskModels } from '../data/models.js';
import { agencyDesk } from '../index.js';

// The received referrals list as staff work it all day: found by tracking code, narrowed, ordered, paged, named.
const desk = agencyDesk({ agency: 'welfare', roles: ['welfare-officer'] });
let service: TestService<DeskModels>;

beforeAll(async () => {
  service = await startTestService({
    name: 'welfare',
    roles: ['welfare-officer', 'coordinator', 'auditor'],
    models: desk.models,
    outboxSources: desk.outboxSources,
    routes: desk.routes,
    subscriptions: desk.subscriptions,
  });
});
afterAll(() => service?.close());

const day = (offset: number) => new Date(service.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const code = (head: string) => {
  const tail = Array.from({ length: 8 - head.length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  const whole = head + tail;
  return `${whole.slice(0, 4)}-${whole.slice(4)}`;
};

let made = 0;
async function received(fields: { trackingCode?: string; neighbourhoodId?: string; respondIn?: number; needCategory?: string } = {}) {
  const { neighbourhoodId = 'nbh-sarasiab', respondIn = 7 } = fields;
  const referral = {
    referralId: randomUUID(),
    trackingCode: fields.trackingCode ?? code(''),
    agency: 'welfare',
    offerId: 'welfare-home-visit',
    clinicId: neighbourhoodId.replace(/^nbh-/, 'clinic-'),
    neighbourhoodId,
    residentRef: randomUUID(),
    householdRef: randomUUID(),
    needCategory: fields.needCategory ?? 'social-care',
    respondBy: day(respondIn),
    // Each later than the one before, so the default order is known.
    madeAt: new Date(service.clock.now().getTime() - 3_600_000 + made++ * 1000).toISOString(),
  };
  await service.deliver('clinics.referral.made', referral);
  return referral;
}

const ids = (body: { referralId: string }[]) => body.map((r) => r.referralId);

describe('the desk’s received referrals list', () => {
  it('names each referral’s clinic and neighbourhood (never only their slugs), even where no priorities were published', async () => {
    const r = await received({ neighbourhoodId: 'nbh-sarasiab' });
    const res = await service.api('welfare').get(`/desk/referrals?q=${r.trackingCode}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      neighbourhoodName: { fa: 'سرآسیاب', en: 'Sar Asiab' },
      clinicName: { fa: 'کلینیک مددکاری اجتماعی سرآسیاب', en: 'Sar Asiab social-work clinic' },
    });
  });

  it('finds a referral by its tracking code typed in any case, with Persian digits, without the dash, or by its beginning', async () => {
    const wanted = await received({ trackingCode: code('QW7') });
    const other = await received({ trackingCode: code('ZZ9') });
    const asTyped = [wanted.trackingCode, wanted.trackingCode.toLowerCase().replace('-', ' '), 'qw۷', 'QW7'];
    for (const q of asTyped) {
      const res = await service.api('welfare').get(`/desk/referrals?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(ids(res.body)).toContain(wanted.referralId);
      expect(ids(res.body)).not.toContain(other.referralId);
    }
    // Text no code can hold (a name, an operator) finds nothing; it is no error in English.
    for (const q of ['$where', 'علی', '.*']) {
      const none = await service.api('welfare').get(`/desk/referrals?q=${encodeURIComponent(q)}`);
      expect([none.status, none.body]).toEqual([200, []]);
    }
  });

  it('narrows by neighbourhood and need, and orders by the day to respond by', async () => {
    const late = await received({ neighbourhoodId: 'nbh-fajr', respondIn: 20, needCategory: 'income-support' });
    const soon = await received({ neighbourhoodId: 'nbh-fajr', respondIn: 2, needCategory: 'income-support' });
    const elsewhere = await received({ neighbourhoodId: 'nbh-motahari', respondIn: 1, needCategory: 'income-support' });
    const res = await service
      .api('welfare')
      .get('/desk/referrals?neighbourhoodId=nbh-fajr&needCategory=income-support&sort=respondBy&order=asc');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([soon.referralId, late.referralId]);
    expect(ids(res.body)).not.toContain(elsewhere.referralId);
    const newest = await service.api('welfare').get('/desk/referrals?neighbourhoodId=nbh-fajr&needCategory=income-support');
    expect(ids(newest.body)).toEqual([soon.referralId, late.referralId]);
    const oldest = await service.api('welfare').get('/desk/referrals?neighbourhoodId=nbh-fajr&needCategory=income-support&order=asc');
    expect(ids(oldest.body)).toEqual([late.referralId, soon.referralId]);
  });

  it('pages a sorted, filtered list without losing or repeating a referral', async () => {
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await received({ neighbourhoodId: 'nbh-amiralmomenin', respondIn: 30 - i }));
    const walk = await walkPages<{ referralId: string }>(
      (path) => service.api('welfare').get(path),
      '/desk/referrals?neighbourhoodId=nbh-amiralmomenin&sort=respondBy&order=asc',
      2,
    );
    expect(walk.pages.map((p) => p.count)).toEqual([2, 2, 1]);
    expect(walk.items.map((r) => r.referralId)).toEqual(mine.map((r) => r.referralId).reverse());
  });
});
