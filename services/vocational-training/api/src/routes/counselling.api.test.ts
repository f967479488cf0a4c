import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tvtoForTests } from '../testing/harness.js';

// TVTO's career counselling (the demand list, the counsellor's sessions) through the API (see tvtoForTests).
const { service, api, inDays, acceptedReferral, referredByAClinic, publishOffer } = tvtoForTests();

describe('career counselling', () => {
  it('keeps the trade demand list, high demand first', async () => {
    const put = (trade: string, level: string) =>
      api('tvto').put(`/counselling/demand/${trade}`, { label: { fa: trade, en: trade }, level, note: { fa: 'یادداشت', en: 'note' } });
    expect((await put('pastry', 'medium')).status).toBe(200);
    expect((await put('tailoring', 'high')).status).toBe(200);
    expect((await put('tailoring', 'high')).status).toBe(200);
    expect((await put('welding', 'urgent')).status).toBe(400);
    expect(
      (await api('welfare').put('/counselling/demand/x', { label: { fa: 'x', en: 'x' }, level: 'low', note: { fa: 'x', en: 'x' } })).status,
    ).toBe(403);
    expect((await api('coordinator').get('/counselling/demand')).body.map((d: { trade: string }) => d.trade)).toEqual([
      'tailoring',
      'pastry',
    ]);
  });

  it('books the counsellor’s day for an accepted referral, records guidance from the list, and completes the referral', async () => {
    await publishOffer('tvto-c-counselling', 'counselling', { fa: 'مشاوره', en: 'Counselling' });
    const referral = await acceptedReferral('tvto-c-counselling');
    const booked = await api('tvto').post('/counselling/sessions', {
      clinicId: 'clinic-motahari',
      referralId: referral.referralId,
      day: inDays(3),
      time: '10:00',
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ state: 'booked', residentRef: referral.residentRef, clinicId: 'clinic-sarasiab' });
    const clash = await api('tvto').post('/counselling/sessions', {
      clinicId: 'clinic-sarasiab',
      residentRef: randomUUID(),
      day: inDays(3),
      time: '10:00',
    });
    expect(clash.body).toMatchObject({ status: 409, code: 'counsellor-booked' });
    const nobody = await api('tvto').post('/counselling/sessions', { clinicId: 'clinic-sarasiab', day: inDays(3), time: '11:00' });
    expect(nobody.body).toMatchObject({ status: 422, code: 'session-without-resident', field: 'residentRef' });
    expect(
      (
        await api('tvto').post('/counselling/sessions', {
          clinicId: 'clinic-sarasiab',
          residentRef: randomUUID(),
          day: inDays(3),
          time: '25:00',
        })
      ).status,
    ).toBe(400);
    const id = booked.body.sessionId;
    const offList = await api('tvto').post(`/counselling/sessions/${id}/record`, {
      state: 'held',
      notes: 'Interested in sewing',
      guidance: ['welding'],
    });
    expect(offList.body).toMatchObject({ status: 422, code: 'guidance-not-on-demand-list', field: 'guidance' });
    const held = await api('tvto').post(`/counselling/sessions/${id}/record`, {
      state: 'held',
      notes: 'Interested in sewing; has a machine at home',
      guidance: ['tailoring'],
    });
    expect(held.body).toMatchObject({ state: 'held', guidance: ['tailoring'] });
    expect((await api('tvto').post(`/counselling/sessions/${id}/record`, { state: 'no-show' })).body).toMatchObject({
      status: 409,
      code: 'session-recorded',
    });
    const completed = (await api('tvto').get('/desk/referrals?state=completed')).body.find(
      (r: { referralId: string }) => r.referralId === referral.referralId,
    );
    expect(completed).toMatchObject({ outcome: 'achieved' });
    expect(
      (await api('auditor').get('/counselling/sessions?clinicId=clinic-sarasiab')).body.map((s: { sessionId: string }) => s.sessionId),
    ).toContain(id);
    expect((await api('auditor').get('/counselling/sessions?clinicId=clinic-fajr')).body).toEqual([]);
    expect((await api('auditor').post(`/counselling/sessions/${id}/record`, { state: 'no-show' })).status).toBe(403);
    expect((await api('worker').get('/counselling/sessions')).status).toBe(403);
  });
});

describe('direct counselling bookings of residents no clinic referred', () => {
  let hour = 8;
  const book = (residentRef: string) =>
    api('tvto').post('/counselling/sessions', {
      clinicId: 'clinic-fajr',
      residentRef,
      day: inDays(5),
      time: `${String(hour++).padStart(2, '0')}:00`,
    });
  const listed = async (id: string) =>
    (
      (await service().api('auditor').get('/counselling/sessions?clinicId=clinic-fajr')).body as {
        sessionId: string;
        unverified: boolean;
      }[]
    ).find((s) => s.sessionId === id);

  it('marks a booking of a made-up resident ref unverified in the record, the answer and the list, a referred resident’s not, and verifies it when a referral arrives', async () => {
    const madeUpRef = randomUUID();
    const madeUp = await book(madeUpRef);
    expect(madeUp.status).toBe(201);
    expect(madeUp.body).toMatchObject({ residentRef: madeUpRef, unverified: true });
    expect((await service().models.sessions.findById(madeUp.body.sessionId).lean())!.refsVerified).toBe(false);
    expect(await listed(madeUp.body.sessionId)).toMatchObject({ unverified: true });

    const referred = randomUUID();
    await referredByAClinic(referred);
    const known = await book(referred);
    expect(known.body).toMatchObject({ unverified: false });
    expect((await service().models.sessions.findById(known.body.sessionId).lean())!.refsVerified).toBe(true);

    await referredByAClinic(madeUpRef);
    expect(await listed(madeUp.body.sessionId)).toMatchObject({ unverified: false });
    const recorded = await api('tvto').post(`/counselling/sessions/${madeUp.body.sessionId}/record`, { state: 'no-show' });
    expect(recorded.body).toMatchObject({ state: 'no-show', unverified: false });
  });
});
