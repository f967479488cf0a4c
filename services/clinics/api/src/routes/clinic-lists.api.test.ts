import { type OfferPublishedV1 } from '@hamgam/contracts';
import { walkPages } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexMissingNames } from '../app/pii-reseal.js';
import { piiFromConfig } from '../config.js';
import { withCheckDigit } from '../domain/national-id.js';
import { addConsent, startApiHarness, type ApiHarness } from '../testing/harness.js';

// The clinic's lists as staff work in them: people named (never an opaque id), found by what staff type
// (a name, a national id, a file number, a tracking code), sorted and paged on the server.
let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
}, 30_000);
afterAll(async () => {
  await h?.close();
});

const persian = (latin: string) => latin.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
let serial = 400_000_000;
let fileSerial = 0;

async function household(caller: 'worker' | 'worker2' = 'worker', clinicId = 'clinic-sarasiab') {
  const fileNumber = `L-${++fileSerial}`;
  const res = await h.api(caller).post('/households', { clinicId, fileNumber });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, fileNumber };
}

async function resident(householdId: string, fullName: string, caller: 'worker' | 'worker2' = 'worker', relation = 'head') {
  const nationalId = withCheckDigit(String(serial++));
  const res = await h.api(caller).post(`/households/${householdId}/residents`, { nationalId, fullName, phone: '09131234567', relation });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, nationalId };
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-/;

