import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../domain/national-id.js';
import { addConsent, startApiHarness, type ApiHarness } from '../testing/harness.js';

// Mistaken records: a household cannot be registered empty, and a wrong household or member is corrected or
// archived (hidden from the lists, kept, restorable), one writer at a time across replicas.
let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
}, 30_000);
afterAll(async () => {
  await h?.close();
});

let serial = 500_000_000;
let fileSerial = 0;
const worker = () => h.api('worker');

async function household() {
  const fileNumber = `A-${++fileSerial}`;
  const res = await worker().post('/households', { clinicId: 'clinic-sarasiab', fileNumber });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, fileNumber };
}

async function resident(householdId: string) {
  const res = await worker().post(`/households/${householdId}/residents`, {
    nationalId: withCheckDigit(String(serial++)),
    fullName: 'نرگس صالحی',
    phone: '09131234567',
    relation: 'head',
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const listedHouseholds = async (archived?: string) =>
  (await worker().get(`/clinics/clinic-sarasiab/households?limit=100${archived ? `&archived=${archived}` : ''}`)).body.map(
    (x: { id: string }) => x.id,
  );

describe('registering a household', () => {
  it('refuses one with nothing filled in (422 naming the file number), and stores nothing', async () => {
    const before = await h.models.households.countDocuments();
    for (const body of [{ clinicId: 'clinic-sarasiab' }, { clinicId: 'clinic-sarasiab', fileNumber: '   ' }]) {
      const res = await worker().post('/households', body);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'household-file-number-required', field: 'fileNumber' });
    }
    expect(await h.models.households.countDocuments()).toBe(before);
  });

  it('gives a file number to one household of the clinic only, even asked twice at once; Persian digits read as Latin', async () => {
    const [a, b] = await Promise.all([
      worker().post('/households', { clinicId: 'clinic-sarasiab', fileNumber: 'D-۷۷' }),
      worker().post('/households', { clinicId: 'clinic-sarasiab', fileNumber: 'D-77' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a.body, b.body].find((x) => x.code)).toMatchObject({ code: 'household-file-number-taken', field: 'fileNumber' });
    // Another clinic keeps its own numbers.
    expect((await h.api('worker2').post('/households', { clinicId: 'clinic-motahari', fileNumber: 'D-77' })).status).toBe(201);
  });
});

describe('correcting and archiving', () => {
  it('corrects a file number, refusing one another household has', async () => {
    const a = await household();
    const b = await household();
    const taken = await worker().patch(`/households/${a.id}`, { fileNumber: b.fileNumber });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('household-file-number-taken');
    const fixed = await worker().patch(`/households/${a.id}`, { fileNumber: `${a.fileNumber}-X` });
    expect(fixed.status).toBe(200);
    expect(fixed.body.fileNumber).toBe(`${a.fileNumber}-X`);
    expect((await worker().patch(`/households/${a.id}`, { fileNumber: '' })).body.code).toBe('household-file-number-required');
    expect((await h.api('worker2').patch(`/households/${a.id}`, { fileNumber: 'Z-1' })).status).toBe(403);
  });

  it('archives an empty household once (a second click is 409), hides it from the list unless asked, and restores it', async () => {
    const hh = await household();
    const [first, second] = await Promise.all([
      worker().post(`/households/${hh.id}/archive`),
      worker().post(`/households/${hh.id}/archive`),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect(await listedHouseholds()).not.toContain(hh.id);
    expect(await listedHouseholds('only')).toContain(hh.id);
    expect(await listedHouseholds('include')).toContain(hh.id);
    const member = await worker().post(`/households/${hh.id}/residents`, {
      nationalId: withCheckDigit(String(serial++)),
      fullName: 'کسی',
      phone: '09131234567',
      relation: 'head',
    });
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('household-archived');
    const restored = await worker().post(`/households/${hh.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.archivedAt).toBeNull();
    expect(await listedHouseholds()).toContain(hh.id);
    expect((await h.api('coordinator').post(`/households/${hh.id}/archive`)).status).toBe(403);
  });

  it('refuses to archive a household with members on the register, and a resident with an open referral', async () => {
    const hh = await household();
    const r = await resident(hh.id);
    const busy = await worker().post(`/households/${hh.id}/archive`);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('household-has-members');

    await h.deliver('welfare.offer.published', {
      offerId: 'welfare-archive-test',
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
    });
    await addConsent(h.models, r, 'clinic-sarasiab', 'welfare', new Date(h.clock.now().getTime() - 60_000));
    const referral = await worker().post('/referrals', { residentId: r, offerId: 'welfare-archive-test' });
    expect(referral.status).toBe(201);
    const refused = await worker().post(`/residents/${r}/archive`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('resident-has-open-referrals');
    expect((await worker().post(`/referrals/${referral.body.id}/withdraw`, { reason: 'duplicate' })).status).toBe(200);

    const archived = await worker().post(`/residents/${r}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const residents = await worker().get('/clinics/clinic-sarasiab/residents?limit=100');
    expect(residents.body.map((x: { id: string }) => x.id)).not.toContain(r);
    expect(
      (await worker().get('/clinics/clinic-sarasiab/residents?limit=100&archived=only')).body.map((x: { id: string }) => x.id),
    ).toContain(r);
    expect((await worker().patch(`/residents/${r}`, { fullName: 'نام دیگر' })).body.code).toBe('resident-archived');
    // Now the household may go, and its archived member cannot come back until the household does.
    expect((await worker().post(`/households/${hh.id}/archive`)).status).toBe(200);
    expect((await worker().post(`/residents/${r}/restore`)).body.code).toBe('household-archived');
    expect((await worker().post(`/households/${hh.id}/restore`)).status).toBe(200);
    expect((await worker().post(`/residents/${r}/restore`)).status).toBe(200);
    const log = await worker().get(`/residents/${r}/access-log?action=update`);
    expect(log.body.map((e: { purpose: string | null }) => e.purpose)).toEqual(expect.arrayContaining(['archive', 'restore']));
  });
});
