import { randomUUID } from 'node:crypto';
import { demoTrackingCode } from '@hamgam/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tvtoCollections } from '../data/models.js';
import { vocationalTrainingService } from '../service.js';
import { newSealingKey, startTvto, type TvtoTestService } from '../testing/harness.js';

// Finding 7 of issue 11: a permit applicant's name and workshop address are personal data. They are sealed
// at rest (as the clinics seal residents' data), opened for TVTO's staff only, and never answered to the
// programme's readers (coordinator, auditor).
let service: TvtoTestService;

beforeAll(async () => {
  service = await startTvto();
});

afterAll(async () => {
  await service?.close();
});

const name = 'Zahra Karimi';
const address = 'Fajr, alley 12, no. 4';
const walkIn = { residentRef: null, applicantName: name, trade: 'carpentry', neighbourhoodId: 'nbh-fajr', address };
/** The application as the store holds it, read past the service's models. */
const rawPermit = (id: string) => service.mongo.collection(tvtoCollections.permits).findOne({ _id: id as never });
const sealedForm = /^v2\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/;

describe('permit applicants’ personal data', () => {
  let permitId: string;

  it('is stored sealed: the raw document holds neither the name nor the address', async () => {
    const res = await service.api('tvto').post('/permits', walkIn);
    expect(res.status).toBe(201);
    permitId = res.body.permitId;
    const stored = (await rawPermit(permitId))!;
    expect(stored['applicant']).toMatch(sealedForm);
    expect(stored).not.toHaveProperty('applicantName');
    expect(stored).not.toHaveProperty('address');
    expect(JSON.stringify(stored)).not.toMatch(/Zahra|Karimi|alley/);
  });

  it('is opened for TVTO staff, and answered to coordinator and auditor neither in one application nor in the list', async () => {
    expect((await service.api('tvto').get(`/permits/${permitId}`)).body).toMatchObject({ applicantName: name, address });
    expect((await service.api('tvto').get('/permits')).body.find((p: { permitId: string }) => p.permitId === permitId)).toMatchObject({
      applicantName: name,
      address,
    });
    for (const reader of ['coordinator', 'auditor'] as const) {
      const one = await service.api(reader).get(`/permits/${permitId}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        applicantName: null,
        address: null,
        trade: 'carpentry',
        neighbourhoodId: 'nbh-fajr',
        status: 'submitted',
      });
      const list = await service.api(reader).get('/permits');
      expect(JSON.stringify(list.body)).not.toMatch(/Zahra|alley/);
    }
  });

  it('stays sealed through the application’s steps', async () => {
    expect((await service.api('tvto').put(`/permits/${permitId}/checklist`, { item: 'id-copy', received: true })).body).toMatchObject({
      applicantName: name,
      address,
    });
    expect((await service.api('coordinator').get(`/permits/${permitId}`)).body).toMatchObject({
      checklist: ['id-copy'],
      applicantName: null,
      address: null,
    });
    expect(JSON.stringify(await rawPermit(permitId))).not.toMatch(/Zahra|alley/);
  });

  it('seals at start-up the applications stored in plaintext before, and staff still read them', async () => {
    const legacyId = randomUUID();
    const now = service.clock.now();
    await service.mongo.collection(tvtoCollections.permits).insertOne({
      _id: legacyId as never,
      trackingCode: 'LGCY-2345',
      referralId: null,
      residentRef: null,
      applicantName: 'Ali Kazemi',
      trade: 'welding',
      neighbourhoodId: 'nbh-fajr',
      address: 'Fajr, alley 7, no. 21',
      status: 'submitted',
      checklist: [],
      inspection: null,
      decision: null,
      permitNo: null,
      validUntil: null,
      renewals: [],
      history: [{ status: 'submitted', at: now, by: 'tvto.staff' }],
      submittedAt: now,
      updatedAt: now,
      outbox: [],
    });
    await vocationalTrainingService.reference!(service.models, service.deps);
    const stored = (await rawPermit(legacyId))!;
    expect(stored['applicant']).toMatch(sealedForm);
    expect(stored).not.toHaveProperty('applicantName');
    expect(stored).not.toHaveProperty('address');
    expect(JSON.stringify(stored)).not.toMatch(/Kazemi|alley/);
    expect((await service.api('tvto').get(`/permits/${legacyId}`)).body).toMatchObject({
      applicantName: 'Ali Kazemi',
      address: 'Fajr, alley 7, no. 21',
      trackingCode: 'LGCY-2345',
    });
    // Idempotent: a second start finds nothing to seal and changes nothing.
    await vocationalTrainingService.reference!(service.models, service.deps);
    expect((await rawPermit(legacyId))!['applicant']).toBe(stored['applicant']);
  });

  it('rotates its key: a replica given the new key reads records sealed under the previous one, and its start re-seals them; one without it refuses', async () => {
    const oldKeyed = (await rawPermit(permitId))!['applicant'] as string;
    const rotated = await startTvto({
      MONGO_URL: service.config.MONGO_URL,
      PERMITS_PII_ENCRYPTION_KEY: newSealingKey(),
      PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS: service.config.PERMITS_PII_ENCRYPTION_KEY,
    });
    try {
      expect((await rotated.api('tvto').get(`/permits/${permitId}`)).body).toMatchObject({ applicantName: name, address });
      await vocationalTrainingService.reference!(rotated.models, rotated.deps);
      const resealed = (await rawPermit(permitId))!['applicant'] as string;
      expect(resealed).toMatch(sealedForm);
      expect(resealed.split('.')[1]).not.toBe(oldKeyed.split('.')[1]);
      // A process without the new key refuses the record loudly (500), never answers it as plaintext, and would not start.
      expect((await service.api('tvto').get(`/permits/${permitId}`)).status).toBe(500);
      await expect(vocationalTrainingService.reference!(service.models, service.deps)).rejects.toThrow(
        /neither the current sealing key nor one of the previous ones/,
      );
    } finally {
      await rotated.mongo.close();
    }
  });

  it('is sealed in the demo seed as well', async () => {
    const seeded = await startTvto();
    try {
      await vocationalTrainingService.seedDemo!(seeded.deps);
      const stored = await seeded.mongo.collection(tvtoCollections.permits).find({}).limit(100).toArray();
      expect(stored.length).toBeGreaterThanOrEqual(6);
      for (const permit of stored) {
        expect(permit['applicant']).toMatch(sealedForm);
        expect(permit).not.toHaveProperty('address');
      }
      expect(JSON.stringify(stored)).not.toMatch(/محمد رضایی|کوچه/);
      const walkInSeed = (await seeded.api('tvto').get('/permits?limit=100')).body.find(
        (p: { trackingCode: string }) => p.trackingCode === demoTrackingCode(500),
      );
      expect(walkInSeed).toMatchObject({ applicantName: 'محمد رضایی', address: 'فجر، کوچه ۷، پلاک ۲۱' });
    } finally {
      await seeded.close();
    }
  });
});
