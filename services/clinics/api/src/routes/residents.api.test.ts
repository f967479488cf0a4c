import { dayOf } from '@hamgam/contracts/days';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../domain/national-id.js';
import type { TestCaller as Caller, TestClaims } from '@hamgam/service-kit/testing';
import { startApiHarness, type ApiHarness } from '../testing/harness.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
}, 30_000);
afterAll(async () => {
  await h?.close();
});

let serial = 100_000_000;
/** A fresh valid national id, typed in Persian digits the way staff often type it. */
const nextNationalId = () => withCheckDigit(String(serial++).padStart(9, '0'));
const persian = (latin: string) => latin.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

async function api(caller: Caller | null, method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: unknown) {
  let req = request(h.app)[method](`/api/v1${path}`);
  if (caller) req = req.set('Authorization', `Bearer ${await h.token(caller)}`);
  return body === undefined ? req : req.send(body as object);
}

let fileSerial = 0;
async function household(caller: Caller = 'worker', clinicId = 'clinic-sarasiab') {
  const res = await api(caller, 'post', '/households', { clinicId, fileNumber: `F-${++fileSerial}` });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function resident(householdId: string, caller: Caller = 'worker', nationalId = nextNationalId()) {
  const res = await api(caller, 'post', `/households/${householdId}/residents`, {
    nationalId: persian(nationalId),
    fullName: 'زهرا احمدی',
    phone: '۰۹۱۳ ۱۲۳ ۴۵۶۷',
    relation: 'head',
    birthYear: 1360,
  });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, nationalId, body: res.body };
}

