import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFunding } from '../testing/harness.js';
import { demoCallId, seedFunding } from './demo.js';

let t: Awaited<ReturnType<typeof startFunding>>;

beforeAll(async () => {
  t = await startFunding();
});
afterAll(() => t?.service.close());

describe('demo seed', () => {
  it('seeds institutes, a call, three applications (one rejected), two awards in different states and a balanced ledger; twice is once', async () => {
    const { api, service } = t;
    await seedFunding(service.deps);
    await seedFunding(service.deps);
    expect(
      (
        await service.models.institutes
          .find({ _id: /^inst-(negin|farda|omid)$/ })
          .limit(1000)
          .lean()
      )
        .map((i) => i.neighbourhoodId)
        .sort(),
    ).toEqual(['nbh-fajr', 'nbh-motahari', 'nbh-sarasiab']);
    const applications = (await api('fund').get(`/applications?callId=${demoCallId}`)).body;
    expect(applications.map((a: { state: string }) => a.state).sort()).toEqual(['awarded', 'awarded', 'rejected']);
    const awards = (await api('fund').get('/awards')).body.filter((a: { callId: string }) => a.callId === demoCallId);
    const byInstitute = Object.fromEntries(awards.map((a: { instituteId: string }) => [a.instituteId, a]));
    expect(byInstitute['inst-negin'].tranches.map((tr: { state: string }) => tr.state)).toEqual(['paid', 'pending', 'pending']);
    expect(byInstitute['inst-negin'].verified).toEqual({ enrolments: 9, completions: 0 });
    expect(byInstitute['inst-farda'].tranches.map((tr: { state: string }) => tr.state)).toEqual(['pending', 'pending', 'pending']);
    expect(byInstitute['inst-farda'].verified.enrolments).toBeLessThan(byInstitute['inst-farda'].tranches[0].condition.atLeast);
    const ledger = (await api('auditor').get('/ledger')).body;
    expect(ledger.balanced).toBe(true);
    expect(ledger.calls.find((c: { callId: string }) => c.callId === demoCallId)).toMatchObject({
      budget: 12_000_000_000,
      available: 5_000_000_000,
      committed: 5_800_000_000,
      payable: 0,
      paid: 1_200_000_000,
    });
    expect(ledger.postings.filter((p: { callId: string }) => p.callId === demoCallId)).toHaveLength(5);
  });
});
