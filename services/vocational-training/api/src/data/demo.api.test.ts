import { describe, expect, it } from 'vitest';
import { vocationalTrainingService } from '../service.js';
import { tvtoForTests } from '../testing/harness.js';

// TVTO's demo seed beside the desk's on a fresh database, read back through the API (see tvtoForTests).
const { service, api, outboxOf } = tvtoForTests();

describe('demo seed', () => {
  it('seeds courses at every kind of venue, enrolments, permits in every state, counselling and apprenticeships, idempotently', async () => {
    const seedDeps = { ...service().deps, models: service().models };
    await vocationalTrainingService.seedDemo!(seedDeps);
    const counts = async () =>
      Promise.all(
        (['courses', 'enrolments', 'permits', 'demand', 'sessions', 'masters', 'placements'] as const).map((m) =>
          (service().models[m] as any).countDocuments(),
        ),
      );
    const first = await counts();
    await vocationalTrainingService.seedDemo!(seedDeps);
    expect(await counts()).toEqual(first);

    const seeded = (await api('auditor').get('/courses')).body as {
      courseId: string;
      venue: { kind: string };
      enrolled: number;
      capacity: number;
    }[];
    expect(seeded.length).toBeGreaterThanOrEqual(4);
    expect(new Set(seeded.map((c) => c.venue.kind))).toEqual(new Set(['clinic', 'tvto-centre', 'private-institute']));
    for (const c of seeded) expect(c.enrolled).toBeLessThanOrEqual(c.capacity);
    const offers = (await api('auditor').get('/desk/offers')).body.map((o: { offerId: string }) => o.offerId);
    for (const c of seeded) expect(offers).toContain(c.courseId);
    // Every seeded course's offer carries TVTO's prefix, or the clinics would take another agency's for it.
    for (const c of seeded) expect(c.courseId).toMatch(/^tvto-/);

    // The accepted demo referrals to the tailoring course are enrolled from those referrals.
    const tailoringRes = await api('tvto').get('/courses/tvto-home-tailoring-1405');
    expect(tailoringRes.status, JSON.stringify(tailoringRes.body)).toBe(200);
    const tailoring = tailoringRes.body;
    const accepted = (await api('tvto').get('/desk/referrals?state=accepted')).body.filter(
      (r: { offerId: string }) => r.offerId === 'tvto-home-tailoring-1405',
    );
    expect(tailoring.enrolments.map((e: { referralId: string }) => e.referralId).sort()).toEqual(
      accepted.map((r: { referralId: string }) => r.referralId).sort(),
    );
    const certificates = (await api('tvto').get('/certificates')).body.filter(
      (c: { courseId: string }) => c.courseId === 'tvto-computer-skills-1405',
    );
    expect(certificates.length).toBeGreaterThanOrEqual(3);
    const enrolmentIds = (await service().models.enrolments.find({ enrolledBy: 'demo-seed' }, { _id: 1 }).limit(1000).lean()).map(
      (e) => e._id,
    );
    const types = (await Promise.all(enrolmentIds.map((id) => outboxOf('enrolments', id)))).flat().map((e) => e.type);
    expect(types.filter((t) => t.endsWith('enrolment.recorded'))).toHaveLength(enrolmentIds.length);
    expect(types.filter((t) => t.endsWith('enrolment.completed')).length).toBeGreaterThanOrEqual(4);

    const permits = (await api('tvto').get('/permits')).body.filter(
      (p: { history: { by?: string }[]; submittedAt: string }) => new Date(p.submittedAt) < service().clock.now(),
    );
    const states = new Set(permits.map((p: { status: string }) => p.status));
    for (const s of ['submitted', 'documents-complete', 'inspected', 'approved', 'rejected', 'expired']) expect(states, s).toContain(s);
    const approved = permits.find((p: { status: string }) => p.status === 'approved');
    expect((await outboxOf('permits', approved.permitId)).map((e) => e.type)).toEqual(['vocational-training.permit.issued']);
    expect((await api().get(`/permits/tracking/${approved.trackingCode}`)).body.status).toBe('approved');

    expect((await api('auditor').get('/counselling/demand')).body.length).toBeGreaterThanOrEqual(5);
    const held = (await api('auditor').get('/counselling/sessions')).body.filter((s: { state: string }) => s.state === 'held');
    expect(held.length).toBeGreaterThan(0);
    const demandTrades = new Set((await api('auditor').get('/counselling/demand')).body.map((d: { trade: string }) => d.trade));
    for (const s of held) for (const t of s.guidance) expect(demandTrades.has(t)).toBe(true);
    const masters = (await api('auditor').get('/apprenticeships/masters')).body;
    for (const m of masters) expect(m.placed).toBeLessThanOrEqual(m.capacity);
    const placements = (await api('auditor').get('/apprenticeships/placements')).body;
    expect(new Set(placements.map((p: { state: string }) => p.state))).toEqual(new Set(['active', 'completed']));
  });
});
