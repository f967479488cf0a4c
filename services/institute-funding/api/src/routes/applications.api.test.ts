import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan, refusal, startFunding } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startFunding>>;
let callId: string;

beforeAll(async () => {
  t = await startFunding();
  callId = await t.openCall();
});
afterAll(() => t?.service.close());

describe('applications', () => {
  it('records applications only from a licensed institute of a target neighbourhood, once per call', async () => {
    const { api, application, registerInstitute } = t;
    const [inTarget, outside] = [await registerInstitute(), await registerInstitute({ neighbourhoodId: 'nbh-fajr' })];
    const before = await t.service.models.applications.countDocuments();
    const far = await api('fund').post('/applications', application(callId, outside));
    expect(far.status).toBe(422);
    expect(far.body).toMatchObject({ code: 'institute-outside-target-neighbourhoods', field: 'instituteId' });
    expect(far.body.detail).toMatch(/not a target neighbourhood/);
    expect(await refusal(api('fund').post('/applications', application(callId, inTarget, { trades: ['carpentry'] })))).toEqual({
      status: 422,
      code: 'trade-not-funded',
      field: 'trades',
    });
    expect(await refusal(api('fund').post('/applications', application(callId, 'inst-nothing')))).toEqual({
      status: 404,
      code: 'institute-not-found',
    });
    expect(await refusal(api('fund').post('/applications', application(randomUUID(), inTarget)))).toEqual({
      status: 404,
      code: 'call-not-found',
    });
    expect((await api('auditor').post('/applications', application(callId, inTarget))).status).toBe(403);
    expect(await t.service.models.applications.countDocuments()).toBe(before);
    const res = await api('fund').post('/applications', application(callId, inTarget));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'submitted', instituteId: inTarget, award: null });
    expect(await refusal(api('fund').post('/applications', application(callId, inTarget)))).toEqual({
      status: 409,
      code: 'application-exists',
    });
  });

  it('refuses an application to a call that is not open yet, or from an expired licence (422)', async () => {
    const { api, application, registerInstitute, openCall, now } = t;
    const upcoming = await openCall({ opensOn: addDays(now(), 5) });
    const instituteId = await registerInstitute();
    expect(await refusal(api('fund').post('/applications', application(upcoming, instituteId)))).toEqual({
      status: 422,
      code: 'call-not-open',
      field: 'callId',
    });
    const lapsed = await registerInstitute({ licenceValidUntil: '2020-01-01' });
    expect(await refusal(api('fund').post('/applications', application(callId, lapsed)))).toEqual({
      status: 422,
      code: 'licence-expired',
      field: 'instituteId',
    });
  });

  it('reviews, then awards within the budget with a tranche plan; illegal steps are 409, broken terms 422', async () => {
    const { api, application, registerInstitute } = t;
    const instituteId = await registerInstitute();
    const { applicationId } = (await api('fund').post('/applications', application(callId, instituteId))).body;
    const terms = { amountRials: 2_500_000_000, seats: 5, plan };
    expect(await refusal(api('fund').post(`/applications/${applicationId}/award`, terms))).toEqual({
      status: 409,
      code: 'application-not-under-review',
    });
    expect((await api('fund').post(`/applications/${applicationId}/review`)).body.state).toBe('under-review');
    expect(await refusal(api('fund').post(`/applications/${applicationId}/review`))).toEqual({
      status: 409,
      code: 'application-not-submitted',
    });
    expect(await refusal(api('fund').post(`/applications/${applicationId}/award`, { ...terms, amountRials: 3_000_000_001 }))).toEqual({
      status: 422,
      code: 'award-exceeds-request',
      field: 'amountRials',
    });
    expect(await refusal(api('fund').post(`/applications/${applicationId}/award`, { ...terms, plan: plan.slice(1) }))).toEqual({
      status: 422,
      code: 'tranche-shares-not-100',
      field: 'plan',
    });
    expect((await api('coordinator').post(`/applications/${applicationId}/award`, terms)).status).toBe(403);
    expect(await refusal(api('fund').post(`/applications/${randomUUID()}/review`))).toEqual({ status: 404, code: 'application-not-found' });
    const res = await api('fund').post(`/applications/${applicationId}/award`, terms);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      awardId: applicationId,
      status: 'active',
      amountRials: 2_500_000_000,
      seats: 5,
      verified: { enrolments: 0, completions: 0 },
      releasedRials: 0,
    });
    expect(
      res.body.tranches.map((tr: { amountRials: number; state: string; releasable: boolean }) => [tr.amountRials, tr.state, tr.releasable]),
    ).toEqual([
      [750_000_000, 'pending', false],
      [1_000_000_000, 'pending', false],
      [750_000_000, 'pending', false],
    ]);
    expect(await refusal(api('fund').post(`/applications/${applicationId}/reject`, { reason: 'late' }))).toEqual({
      status: 409,
      code: 'application-decided',
    });
    expect((await api('fund').get('/calls')).body.find((c: { callId: string }) => c.callId === callId)).toMatchObject({
      awardedRials: 2_500_000_000,
    });
  });

  it('never awards beyond the call’s budget (422), leaving the application under review', async () => {
    const { api, openCall, underReview } = t;
    const small = await openCall({ budgetRials: 4_000_000_000 });
    const first = await underReview(small);
    expect(
      (await api('fund').post(`/applications/${first.applicationId}/award`, { amountRials: 2_500_000_000, seats: 5, plan })).status,
    ).toBe(201);
    const other = await underReview(small);
    const over = await api('fund').post(`/applications/${other.applicationId}/award`, { amountRials: 1_500_000_001, seats: 5, plan });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'call-budget-exceeded', field: 'amountRials' });
    expect(over.body.detail).toMatch(/1500000000 rials left/);
    expect((await t.service.models.applications.findById(other.applicationId).lean())!.state).toBe('under-review');
  });

  it('lists the applications of a call or in a state; refuses an unknown state (400)', async () => {
    const { api } = t;
    const submitted = (await api('fund').get(`/applications?callId=${callId}&state=submitted`)).body;
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.every((a: { callId: string; state: string }) => a.callId === callId && a.state === 'submitted')).toBe(true);
    expect((await api('fund').get('/applications?state=bogus')).status).toBe(400);
  });
});
