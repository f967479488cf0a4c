import { randomUUID } from 'node:crypto';
import { demoClinics, demoHouseholdRef, demoReferrals, demoResidentIndex, demoResidentRef } from '@hamgam/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { piiFromConfig } from '../config.js';
import { consentCovers } from '../domain/consent.js';
import { isValidNationalId } from '../domain/national-id.js';
import { submissionProblems } from '../domain/questionnaire.js';
import { startApiHarness, type ApiHarness } from '../testing/harness.js';
import { seedClinicsDemo } from './demo.js';
import { answersFromStored } from './assessments.js';
import { demoRegister } from './demo-residents.js';

const now = new Date('2026-11-20T09:00:00Z');
const people: { nationalId: string; fullName: string; phone: string }[] = [];
const register = demoRegister(now, (p) => {
  people.push(p);
  return { pii: `sealed:${people.length - 1}`, nationalIdIndex: p.nationalId };
});

describe('demo register', () => {
  it('has a few hundred households across the four clinics, each assessed once with a complete questionnaire', () => {
    expect(register.households.length).toBeGreaterThanOrEqual(200);
    for (const { clinicId } of demoClinics) expect(register.households.some((h) => h.clinicId === clinicId)).toBe(true);
    expect(register.assessments.map((a) => a.householdRef).sort()).toEqual(register.households.map((h) => h._id).sort());
    for (const a of register.assessments) {
      expect(submissionProblems({ needs: a.needs as never, answers: answersFromStored(a.answers) })).toEqual([]);
    }
  });

  it('numbers residents per clinic as the demo universe does, with valid, unique national ids and Persian names', () => {
    demoClinics.forEach(({ clinicId }, k) => {
      for (let n = 0; n < 8; n++) {
        const head = register.residents.find((r) => r._id === demoResidentRef(demoResidentIndex(k, n)));
        expect(head).toMatchObject({ clinicId, relation: 'head', householdId: demoHouseholdRef(demoResidentIndex(k, n)) });
      }
    });
    expect(people.every((p) => isValidNationalId(p.nationalId))).toBe(true);
    expect(new Set(people.map((p) => p.nationalId)).size).toBe(people.length);
    expect(new Set(register.residents.map((r) => r._id)).size).toBe(register.residents.length);
    expect(people[0]!.fullName).toMatch(/^[\u0600-\u06ff ]+$/);
    expect(people[0]!.phone).toMatch(/^0913\d{7}$/);
  });

  it('has the consent of every referred resident for that agency at the moment of the referral', () => {
    for (const referral of demoReferrals) {
      const consents = register.consents.filter((c) => c.residentId === referral.residentRef);
      const madeAt = new Date(now.getTime() - referral.madeDaysAgo * 86_400_000);
      expect(consentCovers(consents, { purpose: 'referral', agency: referral.agency, at: madeAt })).toBe(true);
    }
  });
});

describe('demo seed on a database', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it('stores the register once beside what staff already recorded, leaves Sar Asiab unpublished, and keeps personal data sealed', async () => {
    const deps = h.deps;
    // A database where tests or staff recorded a household first (e.g. \`npm test\`, then \`npm start\`).
    const other = randomUUID();
    await h.models.households.create({
      _id: other,
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      fileNumber: 'E2E-0001',
      registeredBy: 'test',
      registeredAt: new Date(),
    });
    await seedClinicsDemo(deps);
    const counts = async () => ({
      households: await h.models.households.countDocuments(),
      residents: await h.models.residents.countDocuments(),
      assessments: await h.models.assessments.countDocuments(),
      lists: await h.models.priorityLists.countDocuments(),
    });
    const first = await counts();
    expect(first.households).toBe(register.households.length + 1);
    expect(first.assessments).toBe(register.households.length);
    expect(first.lists).toBe(3);
    await seedClinicsDemo(deps);
    expect(await counts()).toEqual(first);
    expect(await h.models.priorityLists.countDocuments({ neighbourhoodId: 'nbh-sarasiab' })).toBe(0);
    expect(await h.models.assessments.countDocuments({ neighbourhoodId: 'nbh-sarasiab' })).toBeGreaterThan(0);
    const resident = await h.models.residents.findById(demoResidentRef(0)).lean();
    expect(resident!.clinicId).toBe('clinic-sarasiab');
    const personal = piiFromConfig(h.config).decrypt(resident!.pii);
    expect(isValidNationalId(personal.nationalId)).toBe(true);
    expect(resident!.pii).not.toContain(personal.nationalId);
  }, 60_000);
});
