import { spawn, type ChildProcess } from 'node:child_process';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningService } from '@hamgam/service-kit';
import { tokenFor } from '../support/stack.js';
import { tag } from '../support/people.js';
import { faultsEnv, faultsMongoUrl, recorderDefinition, repoRoot, resetFaultsEnvironment, startInProcess, waitFor } from './harness.js';

const commands = 500;
const kills = 6;
// Two replicas of the clinics on one database and queue: commands alternate between them, and replica 2 is
// the one SIGKILLed (replica 1 keeps serving meanwhile, as behind the shell's round robin).
const ports = [4811, 4911];
const urls = ports.map((port) => `http://127.0.0.1:${port}`);
const url = urls[0]!;
const clinics: (ChildProcess | undefined)[] = [];
let observer: RunningService<{ received: any }>;

/** Replica `i` of the real clinics service, built by `turbo run build`, as its own process. */
async function startClinics(i = 1): Promise<void> {
  clinics[i] = spawn('node', ['services/clinics/api/dist/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, ...faultsEnv('clinics', ports[i]) },
    stdio: 'ignore',
  });
  await waitFor(
    async () => (await fetch(`${urls[i]}/readyz`).catch(() => undefined))?.status === 200,
    30_000,
    `clinics replica ${i + 1} ready`,
  );
}

function killClinics(i = 1): Promise<void> {
  return new Promise((resolve) => {
    const child = clinics[i];
    if (!child || child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function post(path: string, body: unknown, to = url): Promise<number | 'killed'> {
  const token = await tokenFor('clinic.worker2');
  return fetch(`${to}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then(
    (res) => res.status,
    () => 'killed' as const,
  );
}

/** Assessments are of registered households: registers one at clinic-motahari and returns its id. */
async function registerHousehold(): Promise<string> {
  const token = await tokenFor('clinic.worker2');
  const res = await fetch(`${url}/api/v1/households`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clinicId: 'clinic-motahari', fileNumber: `KILL-${tag()}` }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  await resetFaultsEnvironment(['clinics', 'faults-observer']);
  observer = await startInProcess(recorderDefinition('faults-observer'));
  await startClinics(0);
  await startClinics(1);
});

afterAll(async () => {
  await killClinics(0);
  await killClinics(1);
  await observer?.stop();
});

it('never keeps a state change without its event, nor an event without its state change, across SIGKILLs', async () => {
  // clinic.worker2 serves Motahari (a real token from Keycloak, checked by the real service).
  const nbh = 'nbh-motahari';
  expect(
    await post('/assessments', {
      clinicId: 'clinic-motahari',
      neighbourhoodId: nbh,
      householdRef: await registerHousehold(),
      needs: [{ category: 'employment', severity: 3 }],
    }),
  ).toBe(201);

  const killAt = new Set(
    Array.from({ length: kills }, (_, i) => Math.floor(((i + 1) * commands) / (kills + 1)) + Math.floor(Math.random() * 20)),
  );
  const outcomes = { created: 0, interrupted: 0 };
  let restarting: Promise<void> | undefined;
  for (let i = 0; i < commands; i++) {
    // Odd commands go to replica 2 — unless it is down, then to replica 1, as a round robin skips a dead upstream.
    const toSecond = i % 2 === 1 && !restarting;
    const request = post(`/neighbourhoods/${nbh}/priority-lists`, { period: '1405' }, toSecond ? urls[1] : urls[0]);
    if (killAt.has(i) && toSecond) {
      // Kill replica 2 while the command is in flight, at a random moment of its handling; replica 1 goes on.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      await killClinics(1);
      const status = await request;
      outcomes[status === 201 ? 'created' : 'interrupted']++;
      restarting = startClinics(1).then(() => {
        restarting = undefined;
      });
    } else {
      if (killAt.has(i)) killAt.add(i + 1);
      const status = await request;
      // 503: the killed replica's lease on this neighbourhood's lists had not expired yet (the client retries later).
      expect([201, 409, 503]).toContain(status);
      if (status === 201) outcomes.created++;
    }
  }
  await restarting;

  const db = await mongoose.createConnection(faultsMongoUrl('clinics')).asPromise();
  try {
    const lists = db.collection('prioritylists');
    const stored = await lists.find({ neighbourhoodId: nbh }, { projection: { version: 1 } }).toArray();
    // Every stored list's event reaches the observer (the relay resumes after each restart).
    await waitFor(
      async () => (await observer.models.received.countDocuments({ neighbourhoodId: nbh })) >= stored.length,
      120_000,
      'all events observed',
    );
    const observed = await observer.models.received.find({ neighbourhoodId: nbh }).limit(10_000).lean();
    const storedVersions = stored.map((l) => l['version'] as number).sort((a, b) => a - b);
    const observedVersions = observed.map((e: { listVersion: number }) => e.listVersion).sort((a: number, b: number) => a - b);
    console.log(
      `[faults] ${commands} commands over 2 clinics replicas, ${kills} SIGKILLs of one: ${stored.length} lists stored, ${observed.length} events observed, ${outcomes.interrupted} commands interrupted`,
    );
    expect(observedVersions).toEqual(storedVersions);
    expect(new Set(storedVersions).size).toBe(storedVersions.length);
    expect(stored.length).toBeGreaterThanOrEqual(outcomes.created);
    await waitFor(async () => (await lists.countDocuments({ 'outbox._id': { $exists: true } })) === 0, 120_000, 'outbox drained');
  } finally {
    await db.close();
  }
});