describe('households and residents', () => {
  it('registers a household and a resident; own clinic staff see the personal data, normalised', async () => {
    const hh = await household();
    const r = await resident(hh);
    expect(r.body.personal).toEqual({ nationalId: r.nationalId, fullName: 'زهرا احمدی', phone: '09131234567' });
    const stored = await h.models.residents.findById(r.id).lean();
    expect(JSON.stringify(stored)).not.toContain(r.nationalId);
    expect(JSON.stringify(stored)).not.toContain('احمدی');
    const detail = await api('worker', 'get', `/households/${hh}`);
    expect(detail.status).toBe(200);
    expect(detail.body.members).toBe(1);
    expect(detail.body.residents[0].personal.fullName).toBe('زهرا احمدی');
    const list = await api('worker', 'get', '/clinics/clinic-sarasiab/households');
    expect(list.body.some((x: { id: string }) => x.id === hh)).toBe(true);
  });

  it('refuses a national id no one was issued (422, naming the field), bad input (400), and stores nothing', async () => {
    const hh = await household();
    const before = await h.models.residents.countDocuments();
    const wrongCheck = nextNationalId().slice(0, 9) + '0';
    const badCheckDigit = withCheckDigit('123456789').slice(0, 9) + ((Number(withCheckDigit('123456789')[9]) + 1) % 10);
    const invalid = await api('worker', 'post', `/households/${hh}/residents`, {
      nationalId: badCheckDigit,
      fullName: 'x y',
      phone: '09130000000',
      relation: 'head',
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ code: 'national-id-invalid', field: 'nationalId' });
    for (const body of [
      { nationalId: '12', fullName: 'علی', phone: '09130000000', relation: 'head' },
      { nationalId: nextNationalId(), fullName: 'علی', phone: '09130000000', relation: 'uncle' },
      { nationalId: nextNationalId(), fullName: 'علی', phone: '09130000000', relation: 'head', extra: true },
      { nationalId: { $gt: '' }, fullName: 'علی', phone: '09130000000', relation: 'head' },
    ]) {
      const res = await api('worker', 'post', `/households/${hh}/residents`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(wrongCheck).toHaveLength(10);
    expect(await h.models.residents.countDocuments()).toBe(before);
    const badHousehold = await api('worker', 'post', '/households', { clinicId: 'clinic-sarasiab', fileNumber: '<script>' });
    expect(badHousehold.status).toBe(400);
  });

  it('finds a duplicate by the blind index: same clinic names the resident, another clinic does not', async () => {
    const r = await resident(await household());
    const sameClinic = await api('worker', 'post', '/residents/duplicate-check', { clinicId: 'clinic-sarasiab', nationalId: r.nationalId });
    expect(sameClinic.body).toEqual({ exists: true, sameClinic: true, residentId: r.id });
    const otherClinic = await api('worker2', 'post', '/residents/duplicate-check', {
      clinicId: 'clinic-motahari',
      nationalId: persian(r.nationalId),
    });
    expect(otherClinic.body).toEqual({ exists: true, sameClinic: false });
    expect(otherClinic.body.residentId).toBeUndefined();
    const fresh = await api('worker', 'post', '/residents/duplicate-check', { clinicId: 'clinic-sarasiab', nationalId: nextNationalId() });
    expect(fresh.body).toEqual({ exists: false, sameClinic: false });

    const again = await api('worker', 'post', `/households/${await household()}/residents`, {
      nationalId: r.nationalId,
      fullName: 'کسی دیگر',
      phone: '09130000001',
      relation: 'head',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'national-id-registered-here', detail: expect.stringContaining(r.id) });
    const elsewhere = await api('worker2', 'post', `/households/${await household('worker2', 'clinic-motahari')}/residents`, {
      nationalId: r.nationalId,
      fullName: 'کسی دیگر',
      phone: '09130000001',
      relation: 'head',
    });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('national-id-registered-elsewhere');
    expect(elsewhere.body.detail).toBe('this national id is already registered at another clinic');
    expect(elsewhere.body.detail).not.toContain(r.id);
  });

  it('keeps another clinic’s worker out of a clinic-sarasiab household and resident (403)', async () => {
    const hh = await household();
    const r = await resident(hh);
    const attempts: [string, string, unknown?][] = [
      ['get', `/households/${hh}`],
      ['get', `/residents/${r.id}`],
      ['patch', `/residents/${r.id}`, { phone: '09139999999' }],
      ['post', `/households/${hh}/residents`, { nationalId: nextNationalId(), fullName: 'نفوذی', phone: '09130000000', relation: 'other' }],
      ['get', `/residents/${r.id}/consents`],
      ['post', `/residents/${r.id}/consents`, { purpose: 'referral', agency: 'welfare', expiresOn: '2099-01-01' }],
      ['get', `/residents/${r.id}/access-log`],
      ['put', `/households/${hh}/assessment-draft`, { needs: [], answers: {} }],
      ['get', `/households/${hh}/assessment-draft`],
      ['get', '/clinics/clinic-sarasiab/households'],
      ['get', '/clinics/clinic-sarasiab/residents'],
      ['post', '/households', { clinicId: 'clinic-sarasiab' }],
      ['post', '/residents/duplicate-check', { clinicId: 'clinic-sarasiab', nationalId: r.nationalId }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await api('worker2', method as 'get', path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const after = await api('worker', 'get', `/residents/${r.id}`);
    expect(after.body.personal.phone).toBe('09131234567');
    expect(await h.models.consents.countDocuments({ residentId: r.id })).toBe(0);
  });

  it('refuses without a token (401) and refuses roles that have no business here (403)', async () => {
    const hh = await household();
    expect((await api(null, 'get', `/households/${hh}`)).status).toBe(401);
    expect((await api(null, 'post', '/households', { clinicId: 'clinic-sarasiab' })).status).toBe(401);
    expect((await api('tvto', 'get', `/households/${hh}`)).status).toBe(403);
    expect((await api('coordinator', 'post', '/households', { clinicId: 'clinic-sarasiab' })).status).toBe(403);
  });

  it('shows coordinators and auditors that residents exist but never their name, phone or national id', async () => {
    const hh = await household();
    const r = await resident(hh);
    for (const caller of ['coordinator', 'auditor'] as const) {
      const one = await api(caller, 'get', `/residents/${r.id}`);
      expect(one.status).toBe(200);
      expect(one.body.personal).toBeNull();
      const detail = await api(caller, 'get', `/households/${hh}`);
      expect(JSON.stringify(detail.body)).not.toContain('احمدی');
      expect(JSON.stringify(detail.body)).not.toContain(r.nationalId);
      const list = await api(caller, 'get', '/clinics/clinic-sarasiab/residents');
      expect(JSON.stringify(list.body)).not.toContain('0913');
    }
    expect(
      (await api('worker', 'get', '/clinics/clinic-sarasiab/residents')).body.every((x: { personal: unknown }) => x.personal === null),
    ).toBe(true);
  });

  it('logs who read or changed personal data; the auditor and own staff read the log, the coordinator cannot', async () => {
    const r = await resident(await household());
    await api('worker', 'get', `/residents/${r.id}`);
    const changed = await api('worker', 'patch', `/residents/${r.id}`, { phone: '09137654321' });
    expect(changed.body.personal.phone).toBe('09137654321');
    await api('coordinator', 'get', `/residents/${r.id}`); // sees no personal data, so nothing to log
    const log = await api('auditor', 'get', `/residents/${r.id}/access-log`);
    expect(log.status).toBe(200);
    expect(log.body.map((e: { action: string }) => e.action).sort()).toEqual(['read', 'register', 'update']);
    expect(log.body.every((e: { actorName: string }) => e.actorName === 'clinic.worker')).toBe(true);
    expect((await api('worker', 'get', `/residents/${r.id}/access-log`)).status).toBe(200);
    expect((await api('coordinator', 'get', `/residents/${r.id}/access-log`)).status).toBe(403);
  });
});

describe('the national id oracle (is this person registered?)', () => {
  it('logs every look-up that finds a resident in their access log, whichever clinic asked, and tells another clinic no more than “elsewhere”', async () => {
    const r = await resident(await household());
    const check = await api('worker2', 'post', '/residents/duplicate-check', { clinicId: 'clinic-motahari', nationalId: r.nationalId });
    expect(check.body).toEqual({ exists: true, sameClinic: false });
    const register = await api('worker2', 'post', `/households/${await household('worker2', 'clinic-motahari')}/residents`, {
      nationalId: r.nationalId,
      fullName: 'کسی دیگر',
      phone: '09130000001',
      relation: 'head',
    });
    expect(register.status).toBe(409);
    expect(JSON.stringify(register.body)).not.toMatch(new RegExp(`${r.id}|clinic-sarasiab`));
    await api('worker', 'post', '/residents/duplicate-check', { clinicId: 'clinic-sarasiab', nationalId: r.nationalId });

    const log = await api('auditor', 'get', `/residents/${r.id}/access-log`);
    const checks = log.body.filter((e: { action: string }) => e.action === 'duplicate-check');
    expect(checks.map(({ actorName, actorClinicId, purpose }: Record<string, unknown>) => ({ actorName, actorClinicId, purpose }))).toEqual(
      [
        { actorName: 'clinic.worker', actorClinicId: 'clinic-sarasiab', purpose: 'registration' },
        { actorName: 'clinic.worker2', actorClinicId: 'clinic-motahari', purpose: 'registration' },
        { actorName: 'clinic.worker2', actorClinicId: 'clinic-motahari', purpose: 'registration' },
      ],
    );
    // A look-up that finds no one has no one's log to go in.
    await api('worker2', 'post', '/residents/duplicate-check', { clinicId: 'clinic-motahari', nationalId: nextNationalId() });
    expect((await api('auditor', 'get', `/residents/${r.id}/access-log`)).body).toHaveLength(log.body.length);
  });

  it('answers 429 past 100 look-ups in 15 minutes per user (checks and registrations), and still serves other users', async () => {
    const counted: TestClaims = {
      sub: 'u-counted',
      username: 'clinic.counted',
      roles: ['clinic-worker'],
      clinicIds: ['clinic-sarasiab'],
      neighbourhoodIds: ['nbh-sarasiab'],
    };
    const windowMs = 15 * 60_000;
    // Windows are aligned to the service's clock: start at the beginning of one, so the test stays in it.
    h.clock.setTo(new Date(Math.floor(Date.now() / windowMs) * windowMs));
    try {
      const hh = await household();
      for (let i = 0; i < 99; i++)
        expect(
          (await h.api(counted).post('/residents/duplicate-check', { clinicId: 'clinic-sarasiab', nationalId: nextNationalId() })).status,
        ).toBe(200);
      const member = (nationalId: string) => ({ nationalId, fullName: 'زهرا احمدی', phone: '09131234567', relation: 'head' });
      expect((await h.api(counted).post(`/households/${hh}/residents`, member(nextNationalId()))).status).toBe(201);
      const refused = await h
        .api(counted)
        .post('/residents/duplicate-check', { clinicId: 'clinic-sarasiab', nationalId: nextNationalId() });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const before = await h.models.residents.countDocuments({ householdId: hh });
      expect((await h.api(counted).post(`/households/${hh}/residents`, member(nextNationalId()))).status).toBe(429);
      expect(await h.models.residents.countDocuments({ householdId: hh })).toBe(before);
      expect(
        (await api('worker', 'post', '/residents/duplicate-check', { clinicId: 'clinic-sarasiab', nationalId: nextNationalId() })).status,
      ).toBe(200);
    } finally {
      h.clock.reset();
    }
  }, 60_000);
});

describe('consents', () => {
  it('grants per purpose and agency, lists with status, withdraws once, and follows the clock to expiry', async () => {
    const r = await resident(await household());
    const today = dayOf(h.clock.now());
    const granted = await api('worker', 'post', `/residents/${r.id}/consents`, {
      purpose: 'referral',
      agency: 'vocational-training',
      expiresOn: today,
    });
    expect(granted.status).toBe(201);
    expect(granted.body.status).toBe('active');
    const other = await api('worker', 'post', `/residents/${r.id}/consents`, {
      purpose: 'case-follow-up',
      agency: 'welfare',
      expiresOn: '2099-12-31',
    });
    const past = await api('worker', 'post', `/residents/${r.id}/consents`, {
      purpose: 'referral',
      agency: 'welfare',
      expiresOn: '2000-01-01',
    });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ code: 'consent-expiry-passed', field: 'expiresOn' });
    const badAgency = await api('worker', 'post', `/residents/${r.id}/consents`, {
      purpose: 'referral',
      agency: 'coordination',
      expiresOn: '2099-01-01',
    });
    expect(badAgency.status).toBe(400);

    const withdrawn = await api('worker', 'post', `/residents/${r.id}/consents/${other.body.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await api('worker', 'post', `/residents/${r.id}/consents/${other.body.id}/withdraw`)).status).toBe(409);

    h.clock.advanceDays(1);
    try {
      const list = await api('worker', 'get', `/residents/${r.id}/consents`);
      const byId = Object.fromEntries(list.body.map((c: { id: string; status: string }) => [c.id, c.status]));
      expect(byId).toEqual({ [granted.body.id]: 'expired', [other.body.id]: 'withdrawn' });
      expect((await api('coordinator', 'get', `/residents/${r.id}/consents`)).status).toBe(200);
    } finally {
      h.clock.reset();
    }
  });
});

describe('assessment drafts', () => {
  const needs = [{ category: 'employment', severity: 4 }];
  const complete = { 'employment.working': false, 'employment.job-seekers': 2 };

  it('saves, resumes, refuses an incomplete submission, then submits and removes the draft', async () => {
    const hh = await household();
    expect((await api('worker', 'get', `/households/${hh}/assessment-draft`)).status).toBe(404);
    const saved = await api('worker', 'put', `/households/${hh}/assessment-draft`, { needs, answers: { 'employment.working': false } });
    expect(saved.status).toBe(200);
    const resumed = await api('worker', 'get', `/households/${hh}/assessment-draft`);
    expect(resumed.body).toMatchObject({ householdId: hh, needs, answers: { 'employment.working': false } });
    expect((await api('worker', 'get', '/clinics/clinic-sarasiab/households')).body.find((x: { id: string }) => x.id === hh).hasDraft).toBe(
      true,
    );

    const incomplete = await api('worker', 'post', `/households/${hh}/assessment-draft/submit`);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body).toMatchObject({ code: 'assessment-incomplete', detail: expect.stringContaining('employment.job-seekers') });
    expect(await h.models.assessments.countDocuments({ householdRef: hh })).toBe(0);

    await api('worker', 'put', `/households/${hh}/assessment-draft`, { needs, answers: complete });
    const submitted = await api('worker', 'post', `/households/${hh}/assessment-draft/submit`);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ householdRef: hh, neighbourhoodId: 'nbh-sarasiab', needs, answers: complete });
    expect((await api('worker', 'get', `/households/${hh}/assessment-draft`)).status).toBe(404);

    // A second assessment of the same household replaces the first.
    await api('worker', 'put', `/households/${hh}/assessment-draft`, {
      needs: [{ category: 'employment', severity: 1 }],
      answers: complete,
    });
    await api('worker', 'post', `/households/${hh}/assessment-draft/submit`);
    const stored = await h.models.assessments.find({ householdRef: hh }).limit(1000).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.needs[0]!.severity).toBe(1);
  });

  it('refuses a wrong answer in a draft (422 naming the question, nothing stored) and discards a draft', async () => {
    const hh = await household();
    const bad = await api('worker', 'put', `/households/${hh}/assessment-draft`, { needs, answers: { 'employment.working': 'maybe' } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'assessment-draft-invalid', field: 'employment.working' });
    expect(await h.models.assessmentDrafts.countDocuments({ _id: hh })).toBe(0);
    await api('worker', 'put', `/households/${hh}/assessment-draft`, { needs, answers: {} });
    expect((await api('worker', 'delete', `/households/${hh}/assessment-draft`)).body).toEqual({ deleted: true });
    expect((await api('worker', 'get', `/households/${hh}/assessment-draft`)).status).toBe(404);
  });

  it('records an assessment only for a registered household of the clinic', async () => {
    const unknown = await api('worker', 'post', '/assessments', {
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      householdRef: 'HH-0001',
      needs,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'household-not-at-clinic', field: 'householdRef' });
    const motahariHousehold = await household('worker2', 'clinic-motahari');
    const foreign = await api('worker', 'post', '/assessments', {
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      householdRef: motahariHousehold,
      needs,
    });
    expect(foreign.body).toMatchObject({ status: 422, code: 'household-not-at-clinic' });
    const ok = await api('worker', 'post', '/assessments', {
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      householdRef: await household(),
      needs,
    });
    expect(ok.status).toBe(201);
  });
});

describe('neighbourhood reference', () => {
  it('gives the hierarchy, the clinic with its staff and the representative, within scope', async () => {
    const res = await api('representative', 'get', '/neighbourhoods/nbh-sarasiab');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'nbh-sarasiab',
      countyId: 'kerman-county',
      provinceId: 'kerman',
      representative: { username: 'representative' },
    });
    expect(res.body.clinics[0].id).toBe('clinic-sarasiab');
    expect(res.body.clinics[0].staff.length).toBeGreaterThan(0);
    expect((await api('worker2', 'get', '/neighbourhoods/nbh-sarasiab')).status).toBe(403);
    expect((await api('coordinator', 'get', '/neighbourhoods/nbh-fajr')).status).toBe(200);
  });
});

describe('re-ranking the draft priorities', () => {
  async function assessed(needsList: { category: string; severity: number }[][]) {
    for (const needs of needsList) {
      const res = await api('worker', 'post', '/assessments', {
        clinicId: 'clinic-sarasiab',
        neighbourhoodId: 'nbh-sarasiab',
        householdRef: await household(),
        needs,
      });
      expect(res.status).toBe(201);
    }
  }

  it('the clinic worker records the meeting’s order with a reason; publishing follows it and keeps the computed rank and reason', async () => {
    await h.models.assessments.deleteMany({ neighbourhoodId: 'nbh-sarasiab' });
    await assessed([
      [
        { category: 'workshop-space', severity: 5 },
        { category: 'employment', severity: 2 },
      ],
      [
        { category: 'workshop-space', severity: 4 },
        { category: 'social-care', severity: 1 },
      ],
    ]);
    const before = await api('representative', 'get', '/neighbourhoods/nbh-sarasiab/priorities');
    expect(before.body.draft.map((p: { category: string }) => p.category)).toEqual(['workshop-space', 'employment', 'social-care']);
    const today = dayOf(h.clock.now());
    const body = {
      order: ['social-care', 'workshop-space', 'employment'],
      reason: 'جلسه ساکنان: سالمندان تنها در اولویت',
      meetingDate: today,
    };

    expect((await api('worker2', 'put', '/neighbourhoods/nbh-sarasiab/priorities/agreed-order', body)).status).toBe(403);
    expect((await api('coordinator', 'put', '/neighbourhoods/nbh-sarasiab/priorities/agreed-order', body)).status).toBe(403);
    expect((await api(null, 'put', '/neighbourhoods/nbh-sarasiab/priorities/agreed-order', body)).status).toBe(401);
    expect((await api('worker', 'put', '/neighbourhoods/nbh-sarasiab/priorities/agreed-order', { ...body, reason: '' })).status).toBe(400);
    for (const [bad, broken] of [
      [
        { ...body, order: ['social-care', 'workshop-space'] },
        { code: 'agreed-order-invalid', field: 'order' },
      ],
      [
        { ...body, order: ['social-care', 'workshop-space', 'employment', 'housing-repair'] },
        { code: 'agreed-order-invalid', field: 'order' },
      ],
      [
        { ...body, meetingDate: '2999-01-01' },
        { code: 'meeting-in-future', field: 'meetingDate' },
      ],
    ] as const) {
      const refused = await api('worker', 'put', '/neighbourhoods/nbh-sarasiab/priorities/agreed-order', bad);
      expect(refused.status, JSON.stringify(bad)).toBe(422);
      expect(refused.body).toMatchObject(broken);
    }
    expect(await h.models.agreedOrders.countDocuments({ neighbourhoodId: 'nbh-sarasiab' })).toBe(0);

    const agreed = await api('worker', 'put', '/neighbourhoods/nbh-sarasiab/priorities/agreed-order', body);
    expect(agreed.status).toBe(200);
    expect(agreed.body.draft.map((p: { rank: number; category: string }) => [p.rank, p.category])).toEqual([
      [1, 'social-care'],
      [2, 'workshop-space'],
      [3, 'employment'],
    ]);
    expect(agreed.body.computed[0].category).toBe('workshop-space');
    expect(agreed.body.agreed).toMatchObject({ reason: body.reason, agreedByRole: 'clinic-worker', meetingDate: today });

    // A household assessed after the meeting brings a new category: it follows the agreed ones.
    await assessed([
      [
        { category: 'housing-repair', severity: 5 },
        { category: 'workshop-space', severity: 5 },
      ],
    ]);
    const published = await api('worker', 'post', '/neighbourhoods/nbh-sarasiab/priority-lists', { period: '1405' });
    expect(published.status).toBe(201);
    expect(published.body.priorities.map((p: { rank: number; category: string }) => [p.rank, p.category])).toEqual([
      [1, 'social-care'],
      [2, 'workshop-space'],
      [3, 'employment'],
      [4, 'housing-repair'],
    ]);
    expect(published.body.reranking).toMatchObject({
      reason: body.reason,
      computedRanks: expect.arrayContaining([{ category: 'social-care', computedRank: 4 }]),
    });
    const stored = await h.models.priorityLists.findOne({ neighbourhoodId: 'nbh-sarasiab' }).lean();
    expect(stored!.outbox[0]!.envelope.data).toMatchObject({
      priorities: [{ rank: 1, category: 'social-care', score: 1, households: 1 }, expect.anything(), expect.anything(), expect.anything()],
    });
    expect(Object.keys((stored!.outbox[0]!.envelope.data as { priorities: object[] }).priorities[0]!)).toEqual([
      'rank',
      'category',
      'score',
      'households',
    ]);
  });

  it('the people’s representative only reads the priorities: re-ranking is refused and nothing is stored', async () => {
    await h.models.assessments.deleteMany({ neighbourhoodId: 'nbh-sarasiab' });
    await h.models.agreedOrders.deleteMany({ neighbourhoodId: 'nbh-sarasiab' });
    await assessed([
      [
        { category: 'workshop-space', severity: 5 },
        { category: 'employment', severity: 2 },
      ],
    ]);
    const before = await api('representative', 'get', '/neighbourhoods/nbh-sarasiab/priorities');
    expect(before.status).toBe(200);
    const refused = await api('representative', 'put', '/neighbourhoods/nbh-sarasiab/priorities/agreed-order', {
      order: ['employment', 'workshop-space'],
      reason: 'جلسه ساکنان',
      meetingDate: dayOf(h.clock.now()),
    });
    expect(refused.status).toBe(403);
    expect(await h.models.agreedOrders.countDocuments({ neighbourhoodId: 'nbh-sarasiab' })).toBe(0);
    const after = await api('representative', 'get', '/neighbourhoods/nbh-sarasiab/priorities');
    expect(after.body.draft).toEqual(before.body.draft);
    expect(after.body.draft.map((p: { category: string }) => p.category)).toEqual(['workshop-space', 'employment']);
    expect(after.body.agreed).toBeNull();
  });
});

describe('neighbourhood assessments list', () => {
  it('lists assessments submitted with questionnaire answers (household level, without the answers)', async () => {
    const hh = await household();
    await api('worker', 'put', `/households/${hh}/assessment-draft`, {
      needs: [{ category: 'employment', severity: 3 }],
      answers: { 'employment.working': true, 'employment.job-seekers': 1 },
    });
    expect((await api('worker', 'post', `/households/${hh}/assessment-draft/submit`)).status).toBe(201);
    const list = await api('worker', 'get', '/neighbourhoods/nbh-sarasiab/assessments');
    expect(list.status).toBe(200);
    expect(list.body.find((a: { householdRef: string }) => a.householdRef === hh)).toMatchObject({
      needs: [{ category: 'employment', severity: 3 }],
    });
  });
});

describe('Iran’s day, just after midnight and late in the evening (issue 12)', () => {
  // 21 March 2026 in Iran runs from 20:30Z on the 20th to 20:30Z on the 21st.
  const justAfterMidnight = new Date('2026-03-20T21:00:00Z'); // 00:30 on the 21st in Iran, still the 20th in UTC
  const lateEvening = new Date('2026-03-21T20:00:00Z'); // 23:30 on the 21st in Iran

  it('accepts a residents’ meeting dated today at 00:30 and at 23:30 Iran time, and refuses one dated tomorrow', async () => {
    const assessment = await api('worker', 'post', '/assessments', {
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      householdRef: await household(),
      needs: [{ category: 'employment', severity: 3 }],
    });
    expect(assessment.status).toBe(201);
    const order = (await api('representative', 'get', '/neighbourhoods/nbh-sarasiab/priorities')).body.draft.map(
      (p: { category: string }) => p.category,
    );
    const agree = (meetingDate: string) =>
      api('worker', 'put', '/neighbourhoods/nbh-sarasiab/priorities/agreed-order', {
        order,
        reason: 'جلسه ساکنان محله',
        meetingDate,
      });
    try {
      for (const now of [justAfterMidnight, lateEvening]) {
        h.clock.setTo(now);
        expect((await agree('2026-03-21')).status, now.toISOString()).toBe(200);
        expect((await agree('2026-03-22')).status, now.toISOString()).toBe(422);
      }
      expect(await h.models.agreedOrders.countDocuments({ neighbourhoodId: 'nbh-sarasiab', meetingDate: '2026-03-21' })).toBe(2);
    } finally {
      h.clock.reset();
    }
  });

  it('keeps a consent in force until its last day ends in Iran, and refuses an expiry day already over at 00:30', async () => {
    const r = await resident(await household());
    const consents = async () => (await api('worker', 'get', `/residents/${r.id}/consents`)).body.map((c: { status: string }) => c.status);
    try {
      h.clock.setTo(justAfterMidnight);
      expect(
        (await api('worker', 'post', `/residents/${r.id}/consents`, { purpose: 'referral', agency: 'welfare', expiresOn: '2026-03-20' }))
          .status,
      ).toBe(422);
      const granted = await api('worker', 'post', `/residents/${r.id}/consents`, {
        purpose: 'referral',
        agency: 'welfare',
        expiresOn: '2026-03-21',
      });
      expect(granted.status).toBe(201);
      expect(granted.body.status).toBe('active');
      h.clock.setTo(lateEvening);
      expect(await consents()).toEqual(['active']);
      h.clock.setTo(new Date('2026-03-21T21:00:00Z')); // 00:30 on the 22nd in Iran, still the 21st in UTC
      expect(await consents()).toEqual(['expired']);
    } finally {
      h.clock.reset();
    }
  });
});
