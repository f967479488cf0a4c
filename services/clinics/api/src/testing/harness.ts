import { randomBytes, randomUUID } from 'node:crypto';
import type { PartnerAgency } from '@hamgam/contracts';
import { AdjustableClock, createService, DocumentLocks, type BaseConfig, type RunningService, type ServiceDeps } from '@hamgam/service-kit';
import { createTestKeys, type TestClaims } from '@hamgam/service-kit/testing';
import pino from 'pino';
import type { ClinicsModels } from '../data/models.js';
import { clinicsService } from '../service.js';

/**
 * The clinics app against a throw-away database on the local FerretDB/MongoDB (the stack `npm test`
 * brings up), with local signing keys instead of Keycloak and a clock the test moves. The event bus is
 * never started: events stay in the documents' outboxes, where a test can read them.
 */
export interface ApiHarness {
  service: RunningService<ClinicsModels>;
  models: ClinicsModels;
  clock: AdjustableClock;
  deps: ServiceDeps<ClinicsModels>;
  token(claims: TestClaims): Promise<string>;
  close(): Promise<void>;
}

export async function startApiHarness(): Promise<ApiHarness> {
  const keys = await createTestKeys();
  const clock = new AdjustableClock();
  const base = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
  const config = {
    PORT: 0,
    MONGO_URL: `${base}/hamgam_clinics_test_${randomUUID().slice(0, 8)}`,
    AMQP_URL: 'amqp://127.0.0.1:5672',
    OIDC_ISSUER: 'http://localhost:8080/realms/hamgam',
    OIDC_AUDIENCE: 'hamgam-api',
    LOG_LEVEL: 'silent',
    SEED_DEMO: false,
    TEST_CLOCK: false,
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PII_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  } as BaseConfig;
  const logger = pino({ level: 'silent' });
  const service = createService(clinicsService as never, config, { keys: keys.keys, logger, clock }) as RunningService<ClinicsModels>;
  await service.mongo.asPromise();
  await Promise.all(Object.values(service.mongo.models).map((m) => m.init()));
  await clinicsService.reference?.(service.models);
  const deps: ServiceDeps<ClinicsModels> = { models: service.models, config, clock, logger, flushOutbox: () => {}, locks: new DocumentLocks() };
  return {
    service,
    models: service.models,
    clock,
    deps,
    token: (claims) => keys.sign(claims),
    async close() {
      await service.mongo.dropDatabase();
      await service.mongo.close();
    },
  };
}

let residentCounter = 0;

/** A registered resident as the clinics store them (sealed data stands in; these tests never read it). */
export async function addResident(models: ClinicsModels, clinicId: string, neighbourhoodId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await models.residents.create({
    _id: id, householdId: randomUUID(), clinicId, neighbourhoodId, relation: 'head', birthYear: 1370,
    pii: 'sealed-for-test', nationalIdIndex: `test-index-${++residentCounter}-${id}`, registeredBy: 'test', registeredAt: now, updatedAt: now,
  });
  return id;
}

export async function addConsent(models: ClinicsModels, residentId: string, clinicId: string, agency: PartnerAgency, grantedAt: Date): Promise<void> {
  await models.consents.create({
    _id: randomUUID(), residentId, clinicId, purpose: 'referral', agency, grantedAt,
    expiresOn: new Date(grantedAt.getTime() + 365 * 86_400_000).toISOString().slice(0, 10), grantedBy: 'test', withdrawnAt: null, withdrawnBy: null,
  });
}
