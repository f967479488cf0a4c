import { describe, expect, it } from 'vitest';
import { reliefForTests } from '../testing/harness.js';

// The facts relief hears (TVTO's certificates, welfare's flags and their revocations) and how they decide a
// request (see reliefForTests).
const { service, deliver, api, completion, flagged, direct } = reliefForTests();

describe('eligibility drawn from TVTO and welfare events', () => {
  it('becomes eligible as a completion and a flag arrive (in any order, each counted once), and ineligible when the flag is revoked', async () => {
    const body = direct();
    const created = (await api('relief').post('/support-requests', body)).body;
    const flag = flagged(body.householdRef);
    const first = await deliver('welfare.eligibility.flagged', flag);
    await deliver('welfare.eligibility.flagged', flag, first.id);
    await deliver('welfare.eligibility.flagged', flag);
    expect((await api('relief').get(`/support-requests/${created.requestId}`)).body.state).toBe('ineligible');
    // A failed course is no certificate; a passed one is.
    await deliver('vocational-training.enrolment.completed', completion(body.residentRef, { result: 'failed', certificateNo: null }));
    expect((await api('relief').get(`/support-requests/${created.requestId}`)).body.state).toBe('ineligible');
    const passed = completion(body.residentRef);
    await deliver('vocational-training.enrolment.completed', passed);
    await deliver('vocational-training.enrolment.completed', passed);
    const eligible = (await api('relief').get(`/support-requests/${created.requestId}`)).body;
    expect(eligible).toMatchObject({
      state: 'eligible',
      assessment: { eligible: true, validFlags: ['low-income'] },
      eligibleToday: { eligible: true },
    });
    expect(eligible.facts.certificates).toHaveLength(1);
    expect(eligible.facts.flags).toEqual([expect.objectContaining({ flagId: flag.flagId, status: 'valid' })]);
    await deliver('welfare.eligibility.revoked', {
      flagId: flag.flagId,
      householdRef: body.householdRef,
      flag: 'low-income',
      revokedAt: service().clock.now().toISOString(),
    });
    const revoked = (await api('relief').get(`/support-requests/${created.requestId}`)).body;
    expect(revoked).toMatchObject({
      state: 'ineligible',
      assessment: { reasons: ['certificate', 'welfare-flag-revoked', 'means-test-not-done'] },
    });
  });

  it('keeps a flag revoked when its revocation arrived first', async () => {
    const body = direct();
    await deliver('vocational-training.enrolment.completed', completion(body.residentRef));
    const flag = flagged(body.householdRef);
    await deliver('welfare.eligibility.revoked', {
      flagId: flag.flagId,
      householdRef: body.householdRef,
      flag: 'low-income',
      revokedAt: service().clock.now().toISOString(),
    });
    await deliver('welfare.eligibility.flagged', flag);
    const created = (await api('relief').post('/support-requests', body)).body;
    expect(created.state).toBe('ineligible');
    expect(created.facts.flags).toEqual([expect.objectContaining({ flag: 'low-income', status: 'revoked' })]);
    // The committee's own means test carries the certified resident.
    const tested = await api('relief').put(`/support-requests/${created.requestId}/means-test`, { meansTest: 'passed' });
    expect(tested.body).toMatchObject({ state: 'eligible', meansTest: 'passed' });
  });
});
