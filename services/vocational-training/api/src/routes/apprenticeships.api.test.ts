import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { tvtoForTests } from '../testing/harness.js';

// TVTO's apprenticeships with guild masters through the API (see tvtoForTests).
const { service, api, acceptedReferral, referredByAClinic, publishOffer } = tvtoForTests();

describe('apprenticeships', () => {
  const master = {
    masterId: 'm-rezaei',
    name: 'Ostad Rezaei',
    guild: { fa: 'صنف درودگران', en: 'Carpenters’ guild' },
    trade: 'carpentry',
    neighbourhoodId: 'nbh-fajr',
    capacity: 1,
  };

  it('places residents with a master up to capacity, checks progress monthly, and frees the place on completion', async () => {
    expect((await api('tvto').post('/apprenticeships/masters', master)).status).toBe(201);
    expect((await api('tvto').post('/apprenticeships/masters', master)).body).toMatchObject({ status: 409, code: 'master-exists' });
    expect((await api('tvto').post('/apprenticeships/masters', { ...master, masterId: 'm-x', capacity: 0 })).status).toBe(400);
    expect((await api('coordinator').post('/apprenticeships/masters', { ...master, masterId: 'm-y' })).status).toBe(403);
    const first = await Promise.all([
      api('tvto').post('/apprenticeships/masters/m-rezaei/placements', {}),
      api('tvto').post('/apprenticeships/masters/m-rezaei/placements', {}),
    ]);
    expect(first.map((r) => r.status).sort()).toEqual([201, 409]);
    const placement = first.find((r) => r.status === 201)!.body;
    expect((await api('tvto').get('/apprenticeships/masters')).body[0]).toMatchObject({ placed: 1, available: 0 });
    const progress = (body: object) => api('tvto').post(`/apprenticeships/placements/${placement.placementId}/progress`, body);
    const finish = (state: string) => api('tvto').post(`/apprenticeships/placements/${placement.placementId}/finish`, { state });
    expect((await finish('completed')).body).toMatchObject({ status: 422, code: 'progress-not-checked' });
    expect((await progress({ rating: 4, note: 'Joins well' })).body.checks).toHaveLength(1);
    expect((await progress({ rating: 4, note: 'Again' })).body).toMatchObject({ status: 422, code: 'progress-already-recorded' });
    expect((await progress({ rating: 9, note: 'x' })).status).toBe(400);
    expect((await finish('completed')).body).toMatchObject({ state: 'completed' });
    expect((await finish('withdrawn')).body).toMatchObject({ status: 409, code: 'placement-ended' });
    expect((await progress({ rating: 4, note: 'After the end' })).body).toMatchObject({ status: 409, code: 'placement-ended' });
    expect((await api('tvto').get('/apprenticeships/masters')).body[0]).toMatchObject({ placed: 0, available: 1 });
  });

  it('places an accepted apprenticeship referral and closes it when the placement ends; refuses other offers’ referrals', async () => {
    await publishOffer('tvto-c-apprentice', 'apprenticeship', { fa: 'شاگردی', en: 'Apprenticeship' });
    const referral = await acceptedReferral('tvto-c-apprentice');
    const wrong = await acceptedReferral('tvto-c-tailoring');
    const refused = await api('tvto').post('/apprenticeships/masters/m-rezaei/placements', { referralId: wrong.referralId });
    expect(refused.body).toMatchObject({ status: 422, code: 'referral-for-another-offer', field: 'referralId' });
    const placed = await api('tvto').post('/apprenticeships/masters/m-rezaei/placements', { referralId: referral.referralId });
    expect(placed.body).toMatchObject({ residentRef: referral.residentRef, referralId: referral.referralId, state: 'active' });
    const withdrawn = await api('tvto').post(`/apprenticeships/placements/${placed.body.placementId}/finish`, { state: 'withdrawn' });
    expect(withdrawn.body.state).toBe('withdrawn');
    const row = (await api('tvto').get('/desk/referrals?state=completed')).body.find(
      (r: { referralId: string }) => r.referralId === referral.referralId,
    );
    expect(row).toMatchObject({ outcome: 'not-achieved' });
    expect((await api('auditor').get('/apprenticeships/placements?masterId=m-rezaei')).body).toHaveLength(2);
  });
});

