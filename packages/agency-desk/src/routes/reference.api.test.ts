import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskModels } from '../data/models.js';
import { agencyDesk } from '../index.js';

// The lists a desk's screens pick places and trades from, named in both languages (never a slug to type).
const desk = agencyDesk({ agency: 'vocational-training', roles: ['tvto-staff'] });
let service: TestService<DeskModels>;

beforeAll(async () => {
  service = await startTestService({
    name: 'vocational-training',
    roles: ['tvto-staff', 'coordinator', 'auditor'],
    models: desk.models,
    outboxSources: desk.outboxSources,
    routes: desk.routes,
    subscriptions: desk.subscriptions,
  });
});
afterAll(() => service?.close());

describe('the desk’s reference lists', () => {
  it('serves every neighbourhood of the programme and one a clinic published, each with its clinic, named fa/en', async () => {
    await service.deliver('clinics.priority.published', {
      neighbourhoodId: 'nbh-new-town',
      neighbourhoodName: { fa: 'شهرک نو', en: 'New Town' },
      countyId: 'kerman-county',
      clinicId: 'clinic-new-town',
      period: '1405',
      listVersion: 1,
      publishedAt: service.clock.now().toISOString(),
      priorities: [{ rank: 1, category: 'social-care', score: 3, households: 4 }],
    });
    const res = await service.api('coordinator').get('/desk/places');
    expect(res.status).toBe(200);
    expect(res.body.neighbourhoods).toEqual(
      expect.arrayContaining([
        { neighbourhoodId: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } },
        { neighbourhoodId: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' } },
        { neighbourhoodId: 'nbh-new-town', name: { fa: 'شهرک نو', en: 'New Town' } },
      ]),
    );
    expect(res.body.clinics).toContainEqual({
      clinicId: 'clinic-new-town',
      name: { fa: 'کلینیک مددکاری اجتماعی شهرک نو', en: 'New Town social-work clinic' },
      neighbourhoodId: 'nbh-new-town',
    });
    expect((await service.api('worker').get('/desk/places')).status).toBe(403);
  });

  it('serves the trades by name, found by part of a name in either language (Arabic yeh/kaf as Persian)', async () => {
    const all = await service.api('tvto').get('/desk/trades');
    expect(all.status).toBe(200);
    expect(all.body).toContainEqual({ tradeId: 'welding', name: { fa: 'جوشکاری', en: 'Welding' } });
    const fa = await service.api('tvto').get(`/desk/trades?q=${encodeURIComponent('خیاط')}`);
    expect(fa.body.map((t: { tradeId: string }) => t.tradeId)).toEqual(['tailoring']);
    const arabicKaf = await service.api('tvto').get(`/desk/trades?q=${encodeURIComponent('جوشكاري')}`);
    expect(arabicKaf.body.map((t: { tradeId: string }) => t.tradeId)).toEqual(['welding']);
    const en = await service.api('auditor').get('/desk/trades?q=CARP');
    expect(en.body.map((t: { tradeId: string }) => t.tradeId).sort()).toEqual(['carpentry', 'carpet-weaving']);
    expect((await service.api('worker').get('/desk/trades')).status).toBe(403);
  });
});

describe('the people referred to the agency', () => {
  it('lists them by tracking code, place and offer (found by the code’s beginning), logs the read, and is for the agency’s staff only', async () => {
    const made = {
      referralId: '5d0c3a52-52b4-4b5e-9c7e-0d3f6f1a2b3c',
      trackingCode: 'PX7Q-4MRT',
      agency: 'vocational-training',
      offerId: 'tvto-welding',
      clinicId: 'clinic-fajr',
      neighbourhoodId: 'nbh-fajr',
      residentRef: 'a3c1f2e4-1111-4222-8333-944455566677',
      householdRef: 'b3c1f2e4-1111-4222-8333-944455566677',
      needCategory: 'skills-training',
      respondBy: '2099-01-01',
      madeAt: service.clock.now().toISOString(),
    };
    await service.deliver('clinics.referral.made', made);
    const res = await service.api('tvto').get('/desk/referred-people?q=px7q4');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        referralId: made.referralId,
        trackingCode: 'PX7Q-4MRT',
        residentRef: made.residentRef,
        householdRef: made.householdRef,
        neighbourhoodName: { fa: 'فجر', en: 'Fajr' },
        clinicName: { fa: 'کلینیک مددکاری اجتماعی فجر', en: 'Fajr social-work clinic' },
        state: 'received',
      }),
    ]);
    expect((await service.api('tvto').get('/desk/referred-people?q=ZZZZ')).body).toEqual([]);
    const logged = await service.models.accessLog.find({ recordId: made.referralId }).limit(10).lean();
    expect(logged.map((e) => e.action)).toEqual(['list', 'list']);
    expect((await service.api('coordinator').get('/desk/referred-people')).status).toBe(403);
  });
});
