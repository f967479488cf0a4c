// Operator job after a PII key change (services/clinics/README.md, "Rotating the PII keys"): re-seals
// residents' personal data under the current keys. `npm run pii:reseal` in this workspace; in the image,
// where tsx is not installed, `node services/clinics/api/dist/cli/pii-reseal.js`.
import {
  baseConfigSchema,
  ConfigError,
  createLogger,
  createMongoConnection,
  DocumentLocks,
  Leases,
  loadConfig,
  type Lease,
  mongoLimitsOf,
} from '@hamgam/service-kit';
import { resealResidents } from '../app/pii-reseal.js';
import { clinicsConfigSchema, piiFromConfig } from '../config.js';
import { clinicsModels } from '../data/models.js';

/** Only what the job uses: the store and the keys (the same variables the service reads). */
const jobConfigSchema = baseConfigSchema
  .pick({
    MONGO_URL: true,
    LOG_LEVEL: true,
    MONGO_MAX_POOL_SIZE: true,
    MONGO_WAIT_QUEUE_TIMEOUT_MS: true,
    MONGO_MAX_IDLE_TIME_MS: true,
    MONGO_QUERY_TIMEOUT_MS: true,
    MONGO_SOCKET_TIMEOUT_MS: true,
  })
  .extend(clinicsConfigSchema.shape);

let config;
try {
  config = loadConfig('clinics pii:reseal', process.env, jobConfigSchema);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}

/**
 * DocumentLocks releases a lease after the caller has its answer; the job must not close the connection
 * before the last releases are done, or it leaves leases that refuse the API's edits of those residents
 * until they expire.
 */
class SettlingLeases extends Leases {
  private readonly releasing = new Set<Promise<void>>();
  override release(lease: Lease): Promise<void> {
    const released = super.release(lease).finally(() => this.releasing.delete(released));
    this.releasing.add(released);
    return released;
  }
  async settled(): Promise<void> {
    await Promise.all(this.releasing);
  }
}

const mongo = createMongoConnection(config.MONGO_URL, mongoLimitsOf(config));
// The replicas' own leases (the `leases` collection of the same database), so the job and the API take turns per resident.
const leases = new SettlingLeases(mongo, { logger: createLogger('clinics-pii-reseal', config.LOG_LEVEL) });
const pii = piiFromConfig(config);
try {
  await mongo.asPromise();
  console.log(`re-sealing residents under encryption key ${pii.keyId} and the current blind-index key`);
  const counts = await resealResidents(
    { models: clinicsModels(mongo), locks: new DocumentLocks(leases), pii },
    {
      failed: (residentId, reason) => console.error(`  failed: resident ${residentId}: ${reason}`),
      page: ({ checked }) => {
        if (checked > 0 && checked % 10_000 === 0) console.log(`  … ${checked} checked`);
      },
    },
  );
  console.log(`checked ${counts.checked}, resealed ${counts.resealed}, already current ${counts.alreadyCurrent}, failed ${counts.failed}`);
  // A failure is worth a non-zero exit: the Job shows it, and the previous keys must stay until a run has none.
  process.exitCode = counts.failed > 0 ? 1 : 0;
} finally {
  await leases.settled();
  await mongo.close();
}
