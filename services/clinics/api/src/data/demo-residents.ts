import { demoClinics, demoHouseholdRef, demoReferrals, demoResidentIndex, demoResidentRef, demoUuid } from '@hamgam/demo-data';
import { partnerAgencies } from '@hamgam/contracts';
import { addDays } from '@hamgam/contracts/days';
import { isDuplicateKey } from '@hamgam/service-kit';
import { piiFromConfig } from '../config.js';
import { demoAssessments } from './demo-households.js';
import { demoAnswers, demoFamilyName, demoPerson, seededRandom } from './demo-people.js';
import { answersToStored } from './assessments.js';
import type { ClinicsDeps } from '../deps.js';
import { householdRelations, type StoredResident } from './residents.js';
import { type StoredConsent } from './consents.js';
import { type StoredHousehold } from './households.js';

const dayMs = 86_400_000;
/** Households per clinic: four clinics make a few hundred. */
export const demoHouseholdsPerClinic = 75;

export interface DemoRegister {
  households: StoredHousehold[];
  residents: StoredResident[];
  consents: StoredConsent[];
  assessments: {
    _id: string;
    neighbourhoodId: string;
    clinicId: string;
    householdRef: string;
    needs: { category: string; severity: number }[];
    answers: { question: string; value: boolean | number | string }[];
    recordedBy: string;
    createdAt: Date;
  }[];
}

/**
 * The clinics' demo register: households with 1–4 residents each, numbered per clinic so that household
 * `n` of clinic `k` is `demoHouseholdRef(demoResidentIndex(k, n))` and its head `demoResidentRef(…)` of the
 * same number (the demo referrals of every service point at them); each household assessed once; each referred resident consenting to the
 * referral with that agency (and some to eligibility sharing).
 */
export function demoRegister(
  now: Date,
  seal: (p: { nationalId: string; fullName: string; phone: string }) => { pii: string; nationalIdIndex: string; nameIndex?: string[] },
): DemoRegister {
  const register: DemoRegister = { households: [], residents: [], consents: [], assessments: [] };
  demoClinics.forEach(({ clinicId, neighbourhoodId }, k) => {
    const assessed = demoAssessments(neighbourhoodId, demoHouseholdsPerClinic);
    let n = 0;
    for (let i = 0; i < demoHouseholdsPerClinic; i++) {
      const random = seededRandom(`household:${k}:${i}`);
      const householdId = demoHouseholdRef(demoResidentIndex(k, i));
      const registeredAt = new Date(now.getTime() - (200 - i) * dayMs);
      register.households.push({
        _id: householdId,
        clinicId,
        neighbourhoodId,
        fileNumber: `${clinicId.slice(7, 10).toUpperCase()}-${String(i + 1).padStart(4, '0')}`,
        registeredBy: 'demo-seed',
        registeredAt,
      });
      const members = 1 + Math.floor(random() * 4);
      for (let m = 0; m < members; m++, n++) {
        const person = demoPerson(k, n, demoFamilyName(k, i));
        register.residents.push({
          // The head of household i is demo resident i (the demo referrals name them); the others are numbered apart.
          _id: m === 0 ? demoResidentRef(demoResidentIndex(k, i)) : demoUuid('household-member', demoResidentIndex(k, n)),
          householdId,
          clinicId,
          neighbourhoodId,
          relation: m === 0 ? 'head' : householdRelations[1 + Math.floor(random() * 3)]!,
          birthYear: person.birthYear,
          ...seal(person),
          registeredBy: 'demo-seed',
          registeredAt,
          updatedAt: registeredAt,
        });
      }
      const needs = assessed[i]!.needs;
      register.assessments.push({
        _id: demoUuid('assessment', demoResidentIndex(k, i)),
        neighbourhoodId,
        clinicId,
        householdRef: householdId,
        needs,
        answers: answersToStored(demoAnswers(needs, householdId)),
        recordedBy: 'demo-seed',
        createdAt: new Date(registeredAt.getTime() + dayMs),
      });
    }
  });
  const expiresOn = addDays(now, 365);
  for (const referral of demoReferrals) {
    const resident = register.residents.find((r) => r._id === referral.residentRef);
    if (!resident)
      throw new Error(`demo referral ${referral.referralId} names resident ${referral.residentRef}, who is not in the register`);
    const grantedAt = new Date(now.getTime() - (referral.madeDaysAgo + 1) * dayMs);
    register.consents.push({
      _id: demoUuid('consent', register.consents.length),
      residentId: resident._id,
      clinicId: resident.clinicId,
      purpose: 'referral',
      agency: referral.agency,
      grantedAt,
      expiresOn,
      grantedBy: 'demo-seed',
      withdrawnAt: null,
      withdrawnBy: null,
    });
  }
  // A few residents who agreed to their eligibility being shared with every partner agency.
  for (const resident of register.residents.filter((_, index) => index % 17 === 5)) {
    for (const agency of partnerAgencies) {
      register.consents.push({
        _id: demoUuid('consent', register.consents.length),
        residentId: resident._id,
        clinicId: resident.clinicId,
        purpose: 'eligibility-sharing',
        agency,
        grantedAt: resident.registeredAt,
        expiresOn,
        grantedBy: 'demo-seed',
        withdrawnAt: null,
        withdrawnBy: null,
      });
    }
  }
  return register;
}

/** Stores the demo register once (skipped when households exist); returns whether it wrote anything. */
export async function seedDemoResidents({ models, config, clock }: Pick<ClinicsDeps, 'models' | 'config' | 'clock'>): Promise<boolean> {
  const pii = piiFromConfig(config);
  const register = demoRegister(clock.now(), (person) => ({
    pii: pii.encrypt(person),
    nationalIdIndex: pii.blindIndex(person.nationalId),
    nameIndex: pii.nameIndex(person.fullName),
  }));
  // The register's last record is written last: if it is there, the whole register is (whatever else the
  // database holds, e.g. what tests or staff recorded).
  if (await models.assessments.exists({ _id: register.assessments.at(-1)!._id })) return false;
  const insert = async (model: { insertMany: (docs: never[], options: { ordered: false }) => Promise<unknown> }, docs: unknown[]) => {
    try {
      await model.insertMany(docs as never[], { ordered: false });
    } catch (error) {
      // A seed interrupted half-way and run again: what exists already stays as it is.
      if (!isDuplicateKey(error)) throw error;
    }
  };
  await insert(models.households, register.households);
  await insert(models.residents, register.residents);
  await insert(models.consents, register.consents);
  await insert(models.assessments, register.assessments);
  return true;
}
