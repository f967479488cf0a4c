import { spawn, type ChildProcess } from 'node:child_process';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningService } from '@hamgam/service-kit';
import { tokenFor } from '../support/stack.js';
import { faultsEnv, faultsMongoUrl, recorderDefinition, repoRoot, resetFaultsEnvironment, startInProcess, waitFor } from './harness.js';

const commands = 500;
const kills = 6;
const port = 4811;
const url = `http://127.0.0.1:${port}`;
let clinics: ChildProcess | undefined;
let observer: RunningService<{ received: any }>;

/** The real clinics service, built by `turbo run build`, as its own process. */
async function startClinics(): Promise<void> {
  clinics = spawn('node', ['services/clinics/api/dist/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, ...faultsEnv('clinics', port) },
    stdio: 'ignore',
  });
  await waitFor(async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200, 30_000, 'clinics ready');
}

function killClinics(): Promise<void> {
  return new Promise((resolve) => {
    clinics!.once('exit', () => resolve());
    clinics!.kill('SIGKILL');
  });
}

async function post(path: string, body: unknown): Promise<number | 'killed'> {
  const token = await tokenFor('clinic.worker2');
  return fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then((res) => res.status, () => 'killed' as const);
}

/** Assessments are of registered households: registers one at clinic-motahari and returns its id. */
async function registerHousehold(): Promise<string> {
  const token = await tokenFor('clinic.worker2');
  const res = await fetch(`${url}/api/v1/households`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clinicId: 'clinic-motahari' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  await resetFaultsEnvironment(['clinics', 'faults-observer']);
  observer = await startInProcess(recorderDefinition('faults-observer'));
  await startClinics();
});

afterAll(async () => {
  if (clinics && clinics.exitCode === null) await killClinics();
  await observer?.stop();
});

it('never keeps a state change without its event, nor an event without its state change, across SIGKILLs', async () => {
  // clinic.worker2 serves Motahari (a real token from Keycloak, checked by the real service).
  const nbh = 'nbh-motahari';
  expect(await post('/assessments', { clinicId: 'clinic-motahari', neighbourhoodId: nbh, householdRef: await registerHousehold(), needs: [{ category: 'employment', severity: 3 }] })).toBe(201);

  const killAt = new Set(Array.from({ length: kills }, (_, i) => Math.floor(((i + 1) * commands) / (kills + 1)) + Math.floor(Math.random() * 20)));
  const outcomes = { created: 0, interrupted: 0 };
  for (let i = 0; i < commands; i++) {
    const request = post(`/neighbourhoods/${nbh}/priority-lists`, { period: '1405' });
    if (killAt.has(i)) {
      // Kill while the command is in flight, at a random moment of its handling.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      await killClinics();
      const status = await request;
      outcomes[status === 201 ? 'created' : 'interrupted']++;
      await startClinics();
    } else {
      const status = await request;
      expect([201, 409]).toContain(status);
      if (status === 201) outcomes.created++;
    }
  }

  const db = await mongoose.createConnection(faultsMongoUrl('clinics')).asPromise();
  try {
    const lists = db.collection('prioritylists');
    const stored = await lists.find({ neighbourhoodId: nbh }, { projection: { version: 1 } }).toArray();
    // Every stored list's event reaches the observer (the relay resumes after each restart).
    await waitFor(async () => (await observer.models.received.countDocuments({ neighbourhoodId: nbh })) >= stored.length, 120_000, 'all events observed');
    const observed = await observer.models.received.find({ neighbourhoodId: nbh }).lean();
    const storedVersions = stored.map((l) => l['version'] as number).sort((a, b) => a - b);
    const observedVersions = observed.map((e: { listVersion: number }) => e.listVersion).sort((a: number, b: number) => a - b);
    console.log(`[faults] ${commands} commands, ${kills} SIGKILLs: ${stored.length} lists stored, ${observed.length} events observed, ${outcomes.interrupted} commands interrupted`);
    expect(observedVersions).toEqual(storedVersions);
    expect(new Set(storedVersions).size).toBe(storedVersions.length);
    expect(stored.length).toBeGreaterThanOrEqual(outcomes.created);
    await waitFor(async () => (await lists.countDocuments({ 'outbox._id': { $exists: true } })) === 0, 120_000, 'outbox drained');
  } finally {
    await db.close();
  }
});
