import { today as day } from '@hamgam/contracts/days';
import { demoUsers } from './realm.js';
import { call, catalogueEntry, eventually, type ServiceName } from './stack.js';
import { nationalId, tag } from './people.js';

/**
 * Objects that belong to one clinic, caseload or agency, made through the API on a stack that may have
 * no demo data (the test run seeds none): per clinic worker a household, its resident with a consent,
 * a calendar slot booking and a referral to welfare; per welfare case worker an assessed case with a goal. The
 * object-level suite finds them (and whatever else the stack holds) by reading the services' lists.
 */

async function created(what: string, answer: Promise<{ status: number; body: any }>): Promise<any> {
  const { status, body } = await answer;
  if (status !== 200 && status !== 201) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** A new offer of this agency (published by one of its staff) once the clinics' catalogue shows it; its id. */
async function publishOffer(agency: ServiceName, staff: string): Promise<string> {
  // No offerId: the desk makes one with its agency's prefix.
  const { offerId } = await created(
    `${agency} offer`,
    call(agency, '/api/v1/desk/offers', {
      as: staff,
      body: {
        kind: 'social-care',
        title: { fa: 'پرونده مددکاری', en: `Social-work case ${tag()}` },
        eligibility: { fa: 'خانوارها', en: 'Households' },
        answers: ['social-care'],
        neighbourhoodIds: [],
        place: { fa: 'کلینیک', en: 'The clinic' },
        schedule: { fa: 'ماهانه', en: 'Monthly' },
        startsOn: null,
        endsOn: null,
        capacity: 50,
        available: 50,
        status: 'open',
      },
    }),
  );
  await eventually(() => catalogueEntry(offerId, agency), 20_000, `offer ${offerId} in the clinics' catalogue`);
  return offerId;
}

/** A household with a resident, consent, booking and referral at this worker's clinic; the referral id. */
async function clinicObjects(worker: string, clinicId: string, offerId: string, agency: ServiceName = 'welfare'): Promise<string> {
  const household = await created(
    'household',
    call('clinics', '/api/v1/households', { as: worker, body: { clinicId, fileNumber: `SEC-${tag()}` } }),
  );
  const resident = await created(
    'resident',
    call('clinics', `/api/v1/households/${household.id}/residents`, {
      as: worker,
      body: { nationalId: nationalId(), fullName: 'زهرا کاظمی', phone: '09131234567', relation: 'head', birthYear: 1368 },
    }),
  );
  await created(
    'consent',
    call('clinics', `/api/v1/residents/${resident.id}/consents`, {
      as: worker,
      body: { purpose: 'referral', agency, expiresOn: day(365) },
    }),
  );
  const slot = await created(
    'slot',
    call('clinics', '/api/v1/calendar/slots', {
      as: worker,
      body: { clinicId, kind: 'tvto-counselling', capacity: 5, startsAt: `${day(7)}T06:30:00Z`, durationMinutes: 30 },
    }),
  );
  await created(
    'booking',
    call('clinics', `/api/v1/calendar/slots/${slot.id}/bookings`, { as: worker, body: { residentId: resident.id } }),
  );
  const referral = await created(
    'referral',
    call('clinics', '/api/v1/referrals', { as: worker, body: { residentId: resident.id, offerId, needCategory: 'social-care' } }),
  );
  return referral.id as string;
}

const hardship = {
  income: { level: 'no-income', mainEarnerMonthsUnemployed: 14 },
  housing: { condition: 'overcrowded' },
  health: { disability: 'none', chronicIllness: false },
  household: { members: 4, dependants: 3, earners: 0, femaleHeaded: true },
};

/** Waits until the agency's desk shows the referral to this staff member. */
const atDesk = (agency: ServiceName, staff: string, referralId: string) =>
  eventually(
    async () => {
      const res = await call(agency, '/api/v1/desk/referrals?limit=100', { as: staff });
      return res.body?.find?.((r: { referralId: string }) => r.referralId === referralId);
    },
    20_000,
    `referral ${referralId} at the ${agency} desk`,
  );

/**
 * A referral from clinic.worker's clinic to a new offer of this agency, once the agency's desk holds it
 * (a stack without demo data has none for some agencies); its id.
 */
export async function referralAtDesk(agency: ServiceName, staff: string): Promise<string> {
  const worker = demoUsers.find((u) => u.username === 'clinic.worker')!;
  const referralId = await clinicObjects(worker.username, worker.clinicIds[0]!, await publishOffer(agency, staff), agency);
  await atDesk(agency, staff, referralId);
  return referralId;
}

/** A case with a goal in this welfare worker's caseload, opened from the referral. */
async function caseObjects(worker: string, referralId: string): Promise<void> {
  await atDesk('welfare', worker, referralId);
  await created('accept', call('welfare', `/api/v1/desk/referrals/${referralId}/accept`, { as: worker, body: { completeBy: day(120) } }));
  await created('case', call('welfare', '/api/v1/cases/from-referral', { as: worker, body: { referralId } }));
  await created('assessment', call('welfare', `/api/v1/cases/${referralId}/assessment`, { as: worker, method: 'PUT', body: hardship }));
  await created('goal', call('welfare', `/api/v1/cases/${referralId}/goals`, { as: worker, body: { text: 'درآمد پایدار' } }));
}

export async function makeOwnedObjects(): Promise<void> {
  const clinicWorkers = demoUsers.filter((u) => u.roles.includes('clinic-worker') && u.clinicIds.length > 0);
  const caseWorkers = demoUsers.filter((u) => u.roles.includes('welfare-officer'));
  const offerId = await publishOffer('welfare', 'welfare.officer');
  const referrals = await Promise.all(clinicWorkers.map((w) => clinicObjects(w.username, w.clinicIds[0]!, offerId)));
  await Promise.all(caseWorkers.map((w, i) => caseObjects(w.username, referrals[i % referrals.length]!)));
}
