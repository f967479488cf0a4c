import { today as day } from '@hamgam/contracts/days';
import { describe, expect, it } from 'vitest';
import { call, catalogueEntry, eventually, shellUrl } from '../support/stack.js';
import { nationalId } from '../support/people.js';
import { tag } from '../support/people.js';

// The closed loop against the running stack: a clinic worker refers a resident (with consent) to a
// TVTO offer; TVTO staff answer through their desk; the clinic's referral follows through the broker,
// and so does the resident's public tracking page.

async function registerResident(withConsentFor?: string): Promise<string> {
  const household = await call('clinics', '/api/v1/households', {
    as: 'clinic.worker',
    body: { clinicId: 'clinic-sarasiab', fileNumber: `IT-${tag()}` },
  });
  expect(household.status).toBe(201);
  const resident = await call('clinics', `/api/v1/households/${household.body.id}/residents`, {
    as: 'clinic.worker',
    body: { nationalId: nationalId(), fullName: 'فاطمه رضایی', phone: '09131234567', relation: 'head', birthYear: 1368 },
  });
  expect(resident.status).toBe(201);
  if (withConsentFor) {
    const consent = await call('clinics', `/api/v1/residents/${resident.body.id}/consents`, {
      as: 'clinic.worker',
      body: { purpose: 'referral', agency: withConsentFor, expiresOn: day(365) },
    });
    expect(consent.status).toBe(201);
  }
  return resident.body.id;
}

async function publishOffer(): Promise<string> {
  const offerId = `tvto-loop-${tag()}`;
  const created = await call('vocational-training', '/api/v1/desk/offers', {
    as: 'tvto.staff',
    body: {
      offerId,
      kind: 'course',
      title: { fa: 'دوره گلدوزی خانگی', en: 'Home embroidery course' },
      eligibility: { fa: 'ساکنان ۱۸ سال به بالا', en: 'Residents aged 18+' },
      answers: ['skills-training'],
      neighbourhoodIds: ['nbh-sarasiab'],
      place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
      schedule: { fa: 'دوشنبه‌ها ۹ تا ۱۲', en: 'Mondays 9–12' },
      startsOn: day(10),
      endsOn: day(70),
      capacity: 10,
      available: 10,
      status: 'open',
    },
  });
  expect(created.status).toBe(201);
  await eventually(() => catalogueEntry(offerId, 'vocational-training'), 20_000, `offer ${offerId} in the clinics' catalogue`);
  return offerId;
}

const track = async (code: string) => call('clinics', `/api/v1/tracking/${code}`);

const clinicState = (referralId: string, state: string) =>
  eventually(
    async () => {
      const res = await call('clinics', `/api/v1/referrals/${referralId}`, { as: 'clinic.worker' });
      return res.body?.state === state ? res.body : undefined;
    },
    20_000,
    `referral ${referralId} ${state} at the clinic`,
  );

const atDesk = (referralId: string, state = 'received') =>
  eventually(
    async () => {
      const res = await call('vocational-training', '/api/v1/desk/referrals', { as: 'tvto.staff' });
      return res.body.find((r: { referralId: string; state: string }) => r.referralId === referralId && r.state === state);
    },
    20_000,
    `referral ${referralId} ${state} at the TVTO desk`,
  );

