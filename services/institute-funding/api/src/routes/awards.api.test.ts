import { randomUUID } from 'node:crypto';
import { testCallers } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, startFunding } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startFunding>>;
let award: { awardId: string; callId: string; instituteId: string };
/** The first enrolment counted for the award (its household is funded by the first release). */
let counted: { householdRef: string | null };

beforeAll(async () => {
  t = await startFunding();
  award = await t.anAward();
});
afterAll(() => t?.service.close());

/** The events waiting in an award's outbox, checked against their contract. */
const outboxOf = (id: string) => t.service.outboxOf(t.service.models.applications.collection.collectionName, id);
const verified = async () => (await t.api('fund').get(`/awards/${award.awardId}`)).body.verified;

describe('verified outcomes from TVTO', () => {
  it('counts enrolments at the awarded institute of target-neighbourhood residents, once each', async () => {
    const { enrolment, deliver, enrol } = t;
    counted = enrolment(award.instituteId);
    const first = await deliver('vocational-training.enrolment.recorded', counted);
    await deliver('vocational-training.enrolment.recorded', counted, first.id); // redelivery
    await deliver('vocational-training.enrolment.recorded', counted); // the same enrolment, another event
    await enrol(award.instituteId, undefined, { neighbourhoodId: 'nbh-fajr' }); // not a target
    await enrol(award.instituteId, undefined, { neighbourhoodId: null });
    await enrol(award.instituteId, undefined, { trade: 'pastry' }); // not an awarded trade
    await enrol(await t.registerInstitute()); // no award
    await enrol('clinic-sarasiab', undefined, { venue: { kind: 'clinic', id: 'clinic-sarasiab' } });
    expect(await verified()).toEqual({ enrolments: 1, completions: 0 });
  });
});

