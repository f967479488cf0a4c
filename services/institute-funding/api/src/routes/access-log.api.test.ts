import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFunding } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startFunding>>;
let awardId: string;
let seat: { householdRef: string | null; residentRef: string };

beforeAll(async () => {
  t = await startFunding();
  const award = await t.anAward();
  awardId = award.awardId;
  seat = await t.enrol(award.instituteId);
  for (let i = 0; i < 2; i++) await t.enrol(award.instituteId);
});
afterAll(() => t?.service.close());

type Entry = {
  actor: string;
  action: string;
  recordKind: string;
  recordId: string;
  purpose: string;
  purposeSource: string;
  agency: string;
};
const logOf = async (person: string) => {
  const res = await t.api('auditor').get(`/access-log?person=${person}&limit=100`);
  expect(res.status).toBe(200);
  return (res.body as Entry[]).map((e) => [
    e.actor,
    e.action,
    `${e.recordKind}:${e.recordId}`,
    `${e.purpose}/${e.purposeSource}`,
    e.agency,
  ]);
};

describe('the access log', () => {
  it('holds who read or changed a funded household’s award, what they did and why', async () => {
    const { api } = t;
    expect((await api('fund').post(`/awards/${awardId}/tranches/1/release`)).status).toBe(200);
    expect((await api('fund').post(`/awards/${awardId}/tranches/1/pay`, { paymentRef: 'SATNA-1405-77' })).status).toBe(200);
    expect((await api('fund').post(`/awards/${awardId}/cancel`, { reason: 'the class closed' })).status).toBe(200);
    expect((await api('fund').get('/awards')).status).toBe(200);
    expect((await api('coordinator').get(`/awards/${awardId}`)).status).toBe(200);
    const award = `award:${awardId}`;
    const why = 'institute-funding/route';
    expect(await logOf(seat.householdRef!)).toEqual(
      expect.arrayContaining([
        ['coordinator', 'read', award, why, 'institute-funding'],
        ['fund.officer', 'decide', award, why, 'institute-funding'], // the release that funded it
        ['fund.officer', 'disburse', award, why, 'institute-funding'],
        ['fund.officer', 'update', award, why, 'institute-funding'], // the cancellation
        ['fund.officer', 'list', award, why, 'institute-funding'],
      ]),
    );
    // The benefit is the resident's seat: asking about the resident finds the same reads.
    expect(await logOf(seat.residentRef)).toContainEqual(['coordinator', 'read', award, why, 'institute-funding']);
  });

  it('holds the duplicate-benefit flags shown and settled, for the household each names', async () => {
    const { api, deliver, now } = t;
    const householdRef = seat.householdRef!;
    await deliver('relief-partnerships.benefit.granted', {
      benefitId: randomUUID(),
      householdRef,
      residentRef: null,
      purpose: 'skills-training',
      amountRials: 1,
      grantedAt: now().toISOString(),
    });
    const flags = (await api('fund').get('/duplicate-flags')).body as { flagId: string; householdRef: string }[];
    const flag = flags.find((f) => f.householdRef === householdRef)!;
    expect((await api('fund').post(`/duplicate-flags/${flag.flagId}/review`, { note: 'settled' })).status).toBe(200);
    const entries = await logOf(householdRef);
    expect(entries).toContainEqual([
      'fund.officer',
      'list',
      `duplicate-flag:${flag.flagId}`,
      'duplicate-benefit-check/route',
      'institute-funding',
    ]);
    expect(entries).toContainEqual([
      'fund.officer',
      'update',
      `duplicate-flag:${flag.flagId}`,
      'duplicate-benefit-check/route',
      'institute-funding',
    ]);
  });

  it('is read and exported by auditors only', async () => {
    const { api } = t;
    for (const other of ['fund', 'coordinator', 'tvto'] as const) {
      expect((await api(other).get('/access-log')).status, other).toBe(403);
      expect((await api(other).get('/access-log/export')).status, other).toBe(403);
    }
    expect((await api().get('/access-log')).status).toBe(401);
    const csv = await api('auditor').get(`/access-log/export?person=${seat.householdRef}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`,award,${awardId},${seat.householdRef},institute-funding,route`);
  });
});