describe('direct apprentice placements of residents no clinic referred', () => {
  beforeAll(async () => {
    const master = {
      masterId: 'm-refs',
      name: 'Ostad Karimi',
      guild: { fa: 'صنف درودگران', en: 'Carpenters’ guild' },
      trade: 'carpentry',
      neighbourhoodId: 'nbh-fajr',
      capacity: 10,
    };
    expect((await api('tvto').post('/apprenticeships/masters', master)).status).toBe(201);
  });

  const place = (body: object) => api('tvto').post('/apprenticeships/masters/m-refs/placements', body);
  const listed = async (id: string) =>
    (
      (await service().api('auditor').get('/apprenticeships/placements?masterId=m-refs')).body as {
        placementId: string;
        unverified: boolean;
      }[]
    ).find((p) => p.placementId === id);

  it('marks a placement of a made-up resident ref unverified, a referred resident’s and a walk-in’s not, and verifies it when a referral arrives', async () => {
    const madeUpRef = randomUUID();
    const madeUp = await place({ residentRef: madeUpRef, neighbourhoodId: null });
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ unverified: true });
    expect((await service().models.placements.findById(madeUp.body.placementId).lean())!.refsVerified).toBe(false);
    expect(await listed(madeUp.body.placementId)).toMatchObject({ unverified: true });

    const referred = randomUUID();
    await referredByAClinic(referred);
    expect((await place({ residentRef: referred, neighbourhoodId: null })).body).toMatchObject({ unverified: false });
    expect((await place({ residentRef: null, neighbourhoodId: null })).body).toMatchObject({ unverified: false });

    await referredByAClinic(madeUpRef);
    expect(await listed(madeUp.body.placementId)).toMatchObject({ unverified: false });
    const checked = await api('tvto').post(`/apprenticeships/placements/${madeUp.body.placementId}/progress`, {
      rating: 4,
      note: 'Joins well',
    });
    expect(checked.body).toMatchObject({ unverified: false });
  });
});

describe('what a screen may show of a master and an apprentice (issue 10: no typed ids, no raw refs)', () => {
  it('makes a master’s id when staff give none (they name the master, never type a slug)', async () => {
    const { masterId: _typed, ...typedByNoOne } = {
      masterId: 'unused',
      name: 'Ostad Bahrami',
      guild: { fa: 'صنف درودگران', en: 'Carpenters’ guild' },
      trade: 'carpentry',
      neighbourhoodId: 'nbh-fajr',
      capacity: 3,
    };
    const made = await api('tvto').post('/apprenticeships/masters', typedByNoOne);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.masterId).toMatch(/^master-carpentry-[0-9a-f]{8}$/);
    expect((await api('tvto').post('/apprenticeships/masters', typedByNoOne)).status).toBe(201);
  });

  it('names each placement’s resident by the tracking code of a clinic referral naming them, and no code for a ref no referral named', async () => {
    const masterId = (
      await api('tvto').post('/apprenticeships/masters', {
        name: 'Ostad Naderi',
        guild: { fa: 'صنف درودگران', en: 'Carpenters’ guild' },
        trade: 'carpentry',
        neighbourhoodId: 'nbh-fajr',
        capacity: 5,
      })
    ).body.masterId as string;
    await publishOffer('tvto-codes-apprentice', 'apprenticeship', { fa: 'شاگردی', en: 'Apprenticeship' });
    const referral = await acceptedReferral('tvto-codes-apprentice', true, 'ABCD-EFGH');
    const fromReferral = await api('tvto').post(`/apprenticeships/masters/${masterId}/placements`, { referralId: referral.referralId });
    expect(fromReferral.body).toMatchObject({ referralCode: 'ABCD-EFGH' });
    const known = randomUUID();
    await referredByAClinic(known, 'WXYZ-2345');
    const direct = await api('tvto').post(`/apprenticeships/masters/${masterId}/placements`, { residentRef: known, neighbourhoodId: null });
    expect(direct.body).toMatchObject({ referralCode: 'WXYZ-2345', unverified: false });
    const madeUp = await api('tvto').post(`/apprenticeships/masters/${masterId}/placements`, {
      residentRef: randomUUID(),
      neighbourhoodId: null,
    });
    expect(madeUp.body).toMatchObject({ referralCode: null, unverified: true });
    const listed = (await api('auditor').get(`/apprenticeships/placements?masterId=${masterId}`)).body as {
      placementId: string;
      referralCode: string | null;
    }[];
    const codes = Object.fromEntries(listed.map((p) => [p.placementId, p.referralCode]));
    expect(codes).toEqual({
      [fromReferral.body.placementId]: 'ABCD-EFGH',
      [direct.body.placementId]: 'WXYZ-2345',
      [madeUp.body.placementId]: null,
    });
  });
});