describe('searching a clinic’s register', () => {
  let zahra: { id: string; nationalId: string };
  let zahraFile: string;
  let other: { id: string; nationalId: string };

  beforeAll(async () => {
    const hh = await household();
    zahraFile = hh.fileNumber;
    zahra = await resident(hh.id, 'زهرا احمدی‌نژاد');
    other = await resident((await household()).id, 'علی‌رضا کریمی');
    await resident((await household('worker2', 'clinic-motahari')).id, 'زهرا احمدی‌نژاد', 'worker2');
  });

  const residents = (q: string, caller: 'worker' | 'coordinator' = 'worker') =>
    h.api(caller).get(`/clinics/clinic-sarasiab/residents?q=${encodeURIComponent(q)}`);

  it('finds a resident by a whole word of the name, however the letters were typed, in this clinic only', async () => {
    // Arabic yeh and kaf, no zero-width non-joiner: the same words as registered.
    for (const q of ['احمدي‌نژاد', 'زهرا', 'احمدینژاد زهرا']) {
      const res = await residents(q);
      expect(res.status, q).toBe(200);
      expect(
        res.body.map((r: { id: string }) => r.id),
        q,
      ).toEqual([zahra.id]);
      expect(res.body[0]).toMatchObject({ fullName: 'زهرا احمدی‌نژاد', fileNumber: zahraFile });
    }
    expect((await residents('كريمي علیرضا')).body.map((r: { id: string }) => r.id)).toEqual([other.id]);
    // Part of a word finds nothing (whole words only: domain/name-tokens.ts says why).
    expect((await residents('احم')).body).toEqual([]);
  });

  it('finds a resident exactly by national id (Persian digits too), by file number and by a referral’s tracking code', async () => {
    expect((await residents(persian(zahra.nationalId))).body.map((r: { id: string }) => r.id)).toEqual([zahra.id]);
    expect((await residents(zahraFile.toLowerCase())).body.map((r: { id: string }) => r.id)).toEqual([zahra.id]);
    const referral = await h.models.referrals.create({
      _id: crypto.randomUUID(),
      trackingCode: 'K7QM-3XWA',
      agency: 'welfare',
      offerId: 'x',
      offer: { title: { fa: 'الف', en: 'a' }, place: { fa: 'الف', en: 'a' }, schedule: { fa: 'الف', en: 'a' } },
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      residentId: other.id,
      needCategory: 'social-care',
      state: 'sent',
      respondBy: '2099-01-01',
      steps: [],
      madeBy: 'test',
      madeAt: new Date(),
      updatedAt: new Date(),
      outbox: [],
    });
    expect((await residents('k7qm-3xwa')).body.map((r: { id: string }) => r.id)).toEqual([other.id]);
    await h.models.referrals.deleteOne({ _id: referral._id });
  });

  it('finds households by a member’s name or national id, and by file number', async () => {
    const households = (q: string) => h.api('worker').get(`/clinics/clinic-sarasiab/households?q=${encodeURIComponent(q)}`);
    expect((await households('احمدی‌نژاد')).body.map((x: { fileNumber: string }) => x.fileNumber)).toEqual([zahraFile]);
    expect((await households(zahra.nationalId)).body.map((x: { fileNumber: string }) => x.fileNumber)).toEqual([zahraFile]);
    const byFile = await households(zahraFile);
    expect(byFile.body).toHaveLength(1);
    expect(byFile.body[0].headName).toBe('زهرا احمدی‌نژاد');
  });

  it('finds, once indexed, a resident registered before names were indexed (the demo seed indexes them at start)', async () => {
    const old = await resident((await household()).id, 'پروین قاسمی');
    await h.models.residents.collection.updateOne({ _id: old.id as never }, { $unset: { nameIndex: '' } });
    expect((await residents('قاسمی')).body).toEqual([]);
    expect(await indexMissingNames({ models: h.models, pii: piiFromConfig(h.config) })).toBe(1);
    expect((await residents('قاسمی')).body.map((r: { id: string }) => r.id)).toEqual([old.id]);
    expect(await indexMissingNames({ models: h.models, pii: piiFromConfig(h.config) })).toBe(0);
  });

  it('gives a coordinator no name and no search by name or national id (the box would say who is registered where)', async () => {
    expect((await residents('زهرا', 'coordinator')).body).toEqual([]);
    expect((await residents(zahra.nationalId, 'coordinator')).body).toEqual([]);
    const byFile = await residents(zahraFile, 'coordinator');
    expect(byFile.body).toHaveLength(1);
    expect(byFile.body[0]).toMatchObject({ fullName: null, personal: null, fileNumber: zahraFile });
    const households = await h.api('coordinator').get('/clinics/clinic-sarasiab/households');
    expect(households.body.every((x: { headName: string | null }) => x.headName === null)).toBe(true);
  });

  it('logs each name a list showed in that resident’s access log, saying which list', async () => {
    await residents('زهرا');
    const log = await h.api('worker').get(`/residents/${zahra.id}/access-log?action=read`);
    expect(log.status).toBe(200);
    expect(log.body.some((e: { purpose: string | null }) => e.purpose === 'resident-list')).toBe(true);
    expect(log.body.some((e: { purpose: string | null }) => e.purpose === 'household-list')).toBe(true);
    expect(log.body.every((e: { action: string }) => e.action === 'read')).toBe(true);
  });

  it('sorts households by file number or age and pages them; refuses an unknown sort', async () => {
    for (let i = 0; i < 3; i++) await household();
    const byFile = await walkPages<{ fileNumber: string }>(
      (p) => h.api('worker').get(p),
      '/clinics/clinic-sarasiab/households?sort=file',
      2,
    );
    const files = byFile.items.map((x) => x.fileNumber);
    expect(files).toEqual([...files].sort());
    expect(byFile.pages.length).toBeGreaterThan(1);
    const oldest = await h.api('worker').get('/clinics/clinic-sarasiab/households?sort=oldest&limit=100');
    const newest = await h.api('worker').get('/clinics/clinic-sarasiab/households?sort=newest&limit=100');
    expect(oldest.body.map((x: { id: string }) => x.id)).toEqual(newest.body.map((x: { id: string }) => x.id).reverse());
    expect((await h.api('worker').get('/clinics/clinic-sarasiab/households?sort=name')).status).toBe(400);
  });
});

