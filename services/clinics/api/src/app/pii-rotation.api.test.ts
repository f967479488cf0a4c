import { randomBytes } from 'node:crypto';
import { startTestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { piiFromConfig, type ClinicsConfig } from '../config.js';
import { withCheckDigit } from '../domain/national-id.js';
import { keyIdOf, type PersonalData } from '../domain/pii.js';
import { clinicsService } from '../service.js';
import type { ApiHarness } from '../testing/harness.js';
import { sealV1 } from '../testing/pii-v1.js';
import { resealResidents, type ResealCounts } from './pii-reseal.js';

/**
 * A rotation of both PII keys as an operator runs it, against the real store: residents registered under
 * keys A; the replicas restarted with B current and A previous; the re-seal; restarted with B alone. Each
 * "restart" is a new service instance on the same database.
 */
const key = () => randomBytes(32).toString('base64');
const keysA = { PII_ENCRYPTION_KEY: key(), PII_BLIND_INDEX_KEY: key() };
const keysB = { PII_ENCRYPTION_KEY: key(), PII_BLIND_INDEX_KEY: key() };
const midRotation = {
  ...keysB,
  PII_PREVIOUS_ENCRYPTION_KEYS: keysA.PII_ENCRYPTION_KEY,
  PII_PREVIOUS_BLIND_INDEX_KEY: keysA.PII_BLIND_INDEX_KEY,
};
const keyIdB = keyIdOf(Buffer.from(keysB.PII_ENCRYPTION_KEY, 'base64'));

let first: ApiHarness;
let running: ApiHarness;
const residents: { id: string; personal: PersonalData }[] = [];
let serial = 300_000_000;

const start = async (keys: Record<string, string>) =>
  (await startTestService(clinicsService, { ...keys, MONGO_URL: first.config.MONGO_URL })) as ApiHarness;
/** The next generation of replicas: the database stays. */
async function restartWith(keys: Record<string, string>) {
  if (running !== first) await running.mongo.close();
  running = await start(keys);
}
const reseal = (h: ApiHarness, report = {}): Promise<ResealCounts> =>
  resealResidents({ models: h.models, locks: h.deps.locks, pii: piiFromConfig(h.config) }, report);

async function register(h: ApiHarness, fullName: string) {
  const household = await h.api('worker').post('/households', { clinicId: 'clinic-sarasiab', fileNumber: `R-${serial}` });
  const personal = { nationalId: withCheckDigit(String(serial++)), fullName, phone: '09131234567' };
  const res = await h.api('worker').post(`/households/${household.body.id}/residents`, { ...personal, relation: 'head' });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, personal };
}

/** Every resident reads back, and their national id is found again (duplicate check, and refused as a second registration). */
async function expectReadableAndFindable(h: ApiHarness) {
  for (const r of residents) {
    expect((await h.api('worker').get(`/residents/${r.id}`)).body.personal).toEqual(r.personal);
    const check = await h
      .api('worker')
      .post('/residents/duplicate-check', { clinicId: 'clinic-sarasiab', nationalId: r.personal.nationalId });
    expect(check.body).toEqual({ exists: true, sameClinic: true, residentId: r.id });
    const household = await h.api('worker2').post('/households', { clinicId: 'clinic-motahari', fileNumber: `M-${serial++}` });
    const again = await h.api('worker2').post(`/households/${household.body.id}/residents`, { ...r.personal, relation: 'head' });
    expect(again.status).toBe(409);
  }
}

async function expectAllUnder(h: ApiHarness, config: ClinicsConfig) {
  const pii = piiFromConfig(config);
  const stored = await h.models.residents.find({}, { pii: 1, nationalIdIndex: 1 }).limit(1000).lean();
  expect(stored).toHaveLength(residents.length);
  for (const r of stored) {
    expect(r.pii.startsWith(`v2.${keyIdB}.`)).toBe(true);
    expect(r.nationalIdIndex).toBe(pii.blindIndex(pii.decrypt(r.pii).nationalId));
  }
}

