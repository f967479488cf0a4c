import { describe, expect, it } from 'vitest';
import { reliefPartnershipsService } from '../service.js';
import { reliefForTests } from '../testing/harness.js';
import { reliefCollections } from './models.js';

// Relief's demo seed beside the desk's on a fresh database, read back through the API (see reliefForTests).
const { service, api, outboxOf } = reliefForTests();

describe('demo seed', () => {
  it('stores requests in every state with consistent facts, projects, agreements and meetings, once however often it runs', async () => {
    await reliefPartnershipsService.seedDemo!(service().deps);
    const count = async () =>
      Promise.all([
        service().models.supportRequests.countDocuments({}),
        service().models.projects.countDocuments({}),
        service().models.agreements.countDocuments({}),
        service().models.meetings.countDocuments({}),
        service().models.facts.countDocuments({}),
      ]);
    const first = await count();
    await reliefPartnershipsService.seedDemo!(service().deps);
    expect(await count()).toEqual(first);
    const rows = (await api('relief').get('/support-requests')).body.filter(
      (r: { requestId: string; submittedAt: string }) => r.requestId && r.submittedAt,
    );
    const seeded = rows.filter((r: { referralId: string | null; businessPlan: string }) => /[\u0600-\u06FF]/.test(r.businessPlan));
    expect(seeded).toHaveLength(9);
    expect(new Set(seeded.map((r: { status: string }) => r.status))).toEqual(
      new Set(['eligible', 'approved', 'ineligible', 'repaying', 'in-arrears', 'disbursed', 'rejected', 'repaid']),
    );
    // Each seeded request's stored state agrees with its facts today, and the four referred ones are the demo referrals.
    for (const r of seeded) {
      const page = (await api('relief').get(`/support-requests/${r.requestId}`)).body;
      if (['eligible', 'approved'].includes(page.state)) expect(page.eligibleToday.eligible, page.businessPlan).toBe(true);
      if (page.state === 'ineligible') expect(page.eligibleToday.eligible).toBe(false);
    }
    expect(seeded.filter((r: { referralId: string | null }) => r.referralId)).toHaveLength(4);
    // The disbursed ones announce their benefit (for institute funding's duplicate check), once.
    const disbursed = seeded.filter((r: { disbursement: unknown }) => r.disbursement);
    expect(disbursed).toHaveLength(4);
    for (const r of disbursed) {
      const events = await outboxOf(reliefCollections.requests, r.requestId);
      expect(events.map((e) => [e.type, (e.data as { benefitId: string }).benefitId])).toEqual([
        ['relief-partnerships.benefit.granted', r.disbursement.benefitId],
      ]);
    }
    const flags = (await api('relief').get('/benefit-flags')).body;
    expect(flags.length).toBeGreaterThan(0);
    const projects = (await api('basij').get('/projects')).body;
    expect(new Set(projects.map((p: { status: string }) => p.status))).toEqual(new Set(['planned', 'in-progress', 'completed']));
    expect(projects.some((p: { overdueMilestones: number }) => p.overdueMilestones > 0)).toBe(true);
    expect((await api('relief').get('/permits')).body.some((p: { projectId: string | null }) => p.projectId === null)).toBe(true);
    expect((await api('relief').get('/joint-meetings')).body.length).toBeGreaterThanOrEqual(2);
  });
});
