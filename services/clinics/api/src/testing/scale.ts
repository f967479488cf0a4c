import { demoOffers, demoTrackingCode, demoUuid, scalePlaces } from '@hamgam/demo-data';
import { needCategories, type NeedCategory } from '@hamgam/contracts';
import { addDays } from '@hamgam/contracts/days';
import { piiFromConfig, type ClinicsConfig } from '../config.js';
import type { ClinicsModels } from '../deps.js';
import { householdRelations } from '../data/residents.js';
import { seededRandom } from '../data/demo-people.js';
import { withCheckDigit } from '../domain/national-id.js';

/**
 * A province-sized register for `npm run bench:scale`, on `scalePlaces` (the first clinic is Sar Asiab,
 * whose staff the bench acts as), in the ratios the clinics see: 1–7 residents a
 * household (4 on average), one needs assessment per household, a referral for one household in eight
 * (every state, one in ten of the open ones overdue) with the consent it needed, and one access-log
 * entry per household. Written with insertMany in batches straight into the service's collections, so
 * seeding 100k households takes minutes rather than hours of API calls.
 */
export interface ScaleRegister {
  households: number;
  /** National ids of residents of the first clinic (for the duplicate-check timing). */
  sampleNationalIds: string[];
  /** Referrals made by the first clinic (for the detail-route timings). */
  sampleReferralIds: string[];
  /** Residents of the first clinic who consented to referral to vocational training but have no referral yet. */
  referableResidentIds: string[];
}

