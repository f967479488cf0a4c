import { randomUUID } from 'node:crypto';
import { addDays } from '@hamgam/contracts/days';
import { startTestService, walkPages, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillFileNumbers } from '../app/file-numbers.js';
import type { Models } from '../deps.js';
import { welfareService } from '../service.js';

// Item 1 and 4 of issue 10: a case is opened for a household picked from what welfare knows (never a uuid
// typed), in a neighbourhood picked from a list; the caseload is found by file number or tracking code.
let service: TestService<Models>;

beforeAll(async () => {
  service = await startTestService(welfareService);
});
afterAll(() => service?.close());

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const code = (head = '') => {
  const whole = head + Array.from({ length: 8 - head.length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  return `${whole.slice(0, 4)}-${whole.slice(4)}`;
};
let madeCount = 0;
async function referred(fields: { trackingCode?: string; neighbourhoodId?: string } = {}) {
  const neighbourhoodId = fields.neighbourhoodId ?? 'nbh-fajr';
  const made = {
    referralId: randomUUID(),
    trackingCode: fields.trackingCode ?? code(),
    agency: 'welfare',
    offerId: 'welfare-home-visit',
    clinicId: neighbourhoodId.replace(/^nbh-/, 'clinic-'),
    neighbourhoodId,
    residentRef: randomUUID(),
    householdRef: randomUUID(),
    needCategory: 'social-care',
    respondBy: addDays(service.clock.now(), 7),
    madeAt: new Date(service.clock.now().getTime() - 3_600_000 + madeCount++ * 1000).toISOString(),
  };
  await service.deliver('clinics.referral.made', made);
  return made;
}
const open = (body: object) => service.api('welfare').post('/cases', body);

describe('the households a case can be opened for', () => {
  it('are the households of welfare’s referrals, each labelled by tracking code and neighbourhood name, found by tracking code', async () => {
    const wanted = await referred({ trackingCode: code('HH7') });
    const other = await referred();
    const all = await service.api('welfare').get('/cases/households?limit=100');
    expect(all.status).toBe(200);
    expect(all.body.map((h: { referralId: string }) => h.referralId)).toEqual(
      expect.arrayContaining([wanted.referralId, other.referralId]),
    );
    const found = await service.api('welfare').get('/cases/households?q=hh7');
    expect(found.body).toEqual([
      expect.objectContaining({
        referralId: wanted.referralId,
        trackingCode: wanted.trackingCode,
        householdRef: wanted.householdRef,
        neighbourhoodId: 'nbh-fajr',
        neighbourhoodName: { fa: 'فجر', en: 'Fajr' },
        openCase: false,
      }),
    ]);
    expect((await service.api('coordinator').get('/cases/households')).status).toBe(403);
  });

  it('say when the household has an open case already', async () => {
    const made = await referred();
    expect((await open({ householdRef: made.householdRef, residentRef: made.residentRef, neighbourhoodId: 'nbh-fajr' })).status).toBe(201);
    const res = await service.api('welfare').get(`/cases/households?q=${made.trackingCode}`);
    expect(res.body).toEqual([expect.objectContaining({ referralId: made.referralId, openCase: true })]);
  });

  it('refuses a neighbourhood that is not one of the programme’s (422 naming the field); a listed one opens the case', async () => {
    const made = await referred();
    const typed = await open({ householdRef: made.householdRef, neighbourhoodId: 'sarasiab' });
    expect([typed.status, typed.body.code, typed.body.field]).toEqual([422, 'neighbourhood-unknown', 'neighbourhoodId']);
    const places = await service.api('welfare').get('/desk/places');
    expect(places.body.neighbourhoods).toContainEqual({ neighbourhoodId: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } });
    expect((await open({ householdRef: made.householdRef, neighbourhoodId: 'nbh-sarasiab' })).status).toBe(201);
  });
});

describe('the caseload', () => {
  it('shows each case’s file number (never its id) and the tracking code of its referral, and finds a case by either, whole or begun', async () => {
    const made = await referred({ trackingCode: code('CL5') });
    const opened = await open({ householdRef: made.householdRef, residentRef: made.residentRef, neighbourhoodId: 'nbh-fajr' });
    const { caseId, fileNumber } = opened.body as { caseId: string; fileNumber: string };
    expect(fileNumber).toMatch(/^WF-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    for (const q of [fileNumber, fileNumber.toLowerCase().replace(/-/g, ''), fileNumber.slice(0, 6)]) {
      const res = await service.api('welfare').get(`/cases?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    }
    const other = await open({ householdRef: randomUUID(), neighbourhoodId: 'nbh-fajr' });
    const byFile = await service.api('welfare').get(`/cases?q=${encodeURIComponent(fileNumber)}`);
    expect(byFile.body.map((c: { caseId: string }) => c.caseId)).not.toContain(other.body.caseId);
    // Another worker's caseload does not show it, whatever is typed.
    expect((await service.api('welfare2').get(`/cases?q=${encodeURIComponent(fileNumber)}`)).body).toEqual([]);
  });

  it('finds a case opened from a referral by the referral’s tracking code, and lists it with that code', async () => {
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
    expect((await service.api('welfare').post('/desk/offers', { offerId: 'welfare-home-visit', ...offer })).status).toBe(201);
    const made = await referred({ trackingCode: code('TR8') });
    expect(
      (await service.api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: addDays(service.clock.now(), 30) }))
        .status,
    ).toBe(200);
    expect((await service.api('welfare').post('/cases/from-referral', { referralId: made.referralId })).status).toBe(201);
    const res = await service.api('welfare').get(`/cases?q=${made.trackingCode.slice(0, 5)}`);
    expect(res.body).toEqual([expect.objectContaining({ caseId: made.referralId, trackingCode: made.trackingCode })]);
  });

  it('narrows by neighbourhood and lists oldest first on request, paged', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 3; i++) {
      service.clock.setTo(new Date(service.clock.now().getTime() + 60_000));
      opened.push((await open({ householdRef: randomUUID(), neighbourhoodId: 'nbh-amiralmomenin' })).body.caseId);
    }
    await open({ householdRef: randomUUID(), neighbourhoodId: 'nbh-motahari' });
    const walk = await walkPages<{ caseId: string }>(
      (path) => service.api('welfare').get(path),
      '/cases?neighbourhoodId=nbh-amiralmomenin&order=asc',
      2,
    );
    expect(walk.items.map((c) => c.caseId)).toEqual(opened);
    const newest = await service.api('welfare').get('/cases?neighbourhoodId=nbh-amiralmomenin');
    expect(newest.body.map((c: { caseId: string }) => c.caseId)).toEqual([...opened].reverse());
  });

  it('gives cases stored before file numbers their number at start', async () => {
    const { caseId } = (await open({ householdRef: randomUUID(), neighbourhoodId: 'nbh-fajr' })).body;
    await service.models.cases.updateOne({ _id: caseId }, { $unset: { fileNumber: 1 } });
    await fillFileNumbers(service.deps);
    expect((await service.models.cases.findById(caseId).lean())!.fileNumber).toMatch(/^WF-/);
  });
});