describe('people named in referrals, bookings and assessments', () => {
  const offer: OfferPublishedV1 = {
    offerId: 'welfare-lists-test',
    agency: 'welfare',
    kind: 'social-care',
    title: { fa: 'مددکاری', en: 'Case work' },
    eligibility: { fa: 'ساکنان', en: 'Residents' },
    answers: ['social-care'],
    neighbourhoodIds: [],
    place: { fa: 'کلینیک', en: 'Clinic' },
    schedule: { fa: 'هر روز', en: 'Daily' },
    startsOn: null,
    endsOn: null,
    capacity: 20,
    available: 20,
    status: 'open',
    revision: 1,
    publishedAt: new Date().toISOString(),
  };

  it('names the referred resident for the clinic’s staff, gives others the file number only, and finds by tracking code', async () => {
    await h.deliver('welfare.offer.published', offer);
    const hh = await household();
    const r = await resident(hh.id, 'مریم رضایی');
    await addConsent(h.models, r.id, 'clinic-sarasiab', 'welfare', new Date(h.clock.now().getTime() - 60_000));
    const made = await h.api('worker').post('/referrals', { residentId: r.id, offerId: offer.offerId });
    expect(made.status).toBe(201);
    const mine = await h.api('worker').get('/referrals?clinicId=clinic-sarasiab&q=رضایی');
    expect(mine.body.map((x: { trackingCode: string }) => x.trackingCode)).toEqual([made.body.trackingCode]);
    expect(mine.body[0].resident).toEqual({ fullName: 'مریم رضایی', fileNumber: hh.fileNumber });
    const byCode = await h.api('coordinator').get(`/referrals?q=${made.body.trackingCode.toLowerCase()}`);
    expect(byCode.body).toHaveLength(1);
    expect(byCode.body[0].resident).toEqual({ fullName: null, fileNumber: hh.fileNumber });
    const one = await h.api('worker').get(`/referrals/${made.body.id}`);
    expect(one.body.resident.fullName).toBe('مریم رضایی');
    const sorted = await h.api('worker').get('/referrals?clinicId=clinic-sarasiab&sort=respond-by');
    expect(sorted.status).toBe(200);
    expect((await h.api('worker').get('/referrals?sort=sideways')).status).toBe(400);
  });

  it('names who is booked into a slot, for the clinic’s staff', async () => {
    const hh = await household();
    const r = await resident(hh.id, 'حسن موسوی');
    const startsAt = new Date(h.clock.now().getTime() + 2 * 86_400_000).toISOString();
    const slot = await h
      .api('worker')
      .post('/calendar/slots', { clinicId: 'clinic-sarasiab', kind: 'guild-meeting', startsAt, durationMinutes: 60, capacity: 3 });
    const booked = await h.api('worker').post(`/calendar/slots/${slot.body.id}/bookings`, { residentId: r.id });
    expect(booked.status).toBe(201);
    expect(booked.body.bookings).toEqual([expect.objectContaining({ residentId: r.id, fullName: 'حسن موسوی', fileNumber: hh.fileNumber })]);
    const week = await h.api('worker').get('/calendar/slots?clinicId=clinic-sarasiab&days=7');
    const listed = week.body.find((s: { id: string }) => s.id === slot.body.id);
    expect(listed.bookings[0]).toMatchObject({ fullName: 'حسن موسوی', fileNumber: hh.fileNumber });
    const coordinatorView = await h.api('coordinator').get('/calendar/slots?clinicId=clinic-sarasiab&days=7');
    expect(JSON.stringify(coordinatorView.body)).not.toContain('حسن');
  });

  it('lists assessments with the household’s file number, finds one by it, and shows what was recorded', async () => {
    const hh = await household();
    await resident(hh.id, 'سارا امینی');
    const needs = [{ category: 'housing-repair', severity: 4 }];
    const answers = { 'housing.tenure': 'tenant', 'housing.unsafe': true };
    expect((await h.api('worker').put(`/households/${hh.id}/assessment-draft`, { needs, answers })).status).toBe(200);
    expect((await h.api('worker').get(`/households/${hh.id}/assessment`)).body.code).toBe('assessment-not-found');
    expect((await h.api('worker').post(`/households/${hh.id}/assessment-draft/submit`)).status).toBe(201);
    const recorded = await h.api('worker').get(`/households/${hh.id}/assessment`);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ needs, answers });
    const listed = await h.api('worker').get(`/neighbourhoods/nbh-sarasiab/assessments?q=${hh.fileNumber.toLowerCase()}`);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].fileNumber).toBe(hh.fileNumber);
    const oldest = await h.api('worker').get('/neighbourhoods/nbh-sarasiab/assessments?sort=oldest&clinicId=clinic-sarasiab');
    expect(oldest.status).toBe(200);
    expect((await h.api('worker2').get(`/households/${hh.id}/assessment`)).status).toBe(403);
  });

  it('never puts a bare id where a person is meant: every list row carries a name or a file number', async () => {
    const rows = (await h.api('worker').get('/clinics/clinic-sarasiab/residents?limit=100')).body as {
      fullName: string;
      fileNumber: string;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.fullName).toBeTruthy();
      expect(row.fileNumber).toMatch(/^L-\d+$/);
      expect(row.fileNumber).not.toMatch(uuid);
    }
  });
});