describe('tranches', () => {
  it('refuses a release before its condition (409), then releases when it holds: event, benefits per household, posting', async () => {
    const { api, enrol, enrolment, deliver, completion } = t;
    const { awardId, callId } = award;
    expect(await refusal(api('fund').post(`/awards/${awardId}/tranches/1/release`))).toEqual({
      status: 409,
      code: 'tranche-condition-not-met',
    });
    await enrol(award.instituteId, undefined, { householdRef: null }); // a walk-in: no household known
    await enrol(award.instituteId, 'dropped-out');
    expect(await verified()).toEqual({ enrolments: 2, completions: 0 });
    // A completion heard before its enrolment counts as both.
    const early = enrolment(award.instituteId);
    await deliver('vocational-training.enrolment.completed', completion(early, 'passed'));
    await deliver('vocational-training.enrolment.recorded', early);
    const before = (await api('fund').get(`/awards/${awardId}`)).body;
    expect(before.verified).toEqual({ enrolments: 3, completions: 1 });
    expect(before.tranches.map((tr: { releasable: boolean }) => tr.releasable)).toEqual([true, false, false]);
    expect(await refusal(api('fund').post(`/awards/${awardId}/tranches/2/release`))).toEqual({
      status: 409,
      code: 'earlier-tranche-pending',
    });

    expect((await api('coordinator').post(`/awards/${awardId}/tranches/1/release`)).status).toBe(403);
    expect((await api().post(`/awards/${awardId}/tranches/1/release`)).status).toBe(401);
    expect((await api('fund').post(`/awards/${awardId}/tranches/9/release`)).status).toBe(400);
    expect(await refusal(api('fund').post(`/awards/${awardId}/tranches/4/release`))).toEqual({ status: 404, code: 'tranche-not-found' });
    expect(await refusal(api('fund').post(`/awards/${randomUUID()}/tranches/1/release`))).toEqual({ status: 404, code: 'award-not-found' });
    const released = await api('fund').post(`/awards/${awardId}/tranches/1/release`);
    expect(released.status).toBe(200);
    expect(released.body.tranches[0]).toMatchObject({
      state: 'released',
      verifiedEnrolments: 3,
      verifiedCompletions: 1,
      releasable: false,
    });
    expect(released.body.releasedRials).toBe(750_000_000);
    // The households known are funded (the walk-in's is unknown; the drop-out is not a seat).
    expect(released.body.benefits).toHaveLength(2);
    expect(released.body.benefits.every((b: { amountRials: number }) => b.amountRials === 500_000_000)).toBe(true);

    const events = await outboxOf(awardId);
    expect(events.map((e) => e.type)).toEqual([
      'institute-funding.tranche.released',
      'institute-funding.benefit.granted',
      'institute-funding.benefit.granted',
    ]);
    expect(events[0]!.data).toMatchObject({
      awardId,
      instituteId: award.instituteId,
      trancheNo: 1,
      amountRials: 750_000_000,
      verifiedEnrolments: 3,
      verifiedCompletions: 1,
    });
    // The request's cause (the kit's ctx.cause): the officer, for the office.
    expect(events[0]!.actor).toEqual({ subject: testCallers.fund.sub, agency: 'institute-funding' });
    expect(
      events
        .slice(1)
        .map((e) => (e.data as { householdRef: string }).householdRef)
        .sort(),
    ).toEqual([counted.householdRef, early.householdRef].sort());
    expect(events.slice(1).every((e) => (e.data as { purpose: string }).purpose === 'skills-training')).toBe(true);
    expect(await refusal(api('fund').post(`/awards/${awardId}/tranches/1/release`))).toEqual({ status: 409, code: 'tranche-not-pending' });

    const ledger = (await api('fund').get('/ledger')).body;
    expect(ledger.postings.filter((p: { callId: string }) => p.callId === callId).map((p: { postingId: string }) => p.postingId)).toEqual([
      `budget:${callId}`,
      `award:${awardId}`,
      `release:${awardId}:1`,
    ]);
    expect(ledger.balanced).toBe(true);
    expect(ledger.calls.find((c: { callId: string }) => c.callId === callId)).toMatchObject({
      budget: 10_000_000_000,
      available: 7_500_000_000,
      committed: 1_750_000_000,
      payable: 750_000_000,
      paid: 0,
    });
  });

  it('records the payment of a released tranche only; the ledger moves it to paid', async () => {
    const { api } = t;
    const { awardId, callId } = award;
    expect(await refusal(api('fund').post(`/awards/${awardId}/tranches/2/pay`, { paymentRef: 'SATNA-1' }))).toEqual({
      status: 409,
      code: 'tranche-not-released',
    });
    expect((await api('fund').post(`/awards/${awardId}/tranches/1/pay`, { paymentRef: 'no spaces!' })).status).toBe(400);
    const paid = await api('fund').post(`/awards/${awardId}/tranches/1/pay`, { paymentRef: 'SATNA-1405-77' });
    expect(paid.body.tranches[0]).toMatchObject({ state: 'paid', paymentRef: 'SATNA-1405-77' });
    expect(paid.body.paidRials).toBe(750_000_000);
    const ledger = (await api('auditor').get('/ledger')).body;
    expect(ledger.calls.find((c: { callId: string }) => c.callId === callId)).toMatchObject({ payable: 0, paid: 750_000_000 });
    expect(ledger.balanced).toBe(true);
  });

  it('counts a completion once and a failed course only as an enrolment', async () => {
    const { api, enrolment, deliver, completion, enrol } = t;
    const outcome = (await t.service.models.outcomes.find({ awardId: award.awardId, result: null, enrolled: true }).limit(1000).lean())[0]!;
    const recorded = {
      ...enrolment(award.instituteId),
      enrolmentId: outcome._id,
      residentRef: outcome.residentRef,
      householdRef: outcome.householdRef,
    };
    await deliver('vocational-training.enrolment.completed', completion(recorded, 'passed'));
    await deliver('vocational-training.enrolment.completed', completion(recorded, 'dropped-out')); // a later contradiction is ignored
    const failing = await enrol(award.instituteId, 'failed');
    expect(await verified()).toEqual({ enrolments: 4, completions: 2 });
    const second = await api('fund').post(`/awards/${award.awardId}/tranches/2/release`);
    expect(second.status).toBe(200);
    // The failing resident's household is funded now (a verified seat); nobody is funded twice by one award.
    const households = second.body.benefits.map((b: { householdRef: string }) => b.householdRef);
    expect(new Set(households).size).toBe(households.length);
    expect(households).toContain(failing.householdRef);
  });

  it('cancels an active award: unreleased tranches return to the call’s budget; released money stays owed', async () => {
    const { api } = t;
    const { awardId, callId } = award;
    expect((await api('coordinator').post(`/awards/${awardId}/cancel`, { reason: 'x' })).status).toBe(403);
    expect((await api('fund').post(`/awards/${awardId}/cancel`, {})).status).toBe(400);
    const cancelled = await api('fund').post(`/awards/${awardId}/cancel`, { reason: 'the institute closed its tailoring class' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'the institute closed its tailoring class' });
    expect(cancelled.body.tranches.map((tr: { state: string }) => tr.state)).toEqual(['paid', 'released', 'cancelled']);
    expect(await refusal(api('fund').post(`/awards/${awardId}/cancel`, { reason: 'again' }))).toEqual({
      status: 409,
      code: 'award-not-active',
    });
    expect(await refusal(api('fund').post(`/awards/${awardId}/tranches/3/release`))).toEqual({ status: 409, code: 'award-not-active' });
    const ledger = (await api('fund').get('/ledger')).body;
    expect(ledger.calls.find((c: { callId: string }) => c.callId === callId)).toMatchObject({
      budget: 10_000_000_000,
      available: 8_250_000_000,
      committed: 0,
      payable: 1_000_000_000,
      paid: 750_000_000,
    });
    expect(ledger.balanced).toBe(true);
    expect((await api('fund').get('/calls')).body.find((c: { callId: string }) => c.callId === callId)).toMatchObject({
      awardedRials: 1_750_000_000,
      availableRials: 8_250_000_000,
    });
    // What it released stays owed (payable), but no payment is recorded on a cancelled award.
    expect(await refusal(api('fund').post(`/awards/${awardId}/tranches/2/pay`, { paymentRef: 'SATNA-1405-78' }))).toEqual({
      status: 409,
      code: 'award-cancelled',
    });
  });
});