beforeAll(async () => {
  first = (await startTestService(clinicsService, keysA)) as ApiHarness;
  running = first;
  for (const name of ['زهرا احمدی', 'علی رضایی', 'مریم کاظمی']) residents.push(await register(first, name));
  // One record as databases written before key ids hold it.
  await first.models.residents.updateOne(
    { _id: residents[0]!.id },
    { $set: { pii: sealV1(residents[0]!.personal, Buffer.from(keysA.PII_ENCRYPTION_KEY, 'base64')) } },
  );
}, 60_000);

afterAll(async () => {
  if (running !== first) await running?.mongo.close();
  await first?.close();
});

describe('rotating the PII keys', { timeout: 60_000 }, () => {
  it('with B current and A previous: residents under A stay readable and findable; new and changed records go under B', async () => {
    await restartWith(midRotation);
    await expectReadableAndFindable(running);
    residents.push(await register(running, 'حسین موسوی'));
    const changed = await running.api('worker').patch(`/residents/${residents[1]!.id}`, { phone: '09137654321' });
    expect(changed.status).toBe(200);
    residents[1]!.personal.phone = '09137654321';
    const pii = piiFromConfig(running.config);
    for (const r of [residents[1]!, residents[3]!]) {
      const stored = (await running.models.residents.findById(r.id).lean())!;
      expect(stored.pii.split('.').slice(0, 2)).toEqual(['v2', keyIdB]);
      expect(stored.nationalIdIndex).toBe(pii.blindIndex(r.personal.nationalId));
    }
    await expectReadableAndFindable(running);
  });

  it('the re-seal brings every record under B, once: a second run finds nothing to do', async () => {
    expect(await reseal(running)).toEqual({ checked: 4, resealed: 2, alreadyCurrent: 2, failed: 0 });
    await expectAllUnder(running, running.config);
    expect(await reseal(running)).toEqual({ checked: 4, resealed: 0, alreadyCurrent: 4, failed: 0 });
    await expectReadableAndFindable(running);
  });

  it('with B alone: every resident is readable and findable', async () => {
    await restartWith(keysB);
    await expectReadableAndFindable(running);
    await expectAllUnder(running, running.config);
  });

  it('loses no staff change made on another replica while the re-seal rewrites the same records', async () => {
    const batch = [];
    for (let i = 0; i < 12; i++) batch.push(await register(first, `ساکن ${i}`));
    residents.push(...batch);
    await restartWith(midRotation);
    const replica = await start(midRotation);
    try {
      const [counts] = await Promise.all([
        reseal(running),
        ...batch.map(async (r, i) => {
          r.personal.phone = `0913000${String(i).padStart(4, '0')}`;
          expect((await replica.api('worker').patch(`/residents/${r.id}`, { phone: r.personal.phone })).status).toBe(200);
        }),
      ]);
      expect(counts.failed).toBe(0);
      await expectAllUnder(running, running.config);
      await expectReadableAndFindable(running);
    } finally {
      await replica.mongo.close();
    }
  });

  it('fails a record under a key no longer configured loudly, naming its key id, and leaves it as it was', async () => {
    const retired = key();
    const sealed = piiFromConfig({ ...running.config, PII_ENCRYPTION_KEY: retired }).encrypt(residents[2]!.personal);
    await running.models.residents.updateOne({ _id: residents[2]!.id }, { $set: { pii: sealed } });
    const failures: string[] = [];
    const counts = await reseal(running, { failed: (id: string, reason: string) => failures.push(`${id}: ${reason}`) });
    expect(counts).toMatchObject({ checked: residents.length, failed: 1 });
    expect(failures).toEqual([
      expect.stringContaining(`${residents[2]!.id}: personal data sealed under key ${keyIdOf(Buffer.from(retired, 'base64'))}`),
    ]);
    expect((await running.models.residents.findById(residents[2]!.id).lean())!.pii).toBe(sealed);
    expect((await running.api('worker').get(`/residents/${residents[2]!.id}`)).status).toBe(500);
  });
});
