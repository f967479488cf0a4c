import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, startFunding } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startFunding>>;

beforeAll(async () => {
  t = await startFunding();
});
afterAll(() => t?.service.close());

/** An award whose first tranche funded three households. */
async function fundedHouseholds() {
  const { awardId, instituteId } = await t.anAward();
  for (let i = 0; i < 3; i++) await t.enrol(instituteId);
  const released = await t.api('fund').post(`/awards/${awardId}/tranches/1/release`);
  expect(released.status).toBe(200);
  return released.body.benefits as { householdRef: string; amountRials: number }[];
}

describe('duplicate benefits', () => {
  it('flags a household the Relief Committee funded for the same purpose; officers review it', async () => {
    const { api, deliver, now } = t;
    const [funded] = await fundedHouseholds();
    const relief = {
      benefitId: randomUUID(),
      householdRef: funded!.householdRef,
      residentRef: null,
      purpose: 'skills-training',
      amountRials: 200_000_000,
      grantedAt: now().toISOString(),
    };
    const first = await deliver('relief-partnerships.benefit.granted', relief);
    await deliver('relief-partnerships.benefit.granted', relief, first.id);
    await deliver('relief-partnerships.benefit.granted', relief);
    await deliver('relief-partnerships.benefit.granted', { ...relief, benefitId: randomUUID(), purpose: 'income-support' }); // another purpose
    await deliver('relief-partnerships.benefit.granted', { ...relief, benefitId: randomUUID(), householdRef: randomUUID() }); // another household
    const flags = (await api('auditor').get('/duplicate-flags')).body;
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      householdRef: funded!.householdRef,
      purpose: 'skills-training',
      crossAgency: true,
      totalRials: funded!.amountRials + 200_000_000,
      review: null,
    });
    expect(flags[0].benefits.map((b: { source: string }) => b.source).sort()).toEqual(['institute-funding', 'relief-partnerships']);
    expect(JSON.stringify(flags)).not.toMatch(/name|nationalId/i);
    // A screen names the household by a number from its ref (the same at relief), never the ref (issue 10).
    expect(flags[0].householdNumber).toMatch(/^HH-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);

    const path = `/duplicate-flags/${flags[0].flagId}/review`;
    expect((await api('coordinator').post(path, { note: 'x' })).status).toBe(403);
    expect((await api('fund').post(path, { note: '' })).status).toBe(400);
    expect(await refusal(api('fund').post(`/duplicate-flags/${'0'.repeat(24)}/review`, { note: 'x' }))).toEqual({
      status: 404,
      code: 'flag-not-found',
    });
    expect((await api('fund').post(path, { note: 'با کمیته امداد هماهنگ شد' })).status).toBe(200);
    expect((await api('fund').get('/duplicate-flags')).body[0].review.note).toBe('با کمیته امداد هماهنگ شد');
    for (const other of ['relief', 'tvto', 'worker'] as const) expect((await api(other).get('/duplicate-flags')).status).toBe(403);
  });
});
