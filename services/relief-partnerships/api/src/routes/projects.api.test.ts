import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../domain/days.js';
import { reliefForTests } from '../testing/harness.js';

// Basij Construction projects through the API (see reliefForTests).
const { service, today, deliver, api } = reliefForTests();

describe('Basij construction projects', () => {
  const permitId = randomUUID();
  let projectId = '';

  it('lists TVTO’s permitted workshops awaiting preparation (each permit once)', async () => {
    const permit = {
      permitId,
      permitNo: 'WP-1405-0099',
      trade: 'tailoring',
      neighbourhoodId: 'nbh-fajr',
      residentRef: null,
      validUntil: addDays(today(), 365),
      issuedAt: service().clock.now().toISOString(),
    };
    await deliver('vocational-training.permit.issued', permit);
    await deliver('vocational-training.permit.issued', permit);
    const permits = (await api('basij').get('/permits')).body.filter((p: { permitId: string }) => p.permitId === permitId);
    expect(permits).toEqual([expect.objectContaining({ permitNo: 'WP-1405-0099', projectId: null })]);
  });

  it('the Basij liaison starts a project for the permit; the permit is then being prepared', async () => {
    const body = {
      title: 'Prepare the tailoring workshop',
      scope: 'Wiring and floor',
      neighbourhoodId: 'nbh-fajr',
      permitId,
      volunteers: { count: 6, skills: ['electrician'] },
      milestones: [
        { title: 'Wiring', dueOn: addDays(today(), 5) },
        { title: 'Floor', dueOn: addDays(today(), 20) },
      ],
    };
    expect((await api('relief').post('/projects', body)).status).toBe(403);
    expect((await api('coordinator').post('/projects', body)).status).toBe(403);
    expect((await api().post('/projects', body)).status).toBe(401);
    expect((await api('basij').post('/projects', { ...body, neighbourhoodId: 'nbh-sarasiab' })).body).toMatchObject({
      status: 422,
      code: 'permit-in-another-neighbourhood',
      field: 'neighbourhoodId',
    });
    expect((await api('basij').post('/projects', { ...body, volunteers: { count: -1, skills: [] } })).status).toBe(400);
    expect(await service().models.projects.countDocuments({})).toBe(0);
    const res = await api('basij').post('/projects', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'planned', permitNo: 'WP-1405-0099', overdueMilestones: 0, volunteers: { count: 6 } });
    projectId = res.body.projectId;
    expect((await api('basij').post('/projects', body)).body).toMatchObject({ status: 409, code: 'permit-has-project' });
    expect((await api('relief').get('/permits')).body.find((p: { permitId: string }) => p.permitId === permitId).projectId).toBe(projectId);
  });

  it('counts overdue milestones by the clock, starts with the first one done, completes with evidence once all are done', async () => {
    const [wiring, floor] = (await api('basij').get(`/projects/${projectId}`)).body.milestones;
    service().clock.advanceDays(10);
    try {
      const late = (await api('auditor').get('/projects')).body.find((p: { projectId: string }) => p.projectId === projectId);
      expect(late.overdueMilestones).toBe(1);
      expect(late.milestones[0].overdue).toBe(true);
      expect(
        (await api('basij').post(`/projects/${projectId}/milestones/${wiring.milestoneId}/done`, { doneOn: addDays(today(), 1) })).body,
      ).toMatchObject({ status: 422, code: 'milestone-done-in-future', field: 'doneOn' });
      const started = await api('basij').post(`/projects/${projectId}/milestones/${wiring.milestoneId}/done`, { doneOn: today() });
      expect(started.body).toMatchObject({ status: 'in-progress', overdueMilestones: 0 });
      expect(
        (await api('basij').post(`/projects/${projectId}/milestones/${wiring.milestoneId}/done`, { doneOn: today() })).body,
      ).toMatchObject({ status: 409, code: 'milestone-done' });
      expect((await api('basij').post(`/projects/${projectId}/complete`, { evidence: 'photos' })).body).toMatchObject({
        status: 409,
        code: 'milestones-open',
      });
      expect((await api('relief').post(`/projects/${projectId}/milestones/${floor.milestoneId}/done`, { doneOn: today() })).status).toBe(
        403,
      );
      await api('basij').post(`/projects/${projectId}/milestones/${floor.milestoneId}/done`, { doneOn: today() });
      const done = await api('basij').post(`/projects/${projectId}/complete`, { evidence: 'handover minutes 12' });
      expect(done.body).toMatchObject({ status: 'completed', evidence: 'handover minutes 12', completedOn: today() });
      expect((await api('basij').post(`/projects/${projectId}/milestones`, { title: 'More', dueOn: today() })).body).toMatchObject({
        status: 409,
        code: 'project-completed',
      });
      expect((await api('basij').put(`/projects/${projectId}/volunteers`, { count: 1, skills: [] })).body).toMatchObject({
        status: 409,
        code: 'project-completed',
      });
    } finally {
      service().clock.advanceDays(-10);
    }
  });
});
