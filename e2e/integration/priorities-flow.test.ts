import { describe, expect, it } from 'vitest';
import { call, eventually } from '../support/stack.js';
import { tag } from '../support/people.js';

const neighbourhood = 'nbh-sarasiab';
const clinic = 'clinic-sarasiab';
/** Assessments are of registered households: registers one at the clinic and returns its id (the householdRef). */
async function household(): Promise<string> {
  const res = await call('clinics', '/api/v1/households', {
    as: 'clinic.worker',
    body: { clinicId: clinic, fileNumber: `IT-${tag(8)}` },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('clinic priorities reach coordination through the broker', () => {
  it('records assessments, publishes a ranked list, and coordination stores it', async () => {
    for (const needs of [
      [
        { category: 'workshop-space', severity: 5 },
        { category: 'skills-training', severity: 4 },
      ],
      [{ category: 'workshop-space', severity: 4 }],
      [
        { category: 'skills-training', severity: 3 },
        { category: 'social-care', severity: 1 },
      ],
    ]) {
      const res = await call('clinics', '/api/v1/assessments', {
        as: 'clinic.worker',
        body: { clinicId: clinic, neighbourhoodId: neighbourhood, householdRef: await household(), needs },
      });
      expect(res.status).toBe(201);
    }

    const view = await call('clinics', `/api/v1/neighbourhoods/${neighbourhood}/priorities`, { as: 'clinic.worker' });
    expect(view.body.draft.length).toBeGreaterThan(0);
    const before = view.body.published?.version ?? 0;

    const published = await call('clinics', `/api/v1/neighbourhoods/${neighbourhood}/priority-lists`, {
      as: 'clinic.worker',
      body: { period: '1405' },
    });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(before + 1);
    expect(published.body.priorities).toEqual(view.body.draft);

    const stored = await eventually(async () => {
      const res = await call('coordination', '/api/v1/neighbourhood-priorities', { as: 'coordinator' });
      const row = res.body.find(
        (n: { neighbourhoodId: string; version: number }) => n.neighbourhoodId === neighbourhood && n.version === published.body.version,
      );
      return row;
    });
    expect(stored.priorities).toEqual(published.body.priorities);
    expect(stored.period).toBe('1405');
    expect(stored.neighbourhoodName).toEqual({ fa: 'سرآسیاب', en: 'Sar Asiab' });
  });

  it('shows a people’s representative only their own neighbourhood', async () => {
    const res = await call('coordination', '/api/v1/neighbourhood-priorities', { as: 'representative' });
    expect(res.status).toBe(200);
    expect(res.body.every((n: { neighbourhoodId: string }) => n.neighbourhoodId === neighbourhood)).toBe(true);
  });
});

describe('clinic scope', () => {
  it('stops a worker of another clinic from reading or publishing this neighbourhood', async () => {
    const read = await call('clinics', `/api/v1/neighbourhoods/${neighbourhood}/assessments`, { as: 'clinic.worker2' });
    expect(read.status).toBe(403);
    const publish = await call('clinics', `/api/v1/neighbourhoods/${neighbourhood}/priority-lists`, {
      as: 'clinic.worker2',
      body: { period: '1405' },
    });
    expect(publish.status).toBe(403);
    const record = await call('clinics', '/api/v1/assessments', {
      as: 'clinic.worker2',
      body: {
        clinicId: clinic,
        neighbourhoodId: neighbourhood,
        householdRef: await household(),
        needs: [{ category: 'employment', severity: 2 }],
      },
    });
    expect(record.status).toBe(403);
  });

  it('lists only the neighbourhoods in the caller’s scope', async () => {
    const worker = await call('clinics', '/api/v1/neighbourhoods', { as: 'clinic.worker' });
    expect(worker.body.map((n: { id: string }) => n.id)).toEqual([neighbourhood]);
    const coordinator = await call('clinics', '/api/v1/neighbourhoods', { as: 'coordinator' });
    expect(coordinator.body).toHaveLength(4);
  });

  it('keeps household-level assessments from the representative', async () => {
    const res = await call('clinics', `/api/v1/neighbourhoods/${neighbourhood}/assessments`, { as: 'representative' });
    expect(res.status).toBe(403);
  });
});

describe('input validation at the edge', () => {
  it('answers bad input with a problem and stores nothing', async () => {
    const ref = await household();
    const bad = await call('clinics', '/api/v1/assessments', {
      as: 'clinic.worker',
      body: { clinicId: clinic, neighbourhoodId: neighbourhood, householdRef: ref, needs: [{ category: 'employment', severity: 9 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors[0].path).toBe('needs.0.severity');

    const injection = await call('clinics', '/api/v1/assessments', {
      as: 'clinic.worker',
      body: {
        clinicId: clinic,
        neighbourhoodId: neighbourhood,
        householdRef: { $gt: '' },
        needs: [{ category: 'employment', severity: 2 }],
      },
    });
    expect(injection.status).toBe(400);

    const period = await call('clinics', `/api/v1/neighbourhoods/${neighbourhood}/priority-lists`, {
      as: 'clinic.worker',
      body: { period: '2026' },
    });
    expect(period.status).toBe(400);

    const list = await call('clinics', `/api/v1/neighbourhoods/${neighbourhood}/assessments`, { as: 'clinic.worker' });
    expect(list.body.some((a: { householdRef: string }) => a.householdRef === ref)).toBe(false);
  });
});
