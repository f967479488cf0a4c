import { today as day } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, catalogueEntry, eventually } from '../support/stack.js';
import { nationalId } from '../support/people.js';
import { tag } from '../support/people.js';

// Welfare (Behzisti) against the running stack: a clinic refers a household to welfare's social-care
// offer; the welfare officer accepts it at the desk, opens a case from it, assesses, confirms an
// eligibility flag, plans, and closes the case with its goals met — which completes the referral at the
// clinic through the broker. Case details stay in one worker's caseload; coordinators see counts only.

const hardship = {
  income: { level: 'no-income', mainEarnerMonthsUnemployed: 14 },
  housing: { condition: 'overcrowded' },
  health: { disability: 'none', chronicIllness: false },
  household: { members: 4, dependants: 3, earners: 0, femaleHeaded: true },
};

async function publishSocialCareOffer(): Promise<string> {
  const offerId = `welfare-social-case-${tag()}`;
  const created = await call('welfare', '/api/v1/desk/offers', {
    as: 'welfare.officer',
    body: {
      offerId,
      kind: 'social-care',
      title: { fa: 'پرونده مددکاری خانوار', en: 'Household social-work case' },
      eligibility: { fa: 'خانوارهای آسیب‌پذیر', en: 'Vulnerable households' },
      answers: ['social-care'],
      neighbourhoodIds: ['nbh-sarasiab'],
      place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
      schedule: { fa: 'پیگیری ماهانه', en: 'Monthly follow-up' },
      startsOn: null,
      endsOn: null,
      capacity: 5,
      available: 5,
      status: 'open',
    },
  });
  expect(created.status).toBe(201);
  await eventually(() => catalogueEntry(offerId, 'welfare'), 20_000, `offer ${offerId} in the clinics' catalogue`);
  return offerId;
}

async function referAResident(offerId: string) {
  const household = await call('clinics', '/api/v1/households', {
    as: 'clinic.worker',
    body: { clinicId: 'clinic-sarasiab', fileNumber: `IT-W-${tag()}` },
  });
  expect(household.status).toBe(201);
  const resident = await call('clinics', `/api/v1/households/${household.body.id}/residents`, {
    as: 'clinic.worker',
    body: { nationalId: nationalId(), fullName: 'مریم احمدی', phone: '09131234567', relation: 'head', birthYear: 1365 },
  });
  expect(resident.status).toBe(201);
  const consent = await call('clinics', `/api/v1/residents/${resident.body.id}/consents`, {
    as: 'clinic.worker',
    body: { purpose: 'referral', agency: 'welfare', expiresOn: day(365) },
  });
  expect(consent.status).toBe(201);
  const made = await call('clinics', '/api/v1/referrals', {
    as: 'clinic.worker',
    body: { residentId: resident.body.id, offerId, needCategory: 'social-care' },
  });
  expect(made.status).toBe(201);
  return { referralId: made.body.id as string, residentId: resident.body.id as string };
}

