import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoordination } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startCoordination>>;

beforeAll(async () => {
  t = await startCoordination();
}, 30_000);
afterAll(() => t?.service.close());

describe('agencies’ commitment events', () => {
  it('stores a progress report that overtakes its declaration and applies it when the declaration arrives', async () => {
    const { service, get } = t;
    const commitmentId = randomUUID();
    await service.deliver('welfare.commitment.progressed', {
      commitmentId,
      agency: 'welfare',
      status: 'in-progress',
      evidence: null,
      revisedDueOn: null,
      at: '2026-04-02T08:00:00.000Z',
    });
    await service.deliver('welfare.commitment.progressed', {
      commitmentId,
      agency: 'welfare',
      status: 'delivered',
      evidence: '12 care plans',
      revisedDueOn: null,
      at: '2026-04-09T08:00:00.000Z',
    });
    expect(await service.models.commitments.findById(commitmentId).lean()).toBeNull();
    expect(await service.models.pendingReports.countDocuments({ commitmentId })).toBe(2);

    await service.deliver('welfare.commitment.declared', {
      commitmentId,
      agency: 'welfare',
      neighbourhoodId: 'nbh-motahari',
      answers: 'employment',
      title: 'Care plans',
      dueOn: '2026-04-10',
      declaredAt: '2026-04-01T08:00:00.000Z',
    });
    const stored = await service.models.commitments.findById(commitmentId).lean();
    expect(stored).toMatchObject({ source: 'agency', status: 'delivered', deliveredOn: '2026-04-09', evidence: '12 care plans' });
    expect(stored!.history.map((h) => h.status)).toEqual(['in-progress', 'delivered']);
    expect(await service.models.pendingReports.countDocuments({ commitmentId })).toBe(0);
    const rate = (await get('/neighbourhoods/nbh-motahari/board', 'coordinator')).body.rates.find(
      (r: { agency: string }) => r.agency === 'welfare',
    );
    expect(rate).toMatchObject({ deliveredOnTime: 1, delivered: 1, rate: 1 });
  });

  it('ignores stale and illegal reports, reports from another agency, and a redelivered declaration', async () => {
    const { service } = t;
    const commitmentId = randomUUID();
    const declared = {
      commitmentId,
      agency: 'relief-partnerships',
      neighbourhoodId: 'nbh-motahari',
      answers: null,
      title: 'Roofs',
      dueOn: '2030-01-01',
      declaredAt: '2026-04-01T08:00:00.000Z',
    };
    await service.deliver('relief-partnerships.commitment.declared', declared);
    const report = (status: string, at: string, evidence: string | null = null) => ({
      commitmentId,
      agency: 'relief-partnerships',
      status,
      evidence,
      revisedDueOn: null,
      at,
    });
    await service.deliver('relief-partnerships.commitment.progressed', report('delivered', '2026-05-01T08:00:00.000Z', 'done'));
    await service.deliver('relief-partnerships.commitment.progressed', report('in-progress', '2026-04-15T08:00:00.000Z'));
    await service.deliver('relief-partnerships.commitment.progressed', report('slipped', '2026-05-02T08:00:00.000Z'));
    await service.deliver('welfare.commitment.progressed', { ...report('slipped', '2026-05-03T08:00:00.000Z'), agency: 'welfare' });
    await service.deliver('relief-partnerships.commitment.declared', { ...declared, title: 'Changed' });
    // An agency cannot declare for another one.
    const forged = randomUUID();
    await service.deliver('welfare.commitment.declared', { ...declared, commitmentId: forged });
    const stored = await service.models.commitments.findById(commitmentId).lean();
    expect(stored).toMatchObject({ status: 'delivered', title: 'Roofs', evidence: 'done' });
    expect(stored!.history).toHaveLength(1);
    expect(await service.models.commitments.findById(forged).lean()).toBeNull();
  });

  it('creates the commitment from its own action-item event when the direct write did not happen', async () => {
    const { service } = t;
    const actionItemId = randomUUID();
    await service.deliver('coordination.action-item.assigned', {
      actionItemId,
      meetingId: randomUUID(),
      resolutionId: randomUUID(),
      agency: 'institute-funding',
      neighbourhoodId: 'nbh-motahari',
      answers: 'employment',
      title: 'Seats in private institutes',
      dueOn: '2030-02-01',
      assignedAt: '2026-04-01T08:00:00.000Z',
    });
    expect(await service.models.commitments.findById(actionItemId).lean()).toMatchObject({
      source: 'working-group',
      agency: 'institute-funding',
      status: 'planned',
    });
  });
});
