import { randomBytes, randomUUID } from 'node:crypto';
import { AdjustableClock, baseConfigSchema, createService, type RunningService } from '@hamgam/service-kit';
import { createTestKeys, testIssuer, type TestClaims } from '@hamgam/service-kit/testing';
import type { ClinicsConfig } from '../config.js';
import type { ClinicsModels } from '../data/models.js';
import { clinicsService } from '../service.js';

/** Callers of the API tests, shaped like the realm's users (same roles and scopes). */
export const callers = {
  worker: { sub: 'u-worker', username: 'clinic.worker', roles: ['clinic-worker'], clinicIds: ['clinic-sarasiab'], neighbourhoodIds: ['nbh-sarasiab'] },
  worker2: { sub: 'u-worker2', username: 'clinic.worker2', roles: ['clinic-worker'], clinicIds: ['clinic-motahari'], neighbourhoodIds: ['nbh-motahari'] },
  coordinator: { sub: 'u-coord', username: 'coordinator', roles: ['coordinator'] },
  auditor: { sub: 'u-audit', username: 'auditor', roles: ['auditor'] },
  representative: { sub: 'u-rep', username: 'representative', roles: ['representative'], neighbourhoodIds: ['nbh-sarasiab'] },
  tvto: { sub: 'u-tvto', username: 'tvto.staff', roles: ['tvto-staff'] },
} satisfies Record<string, TestClaims>;
export type Caller = keyof typeof callers;

export interface ApiHarness {
  service: RunningService<ClinicsModels>;
  clock: AdjustableClock;
  config: ClinicsConfig;
  token(caller: Caller): Promise<string>;
  close(): Promise<void>;
}

/**
 * The clinics service's Express app on a throw-away FerretDB/MongoDB database (`hamgam_test_clinics_<tag>_<random>`),
 * with local signing keys instead of Keycloak; the broker is never started. `close()` drops the database.
 */
export async function startApiHarness(tag: string): Promise<ApiHarness> {
  const keys = await createTestKeys();
  const mongoBase = process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
  const config: ClinicsConfig = {
    ...baseConfigSchema.parse({
      PORT: '0',
      MONGO_URL: `${mongoBase}/hamgam_test_clinics_${tag}_${randomUUID().slice(0, 8)}`,
      AMQP_URL: 'amqp://127.0.0.1:1',
      OIDC_ISSUER: testIssuer,
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    }),
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PII_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  const clock = new AdjustableClock();
  const service = createService(clinicsService, config, { keys: keys.keys, clock });
  // The broker is not started: events stay in their documents' outbox, where a test can read them.
  service.bus.relay.kick = () => undefined;
  await service.mongo.asPromise();
  await Promise.all(Object.values(service.mongo.models).map((m) => m.init()));
  await clinicsService.reference?.(service.models);
  const tokens = new Map<Caller, string>();
  return {
    service,
    clock,
    config,
    async token(caller) {
      if (!tokens.has(caller)) tokens.set(caller, await keys.sign(callers[caller] as TestClaims));
      return tokens.get(caller)!;
    },
    async close() {
      await service.mongo.dropDatabase();
      await service.mongo.close();
    },
  };
}
