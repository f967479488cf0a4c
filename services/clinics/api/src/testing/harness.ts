import { randomBytes, randomUUID } from 'node:crypto';
import type { PartnerAgency } from '@hamgam/contracts';
import { addDays } from '@hamgam/contracts/days';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import type { ClinicsConfig } from '../config.js';
import type { ClinicsModels } from '../deps.js';
import { clinicsService } from '../service.js';

/**
 * The clinics app on a throw-away database (the kit's `startTestService`) with fresh keys for residents'
 * personal data. The event bus is never started: events stay in the documents' outboxes.
 */
export type ApiHarness = TestService<ClinicsModels, ClinicsConfig>;

export const startApiHarness = (): Promise<ApiHarness> =>
  startTestService(clinicsService, {
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PII_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  });

let residentCounter = 0;

/** A registered resident as the clinics store them (sealed data stands in; these tests never read it). */
export async function addResident(models: ClinicsModels, clinicId: string, neighbourhoodId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await models.residents.create({
    _id: id,
    householdId: randomUUID(),
    clinicId,
    neighbourhoodId,
    relation: 'head',
    birthYear: 1370,
    pii: 'sealed-for-test',
    nationalIdIndex: `test-index-${++residentCounter}-${id}`,
    registeredBy: 'test',
    registeredAt: now,
    updatedAt: now,
  });
  return id;
}

export async function addConsent(
  models: ClinicsModels,
  residentId: string,
  clinicId: string,
  agency: PartnerAgency,
  grantedAt: Date,
): Promise<void> {
  await models.consents.create({
    _id: randomUUID(),
    residentId,
    clinicId,
    purpose: 'referral',
    agency,
    grantedAt,
    expiresOn: addDays(grantedAt, 365),
    grantedBy: 'test',
    withdrawnAt: null,
    withdrawnBy: null,
  });
}
