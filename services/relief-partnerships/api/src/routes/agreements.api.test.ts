import { describe, expect, it } from 'vitest';
import { addDays } from '../domain/days.js';
import { reliefForTests } from '../testing/harness.js';

// Partnership agreements and joint meetings through the API (see reliefForTests).
const { service, today, api } = reliefForTests();

describe('agreements and joint meetings', () => {
  const agreement = (partner: string, extra: object = {}) => ({
    partner,
    title: 'Home business support',
    scope: 'Loans for certified residents',
    startsOn: addDays(today(), -10),
    endsOn: addDays(today(), 300),
    signedOn: addDays(today(), -12),
    status: 'signed',
    ...extra,
  });

  it('each partner’s own officer records and edits its agreements; the other is refused', async () => {
    expect((await api('basij').post('/agreements', agreement('relief-committee'))).status).toBe(403);
    expect((await api('relief').post('/agreements', agreement('basij-construction'))).status).toBe(403);
    expect((await api('coordinator').post('/agreements', agreement('relief-committee'))).status).toBe(403);
    expect((await api('relief').post('/agreements', agreement('relief-committee', { endsOn: addDays(today(), -20) }))).body).toMatchObject({
      status: 422,
      code: 'agreement-ends-before-start',
      field: 'endsOn',
    });
    expect((await api('relief').post('/agreements', agreement('relief-committee', { status: 'draft' }))).body).toMatchObject({
      status: 422,
      code: 'draft-signed',
      field: 'signedOn',
    });
    expect(await service().models.agreements.countDocuments({})).toBe(0);
    const relief = await api('relief').post('/agreements', agreement('relief-committee'));
    expect(relief.body).toMatchObject({ standing: 'active', partner: 'relief-committee' });
    const basij = await api('basij').post('/agreements', agreement('basij-construction', { status: 'draft', signedOn: null }));
    expect(basij.body.standing).toBe('draft');
    expect((await api('relief').put(`/agreements/${basij.body.agreementId}`, agreement('basij-construction'))).status).toBe(403);
    expect((await api('basij').put(`/agreements/${basij.body.agreementId}`, agreement('relief-committee'))).body).toMatchObject({
      status: 422,
      code: 'agreement-partner-fixed',
      field: 'partner',
    });
    const signed = await api('basij').put(`/agreements/${basij.body.agreementId}`, agreement('basij-construction'));
    expect(signed.body).toMatchObject({ status: 'signed', standing: 'active' });
    expect((await api('auditor').get('/agreements')).body).toHaveLength(2);
    expect((await api('worker').get('/agreements')).status).toBe(403);
  });

  it('records held joint meetings with a partner present', async () => {
    const meeting = {
      heldOn: today(),
      title: 'Joint meeting',
      attendees: ['relief-committee', 'basij-construction', 'clinics'],
      decisions: 'Prepare two workshops',
    };
    expect((await api('relief').post('/joint-meetings', { ...meeting, attendees: ['clinics', 'welfare'] })).body).toMatchObject({
      status: 422,
      code: 'meeting-without-partner',
      field: 'attendees',
    });
    expect((await api('relief').post('/joint-meetings', { ...meeting, heldOn: addDays(today(), 3) })).body).toMatchObject({
      status: 422,
      code: 'meeting-in-future',
      field: 'heldOn',
    });
    expect(
      (await api('relief').post('/joint-meetings', { ...meeting, attendees: ['relief-committee', 'relief-committee'] })).body,
    ).toMatchObject({ status: 422, code: 'attendee-listed-twice', field: 'attendees' });
    expect((await api('coordinator').post('/joint-meetings', meeting)).status).toBe(403);
    expect((await api('basij').post('/joint-meetings', meeting)).status).toBe(201);
    expect((await api('coordinator').get('/joint-meetings')).body).toEqual([
      expect.objectContaining({ title: 'Joint meeting', attendees: meeting.attendees }),
    ]);
  });
});
