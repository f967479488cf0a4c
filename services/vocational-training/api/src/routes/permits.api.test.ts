import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tvtoForTests } from '../testing/harness.js';

// TVTO's workshop permits and their public tracking through the API (see tvtoForTests).
const { service, api, inDays, outboxOf, acceptedReferral, referredByAClinic, publishOffer } = tvtoForTests();

describe('workshop permits', () => {
  const application = (extra: object = {}) => ({
    residentRef: null,
    applicantName: 'Zahra Karimi',
    trade: 'carpentry',
    neighbourhoodId: 'nbh-fajr',
    address: 'Fajr, alley 12, no. 4',
    ...extra,
  });
  let permitId: string;
  let code: string;

  it('takes an application with a tracking code; a walk-in’s name only for TVTO staff', async () => {
    const res = await api('tvto').post('/permits', application());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', applicantName: 'Zahra Karimi', checklist: [] });
    expect(res.body.trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    permitId = res.body.permitId;
    code = res.body.trackingCode;
    expect((await api('coordinator').get(`/permits/${permitId}`)).body.applicantName).toBeNull();
    expect((await api('auditor').get('/permits')).body.every((p: { applicantName: unknown }) => p.applicantName === null)).toBe(true);
  });

  it('refuses bad applications and other roles, storing nothing', async () => {
    const before = await service().models.permits.countDocuments();
    expect((await api('tvto').post('/permits', application({ residentRef: randomUUID() }))).status).toBe(400);
    expect((await api('tvto').post('/permits', application({ applicantName: null }))).status).toBe(400);
    expect((await api('tvto').post('/permits', application({ neighbourhoodId: 'Fajr!' }))).status).toBe(400);
    expect((await api('welfare').post('/permits', application())).status).toBe(403);
    expect((await api('coordinator').post('/permits', application())).status).toBe(403);
    expect((await api().post('/permits', application())).status).toBe(401);
    expect((await api('worker').get('/permits')).status).toBe(403);
    expect(await service().models.permits.countDocuments()).toBe(before);
  });

  it('walks checklist → inspection → approval, publishing permit.issued without the name', async () => {
    const path = `/permits/${permitId}`;
    const early = await api('tvto').post(`${path}/inspection`, { date: inDays(0), inspector: 'Eng. Rahimi', findings: 'ok', passed: true });
    expect(early.body).toMatchObject({ status: 409, code: 'permit-step-out-of-order' });
    for (const item of ['id-copy', 'skill-certificate', 'lease-or-ownership'])
      expect((await api('tvto').put(`${path}/checklist`, { item, received: true })).body.status).toBe('submitted');
    expect((await api('tvto').put(`${path}/checklist`, { item: 'fire-drill', received: true })).status).toBe(400);
    expect((await api('tvto').put(`${path}/checklist`, { item: 'safety', received: true })).body).toMatchObject({
      status: 'documents-complete',
      checklist: ['id-copy', 'skill-certificate', 'lease-or-ownership', 'safety'],
    });
    expect((await api('tvto').post(`${path}/decision`, { decision: 'approved', reason: 'ok' })).status).toBe(409);
    const inspected = await api('tvto').post(`${path}/inspection`, {
      date: inDays(0),
      inspector: 'Eng. Rahimi',
      findings: 'Ventilation and extinguisher in place',
      passed: true,
    });
    expect(inspected.body).toMatchObject({ status: 'inspected', inspection: { passed: true, inspector: 'Eng. Rahimi' } });
    // Documents are checked before the inspection: an inspected application is in no state for it.
    expect((await api('tvto').put(`${path}/checklist`, { item: 'safety', received: false })).body).toMatchObject({
      status: 409,
      code: 'permit-step-out-of-order',
    });
    expect(await outboxOf('permits', permitId)).toEqual([]);
    const approved = await api('tvto').post(`${path}/decision`, { decision: 'approved', reason: 'All requirements met' });
    expect(approved.body).toMatchObject({
      status: 'approved',
      permitNo: expect.stringMatching(/^WP-\d{4}-[A-Z0-9]{8}$/),
      validUntil: inDays(365),
      decision: { decision: 'approved' },
    });
    expect(approved.body.history.map((h: { status: string }) => h.status)).toEqual([
      'submitted',
      'documents-complete',
      'inspected',
      'approved',
    ]);
    const events = await outboxOf('permits', permitId);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.permit.issued']);
    expect(events[0]!.data).toMatchObject({
      permitId,
      permitNo: approved.body.permitNo,
      trade: 'carpentry',
      neighbourhoodId: 'nbh-fajr',
      residentRef: null,
      validUntil: inDays(365),
    });
    expect(JSON.stringify(events)).not.toContain('Zahra');
    expect((await api('tvto').post(`${path}/decision`, { decision: 'rejected', reason: 'x' })).status).toBe(409);
    expect((await api('tvto').post(`${path}/renew`)).body).toMatchObject({ status: 422, code: 'renewal-not-open' });
  });

  it('answers the public tracking lookup with status and next step only, without a token', async () => {
    const res = await api().get(`/permits/tracking/${code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'lastUpdate', 'nextStep', 'status', 'statusLabel']);
    expect(res.body).toMatchObject({ code, status: 'approved', statusLabel: { en: 'Permit issued' } });
    expect(JSON.stringify(res.body)).not.toMatch(/Zahra|alley/);
    expect((await api().get('/permits/tracking/ZZZZ-ZZZZ')).status).toBe(404);
    expect((await api().get('/permits/tracking/not-a-code')).status).toBe(400);
  });

  it('expires by the calendar and is renewed for another year, republishing the permit', async () => {
    service().clock.advanceDays(370);
    try {
      expect((await api('tvto').get('/permits?status=expired')).body.map((p: { permitId: string }) => p.permitId)).toContain(permitId);
      expect((await api().get(`/permits/tracking/${code}`)).body.status).toBe('expired');
      const renewed = await api('tvto').post(`/permits/${permitId}/renew`);
      expect(renewed.body).toMatchObject({ status: 'renewed', validUntil: inDays(365) });
      expect(renewed.body.renewals).toHaveLength(1);
      const events = await outboxOf('permits', permitId);
      expect(events.map((e) => (e.data as { validUntil: string }).validUntil)).toEqual([addDays(inDays(-370), 365), inDays(365)]);
      expect((await api('auditor').post(`/permits/${permitId}/renew`)).status).toBe(403);
    } finally {
      service().clock.advanceDays(-370);
    }
  });

  it('takes an application from an accepted workshop-permit referral and answers the clinic with the decision', async () => {
    await publishOffer('tvto-c-permit', 'workshop-permit', { fa: 'مجوز کارگاه', en: 'Workshop permit' });
    const made = await acceptedReferral('tvto-c-permit');
    const body = { referralId: made.referralId, trade: 'tailoring', neighbourhoodId: 'nbh-sarasiab', address: 'Sar Asiab, alley 3' };
    const applied = await api('tvto').post('/permits', body);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ referralId: made.referralId, residentRef: made.residentRef, applicantName: null });
    expect((await api('tvto').post('/permits', body)).body).toMatchObject({ status: 409, code: 'referral-has-application' });
    expect((await api('tvto').post('/permits', { ...body, applicantName: 'X' })).status).toBe(400);
    const course = await acceptedReferral('tvto-c-tailoring');
    expect((await api('tvto').post('/permits', { ...body, referralId: course.referralId })).body).toMatchObject({
      status: 422,
      code: 'referral-for-another-offer',
      field: 'referralId',
    });
    expect((await api('tvto').post('/permits', { ...body, referralId: randomUUID() })).body).toMatchObject({
      status: 404,
      code: 'referral-not-found',
    });
    await api('tvto').post(`/permits/${applied.body.permitId}/decision`, { decision: 'rejected', reason: 'Not in a target neighbourhood' });
    const row = (await api('tvto').get('/desk/referrals?state=completed')).body.find(
      (r: { referralId: string }) => r.referralId === made.referralId,
    );
    expect(row).toMatchObject({ outcome: 'not-achieved' });
  });

  it('rejects with a reason at any point before a decision; a rejected application is final', async () => {
    const referred = await api('tvto').post('/permits', application({ residentRef: randomUUID(), applicantName: null, trade: 'welding' }));
    const path = `/permits/${referred.body.permitId}`;
    expect((await api('tvto').post(`${path}/decision`, { decision: 'rejected', reason: '' })).status).toBe(400);
    const rejected = await api('tvto').post(`${path}/decision`, {
      decision: 'rejected',
      reason: 'Address is outside the target neighbourhoods',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decision: { reason: 'Address is outside the target neighbourhoods' },
      permitNo: null,
    });
    expect((await api('tvto').post(`${path}/renew`)).body).toMatchObject({ status: 409, code: 'permit-step-out-of-order' });
    expect((await api('tvto').put(`${path}/checklist`, { item: 'safety', received: true })).body).toMatchObject({
      status: 409,
      code: 'permit-step-out-of-order',
    });
    expect(await outboxOf('permits', referred.body.permitId)).toEqual([]);
  });
});

describe('public tracking is rate-limited', () => {
  it('answers 429 past 30 look-ups a minute from one address', async () => {
    // The limit counts in clock-aligned minute windows (shared by replicas): start with room left in this one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await api().get('/permits/tracking/ZZZZ-ZZZZ')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(30);
  }, 20_000);
});

describe('permit applications for residents no clinic referred', () => {
  const application = (extra: object) => ({
    referralId: null,
    residentRef: null,
    applicantName: null,
    trade: 'carpentry',
    neighbourhoodId: 'nbh-fajr',
    address: 'Fajr, alley 12',
    ...extra,
  });
  const apply = (extra: object) => api('tvto').post('/permits', application(extra));
  const listed = async (id: string) =>
    ((await service().api('coordinator').get('/permits?limit=100')).body as { permitId: string; unverified: boolean }[]).find(
      (p) => p.permitId === id,
    );

  it('marks an application for a made-up resident ref unverified, says why in its history, and verifies it when a referral arrives', async () => {
    const madeUpRef = randomUUID();
    const madeUp = await apply({ residentRef: madeUpRef });
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({
      unverified: true,
      history: [{ status: 'submitted', note: expect.stringMatching(/not referred.*unverified/) }],
    });
    expect((await service().models.permits.findById(madeUp.body.permitId).lean())!.refsVerified).toBe(false);
    expect(await listed(madeUp.body.permitId)).toMatchObject({ unverified: true });

    await referredByAClinic(madeUpRef);
    expect((await service().api('coordinator').get(`/permits/${madeUp.body.permitId}`)).body).toMatchObject({ unverified: false });
    const ticked = await api('tvto').put(`/permits/${madeUp.body.permitId}/checklist`, { item: 'id-copy', received: true });
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
    expect((await service().models.permits.findById(walkIn.body.permitId).lean())!.refsVerified).toBe(true);
  });
});