/** Whether Keycloak knows the second welfare case worker (added to the realm import; re-imported at the next stack start). */
describe('welfare cases, from a clinic referral to a closed loop', () => {
  it('opens a case from an accepted referral, flags the household, and completes the referral when the goals are met', async () => {
    const offerId = await publishSocialCareOffer();
    const { referralId, residentId } = await referAResident(offerId);

    const received = await eventually(
      async () => {
        const res = await call('welfare', '/api/v1/desk/referrals', { as: 'welfare.officer' });
        return res.body.find((r: { referralId: string }) => r.referralId === referralId);
      },
      20_000,
      'the referral at the welfare desk',
    );
    expect(received).toMatchObject({ residentRef: residentId, householdRef: expect.any(String), state: 'received' });
    expect(
      (await call('welfare', `/api/v1/desk/referrals/${referralId}/accept`, { as: 'welfare.officer', body: { completeBy: day(120) } }))
        .status,
    ).toBe(200);

    const openable = await call('welfare', '/api/v1/cases/openable-referrals', { as: 'welfare.officer' });
    expect(openable.body.map((r: { referralId: string }) => r.referralId)).toContain(referralId);
    const opened = await call('welfare', '/api/v1/cases/from-referral', { as: 'welfare.officer', body: { referralId } });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      caseId: referralId,
      householdRef: received.householdRef,
      worker: 'welfare.officer',
      state: 'opened',
    });
    const path = `/api/v1/cases/${referralId}`;

    const assessed = await call('welfare', `${path}/assessment`, { as: 'welfare.officer', method: 'PUT', body: hardship });
    expect(assessed.body).toMatchObject({ state: 'assessed', level: 'high' });
    const flagged = await call('welfare', `${path}/flags`, { as: 'welfare.officer', body: { flag: 'low-income', validUntil: day(180) } });
    expect(flagged.status).toBe(200);
    expect(flagged.body.activeFlags).toEqual(['low-income']);

    const planned = await call('welfare', `${path}/goals`, { as: 'welfare.officer', body: { text: 'درآمد پایدار' } });
    expect(planned.body.state).toBe('planned');
    const goalId = planned.body.goals[0].goalId;
    const visited = await call('welfare', `${path}/visits`, {
      as: 'welfare.officer',
      body: { visitedOn: day(0), notes: 'بازدید منزل', nextVisitOn: day(30) },
    });
    expect(visited.body.state).toBe('in-follow-up');
    expect((await call('welfare', `${path}/close`, { as: 'welfare.officer', body: { reason: 'goals-met' } })).status).toBe(409);
    await call('welfare', `${path}/goals/${goalId}`, { as: 'welfare.officer', method: 'PUT', body: { met: true } });
    const closed = await call('welfare', `${path}/close`, { as: 'welfare.officer', body: { reason: 'goals-met' } });
    expect(closed.body).toMatchObject({ state: 'closed', referral: { state: 'completed', outcome: 'achieved' } });

    await eventually(
      async () => {
        const res = await call('clinics', `/api/v1/referrals/${referralId}`, { as: 'clinic.worker' });
        return res.body?.state === 'completed' ? res.body : undefined;
      },
      20_000,
      'the referral completed at the clinic',
    );
  });
});

describe('who sees what', () => {
  it('keeps a case in its worker’s caseload; coordinators and auditors read counts only; others are refused', async () => {
    const created = await call('welfare', '/api/v1/cases', {
      as: 'welfare.officer',
      body: { householdRef: randomUUID(), neighbourhoodId: 'nbh-fajr' },
    });
    expect(created.status).toBe(201);
    const path = `/api/v1/cases/${created.body.caseId}`;
    expect((await call('welfare', path, { as: 'welfare.officer' })).status).toBe(200);
    for (const user of ['coordinator', 'auditor', 'tvto.staff', 'relief.officer', 'clinic.worker']) {
      expect((await call('welfare', path, { as: user })).status, user).toBe(403);
    }
    expect((await call('welfare', path)).status).toBe(401);
    expect(
      (await call('welfare', '/api/v1/cases', { as: 'welfare.officer', body: { householdRef: 'x', neighbourhoodId: 'nbh-fajr' } })).status,
    ).toBe(400);

    const summary = await call('welfare', '/api/v1/cases/summary', { as: 'coordinator' });
    expect(summary.status).toBe(200);
    expect(summary.body.totals.total).toBeGreaterThan(0);
    expect(JSON.stringify(summary.body)).not.toContain(created.body.householdRef);
    expect((await call('welfare', '/api/v1/cases/summary', { as: 'auditor' })).status).toBe(200);
    expect((await call('welfare', '/api/v1/cases/summary', { as: 'clinic.worker' })).status).toBe(403);

    // Another case worker of welfare does not see it, and cannot open it.
    expect((await call('welfare', path, { as: 'welfare.officer2' })).status).toBe(403);
    const theirs = await call('welfare', '/api/v1/cases', { as: 'welfare.officer2' });
    expect(theirs.body.map((c: { caseId: string }) => c.caseId)).not.toContain(created.body.caseId);
  });
});