describe('referrals, closed loop (clinics ⇄ vocational-training)', () => {
  it('refers with consent, TVTO accepts then completes, and the clinic, the timeline and the public page follow', async () => {
    const offerId = await publishOffer();
    const residentId = await registerResident('vocational-training');

    const made = await call('clinics', '/api/v1/referrals', {
      as: 'clinic.worker',
      body: { residentId, offerId, needCategory: 'skills-training' },
    });
    expect(made.status).toBe(201);
    const { id: referralId, trackingCode } = made.body;
    expect(trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(made.body).toMatchObject({ state: 'sent', respondBy: expect.any(String), overdue: false });

    const sent = await track(trackingCode);
    expect(sent.status).toBe(200);
    expect(Object.keys(sent.body).sort()).toEqual(['code', 'lastUpdate', 'nextStep', 'status', 'statusLabel']);
    expect(sent.body.status).toBe('sent');
    expect(JSON.stringify(sent.body)).not.toContain(residentId);

    // TVTO sees only opaque ids: the resident as residentRef, no name.
    const received = await atDesk(referralId);
    expect(received).toMatchObject({ trackingCode, residentRef: residentId, offerId });
    expect(JSON.stringify(received)).not.toContain('فاطمه');

    const accepted = await call('vocational-training', `/api/v1/desk/referrals/${referralId}/accept`, {
      as: 'tvto.staff',
      body: { completeBy: day(60) },
    });
    expect(accepted.status).toBe(200);
    expect(await clinicState(referralId, 'accepted')).toMatchObject({ completeBy: day(60), dueOn: day(60) });
    const afterAccept = await track(trackingCode);
    expect(afterAccept.body.status).toBe('accepted');
    expect(afterAccept.body.nextStep.en).toBe('Attend Sar Asiab clinic; Mondays 9–12.');

    // Through the shell's proxy, without logging in, as the resident's browser calls it.
    const viaShell = await fetch(`${shellUrl}/api/clinics/v1/tracking/${trackingCode}`);
    expect(viaShell.status).toBe(200);
    expect(((await viaShell.json()) as { status: string }).status).toBe('accepted');

    const completed = await call('vocational-training', `/api/v1/desk/referrals/${referralId}/complete`, {
      as: 'tvto.staff',
      body: { outcome: 'achieved' },
    });
    expect(completed.status).toBe(200);
    await clinicState(referralId, 'completed');
    expect((await track(trackingCode)).body.status).toBe('completed');

    const timeline = await call('clinics', `/api/v1/residents/${residentId}/timeline`, { as: 'clinic.worker' });
    expect(timeline.body.map((e: { kind: string }) => e.kind)).toEqual(['referral.completed', 'referral.accepted', 'referral.made']);
    expect((await call('clinics', `/api/v1/residents/${residentId}/timeline`, { as: 'clinic.worker2' })).status).toBe(403);
    expect((await call('clinics', `/api/v1/referrals/${referralId}`, { as: 'clinic.worker2' })).status).toBe(403);
  });

  it('refuses without consent; a declined referral tells the clinic and the resident', async () => {
    const offerId = await publishOffer();
    const withoutConsent = await registerResident();
    const refused = await call('clinics', '/api/v1/referrals', { as: 'clinic.worker', body: { residentId: withoutConsent, offerId } });
    expect(refused.status).toBe(409);

    const residentId = await registerResident('vocational-training');
    const made = await call('clinics', '/api/v1/referrals', { as: 'clinic.worker', body: { residentId, offerId } });
    expect(made.status).toBe(201);
    await atDesk(made.body.id);
    const declined = await call('vocational-training', `/api/v1/desk/referrals/${made.body.id}/decline`, {
      as: 'tvto.staff',
      body: { reason: 'not-eligible' },
    });
    expect(declined.status).toBe(200);
    const atClinic = await clinicState(made.body.id, 'declined');
    expect(atClinic.steps.at(-1)).toMatchObject({ kind: 'declined', reason: 'not-eligible' });
    const page = await track(made.body.trackingCode);
    expect(page.body).toMatchObject({ status: 'declined', statusLabel: { en: 'Not accepted' } });
  });

  it('withdraws a referral: TVTO’s desk hears it, and the referral no longer counts as open', async () => {
    const offerId = await publishOffer();
    const residentId = await registerResident('vocational-training');
    const made = await call('clinics', '/api/v1/referrals', { as: 'clinic.worker', body: { residentId, offerId } });
    expect(made.status).toBe(201);
    await atDesk(made.body.id);
    const withdrawn = await call('clinics', `/api/v1/referrals/${made.body.id}/withdraw`, {
      as: 'clinic.worker',
      body: { reason: 'resident-request' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    await atDesk(made.body.id, 'withdrawn');
    const late = await call('vocational-training', `/api/v1/desk/referrals/${made.body.id}/accept`, {
      as: 'tvto.staff',
      body: { completeBy: day(30) },
    });
    expect(late.status).toBe(409);
    expect((await track(made.body.trackingCode)).body.status).toBe('withdrawn');
  });
});