const dayMs = 86_400_000;
const batchSize = 2_000;
const referableSample = 200;
const states = ['sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
const referralOffer = demoOffers.find((offer) => offer.agency === 'vocational-training' && offer.neighbourhoodIds.length === 0)!;

export const scaleNationalId = (n: number) => withCheckDigit(String(100_000_000 + n).slice(-9));

export async function seedScaleRegister(
  models: ClinicsModels,
  config: ClinicsConfig,
  households: number,
  now = new Date(),
): Promise<ScaleRegister> {
  const pii = piiFromConfig(config);
  const random = seededRandom(`scale:${households}`);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const register: ScaleRegister = { households, sampleNationalIds: [], sampleReferralIds: [], referableResidentIds: [] };
  const places = scalePlaces(households);
  // The demo's four places are reference data already; the province's others are added like them.
  const added = places.filter((place) => place.clinicId.startsWith('clinic-scale-'));
  await models.neighbourhoods.insertMany(
    added.map(({ neighbourhoodId }) => ({
      _id: neighbourhoodId,
      name: { fa: neighbourhoodId, en: neighbourhoodId },
      countyId: 'county-kerman',
      county: { fa: 'کرمان', en: 'Kerman' },
      provinceId: 'province-kerman',
      province: { fa: 'کرمان', en: 'Kerman' },
    })),
  );
  await models.clinics.insertMany(
    added.map(({ clinicId, neighbourhoodId }) => ({ _id: clinicId, name: { fa: clinicId, en: clinicId }, neighbourhoodId })),
  );
  await models.offers.insertMany([
    { ...referralOffer, _id: referralOffer.offerId, revision: 1, publishedAt: now, receivedAt: now, capacity: 1e6, available: 1e6 },
  ]);
  let person = 0;
  for (let start = 0; start < households; start += batchSize) {
    const batch = {
      households: [] as object[],
      residents: [] as object[],
      assessments: [] as object[],
      referrals: [] as object[],
      consents: [] as object[],
      access: [] as object[],
    };
    for (let h = start; h < Math.min(households, start + batchSize); h++) {
      const { clinicId, neighbourhoodId } = places[h % places.length]!;
      // The household's number within its clinic: every clinic refers one household in eight.
      const n = Math.floor(h / places.length);
      const firstClinic = h % places.length === 0;
      const householdId = demoUuid('scale-household', h);
      const registeredAt = new Date(now.getTime() - (1 + (h % 700)) * dayMs);
      batch.households.push({
        _id: householdId,
        clinicId,
        neighbourhoodId,
        fileNumber: `S-${h}`,
        registeredBy: 'scale-seed',
        registeredAt,
      });
      const members = 1 + Math.floor(random() * 7);
      const residentIds: string[] = [];
      for (let m = 0; m < members; m++, person++) {
        const nationalId = scaleNationalId(person);
        const residentId = demoUuid('scale-resident', person);
        residentIds.push(residentId);
        if (firstClinic && register.sampleNationalIds.length < 50 && m === 0) register.sampleNationalIds.push(nationalId);
        batch.residents.push({
          _id: residentId,
          householdId,
          clinicId,
          neighbourhoodId,
          relation: m === 0 ? 'head' : pick(householdRelations.slice(1)),
          birthYear: 1330 + Math.floor(random() * 70),
          ...{
            pii: pii.encrypt({ nationalId, fullName: `ساکن ${person}`, phone: `0913${String(person).padStart(7, '0')}` }),
            nationalIdIndex: pii.blindIndex(nationalId),
            nameIndex: pii.nameIndex(`ساکن ${person}`),
          },
          registeredBy: 'scale-seed',
          registeredAt,
          updatedAt: registeredAt,
        });
      }
      const needs = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(needCategories)))].map(
        (category: NeedCategory) => ({ category, severity: 1 + Math.floor(random() * 3) }),
      );
      batch.assessments.push({
        _id: demoUuid('scale-assessment', h),
        neighbourhoodId,
        clinicId,
        householdRef: householdId,
        needs,
        recordedBy: 'scale-seed',
        createdAt: registeredAt,
      });
      batch.access.push({
        _id: demoUuid('scale-access', h),
        residentId: residentIds[0],
        clinicId,
        action: 'register',
        actor: 'scale-seed',
        actorName: 'scale seed',
        at: registeredAt,
      });
      const consent = (residentId: string) => ({
        _id: demoUuid('scale-consent', h),
        residentId,
        clinicId,
        purpose: 'referral',
        agency: referralOffer.agency,
        grantedAt: registeredAt,
        expiresOn: addDays(now, 365),
        grantedBy: 'scale-seed',
        withdrawnAt: null,
        withdrawnBy: null,
      });
      if (n % 8 === 0) {
        const madeAt = new Date(now.getTime() - (h % 60) * dayMs);
        const state = states[(n / 8) % states.length]!;
        batch.consents.push(consent(residentIds[0]!));
        if (firstClinic && register.sampleReferralIds.length < 100) register.sampleReferralIds.push(demoUuid('scale-referral', h));
        batch.referrals.push({
          _id: demoUuid('scale-referral', h),
          trackingCode: demoTrackingCode(10_000_000 + h),
          agency: referralOffer.agency,
          offerId: referralOffer.offerId,
          offer: { title: referralOffer.title, place: referralOffer.place, schedule: referralOffer.schedule },
          clinicId,
          neighbourhoodId,
          residentId: residentIds[0],
          needCategory: referralOffer.answers[0],
          state,
          respondBy: addDays(madeAt, 7),
          completeBy: state === 'accepted' ? addDays(madeAt, 60) : null,
          steps: [{ kind: 'made', at: madeAt }],
          madeBy: 'scale-seed',
          madeAt,
          updatedAt: madeAt,
          outbox: [],
        });
      } else if (firstClinic && register.referableResidentIds.length < referableSample) {
        batch.consents.push(consent(residentIds[0]!));
        register.referableResidentIds.push(residentIds[0]!);
      }
    }
    await Promise.all([
      models.households.insertMany(batch.households),
      models.residents.insertMany(batch.residents),
      models.assessments.insertMany(batch.assessments),
      models.accessLog.insertMany(batch.access),
      batch.referrals.length > 0 ? models.referrals.insertMany(batch.referrals) : undefined,
      batch.consents.length > 0 ? models.consents.insertMany(batch.consents) : undefined,
    ]);
  }
  return register;
}
