import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instituteFundingService } from '../service.js';
import { startFunding } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startFunding>>;

beforeAll(async () => {
  t = await startFunding();
});
afterAll(() => t?.service.close());

describe('the ledger', () => {
  it('posts every money step of a call, balanced, and lets the office, coordinators and auditors read it', async () => {
    const { api, anAward, enrol } = t;
    const { awardId, callId, instituteId } = await anAward();
    for (let i = 0; i < 3; i++) await enrol(instituteId, 'passed');
    expect((await api('fund').post(`/awards/${awardId}/tranches/1/release`)).status).toBe(200);
    expect((await api('fund').post(`/awards/${awardId}/tranches/1/pay`, { paymentRef: 'SATNA-1405-77' })).status).toBe(200);
    expect((await api('fund').post(`/awards/${awardId}/tranches/2/release`)).status).toBe(200);
    const ledger = (await api('auditor').get('/ledger')).body;
    expect(ledger.postings.map((p: { postingId: string }) => p.postingId)).toEqual([
      `budget:${callId}`,
      `award:${awardId}`,
      `release:${awardId}:1`,
      `payment:${awardId}:1`,
      `release:${awardId}:2`,
    ]);
    expect(ledger).toMatchObject({ balanced: true, trialBalance: 0, problems: [], unposted: [] });
    expect(ledger.calls[0]).toMatchObject({
      budget: 10_000_000_000,
      available: 7_500_000_000,
      committed: 750_000_000,
      payable: 1_000_000_000,
      paid: 750_000_000,
    });
    for (const reader of ['fund', 'coordinator'] as const) expect((await api(reader).get('/ledger')).status, reader).toBe(200);
    for (const other of ['tvto', 'relief', 'worker'] as const) expect((await api(other).get('/ledger')).status, other).toBe(403);
  });

  it('posts at start-up a step whose posting a crash lost (postings are insert-only, so nothing doubles)', async () => {
    const { api, service } = t;
    const lost = (await api('fund').get('/ledger')).body.postings.at(-1).postingId as string;
    await service.models.postings.deleteOne({ _id: lost });
    const gap = (await api('fund').get('/ledger')).body;
    expect(gap.unposted).toEqual([lost]);
    await instituteFundingService.reference!(service.models, service.deps);
    await instituteFundingService.reference!(service.models, service.deps);
    const ledger = (await api('fund').get('/ledger')).body;
    expect(ledger.balanced).toBe(true);
    expect(ledger.unposted).toEqual([]);
    expect(ledger.postings.filter((p: { postingId: string }) => p.postingId === lost)).toHaveLength(1);
  });
});
