// The clinics service on a bench database of its own, seeded to a province's size (bench:scale, bench:api).
import { randomBytes } from 'node:crypto';
import { clinicsService } from '@hamgam/clinics-api/service';
import { seedScaleRegister, type ScaleRegister } from '@hamgam/clinics-api/testing/scale';
import { startTestService } from '@hamgam/service-kit/testing';

export const benchStore = process.env['BENCH_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

/** Fails the bench on any answer but success, so an error is never timed as if it were work. */
export async function ok(response: Promise<{ status: number; body: unknown }>, what: string): Promise<unknown> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export async function startClinicsAtScale(households: number) {
  const clinics = await startTestService(clinicsService, {
    MONGO_URL: `${benchStore}/hamgam_bench_clinics_${households}`,
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PII_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  });
  // Left over from an interrupted run: start clean.
  await clinics.mongo.dropDatabase();
  await clinics.prepare();
  const seeding = performance.now();
  const register: ScaleRegister = await seedScaleRegister(clinics.models, clinics.config, households);
  console.log(`clinics: seeded ${households} households in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  return { clinics, register };
}
