import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { EventType } from '@hamgam/contracts';
import type { AdjustableClock } from '@hamgam/service-kit';
import { testCallers, type TestCaller as Caller } from '@hamgam/service-kit/testing';
import { demoReferrals as universe, demoUuid } from '@hamgam/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk, type VtDeps } from '../deps.js';
import { vocationalTrainingService } from '../service.js';
import { startTvto, type TvtoTestService } from '../testing/harness.js';

// The composed vocational-training service on a throw-away FerretDB/MongoDB database, local signing keys,
// no broker: events are read from the documents' outboxes and consumed by calling the subscriptions.
let service: TvtoTestService;
let deps: VtDeps;
let clock: AdjustableClock;

beforeAll(async () => {
  service = await startTvto();
  deps = service.deps;
  clock = service.clock;
});

afterAll(async () => {
  await service?.close();
});

const api = (caller?: Caller) => service.api(caller);
const deliver = (type: EventType, data: unknown, id?: string) => service.deliver(type, data, { id });
/** The events waiting in a document's outbox, checked against their contract. */
const outboxOf = (model: 'offers' | 'referrals' | 'commitments', id: string) =>
  service.outboxOf(service.models[model].collection.collectionName, id);

const demoReferralsOf = (agency: string) => universe.filter((r) => r.agency === agency).map((r) => r.referralId);
const storedOfferIds = async () => (await service.models.offers.find({}, { _id: 1 }).limit(1000).lean()).map((o) => o._id);
// Due days are Kerman's calendar days, like the desk's.
const inDays = (n: number) => addDays(clock.now(), n);

const offerBody = (offerId: string, extra: object = {}) => ({
  offerId,
  kind: 'course',
  title: { fa: 'دوره خیاطی خانگی', en: 'Home tailoring' },
  eligibility: { fa: 'ساکنان ۱۸ سال به بالا', en: 'Residents aged 18+' },
  answers: ['skills-training'],
  neighbourhoodIds: [],
  place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
  schedule: { fa: 'شنبه‌ها', en: 'Saturdays' },
  startsOn: inDays(10),
  endsOn: inDays(100),
  capacity: 2,
  available: 2,
  status: 'open',
  ...extra,
});

const referralMade = (offerId: string, extra: object = {}) => ({
  referralId: randomUUID(),
  trackingCode: 'K7QM-3XWA',
  agency: 'vocational-training',
  offerId,
  clinicId: 'clinic-sarasiab',
  neighbourhoodId: 'nbh-sarasiab',
  residentRef: randomUUID(),
  householdRef: randomUUID(),
  needCategory: 'skills-training',
  respondBy: inDays(7),
  madeAt: clock.now().toISOString(),
  ...extra,
});

describe('offers (service catalogue)', () => {
  it('creates an offer and stores it with its offer.published event in the same document', async () => {
    const res = await api('tvto').post('/desk/offers', offerBody('tvto-it-tailoring'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ offerId: 'tvto-it-tailoring', revision: 1, capacity: 2, available: 2, seatsTaken: 0 });
    const events = await outboxOf('offers', 'tvto-it-tailoring');
    expect(events.map((e) => [e.type, (e.data as any).revision, e.actor])).toEqual([
      ['vocational-training.offer.published', 1, { subject: testCallers.tvto.sub, agency: 'vocational-training' }],
    ]);
    expect(events[0]!.source).toBe('vocational-training');
  });

  it('edits it: revision + 1, the whole offer republished', async () => {
    const { offerId: _id, ...fields } = offerBody('tvto-it-tailoring', { capacity: 3, available: 3, status: 'closed' });
    const res = await api('tvto').put('/desk/offers/tvto-it-tailoring', fields);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revision: 2, capacity: 3, status: 'closed' });
    const events = await outboxOf('offers', 'tvto-it-tailoring');
    expect(events.map((e) => (e.data as any).revision)).toEqual([1, 2]);
    expect(events[1]!.data).toMatchObject({ capacity: 3, available: 3, status: 'closed', title: fields.title });
    await api('tvto').put('/desk/offers/tvto-it-tailoring', { ...fields, status: 'open' });
  });

  it('refuses an edit based on a revision that changed meanwhile (409), leaving the offer as it was', async () => {
    const { offerId: _id, ...fields } = offerBody('tvto-it-tailoring', { capacity: 3, available: 3 });
    const current = (await service.models.offers.findById('tvto-it-tailoring').lean())!;
    const stale = await api('tvto').put('/desk/offers/tvto-it-tailoring', {
      ...fields,
      capacity: 9,
      available: 9,
      basedOnRevision: current.revision - 1,
    });
    expect(stale.status).toBe(409);
    const after = (await service.models.offers.findById('tvto-it-tailoring').lean())!;
    expect([after.revision, after.capacity]).toEqual([current.revision, current.capacity]);
    const fresh = await api('tvto').put('/desk/offers/tvto-it-tailoring', { ...fields, basedOnRevision: current.revision });
    expect(fresh.body.revision).toBe(current.revision + 1);
  });

  it('answers a duplicate id with 409, an unknown one with 404, a broken rule with 422 and bad input with 400, storing nothing', async () => {
    expect((await api('tvto').post('/desk/offers', offerBody('tvto-it-tailoring'))).status).toBe(409);
    const { offerId: _id, ...fields } = offerBody('x');
    expect((await api('tvto').put('/desk/offers/tvto-it-nothing', fields)).status).toBe(404);
    const tooMany = await api('tvto').post('/desk/offers', offerBody('tvto-it-bad-1', { available: 5 }));
    const extraField = await api('tvto').post('/desk/offers', offerBody('tvto-it-bad-2', { agency: 'welfare' }));
    const operator = await api('tvto').post('/desk/offers', offerBody('tvto-it-bad-3', { title: { $gt: '' } }));
    expect([tooMany.status, tooMany.body.code, tooMany.body.field]).toEqual([422, 'available-exceeds-capacity', 'available']);
    expect([extraField.status, operator.status]).toEqual([400, 400]);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
    expect((await storedOfferIds()).filter((id) => id.startsWith('tvto-it-bad'))).toEqual([]);
  });

  it('lets coordinators and auditors read, and no one else change or read', async () => {
    for (const reader of ['coordinator', 'auditor', 'tvto'] as const) {
      const res = await api(reader).get('/desk/offers');
      expect(res.status, reader).toBe(200);
      expect(res.body.map((o: { offerId: string }) => o.offerId)).toContain('tvto-it-tailoring');
    }
    expect((await api('welfare').get('/desk/offers')).status).toBe(403);
    expect((await api('worker').get('/desk/offers')).status).toBe(403);
    expect((await api().get('/desk/offers')).status).toBe(401);
    expect((await api('welfare').post('/desk/offers', offerBody('tvto-it-welfare'))).status).toBe(403);
    expect((await api('coordinator').post('/desk/offers', offerBody('tvto-it-coord'))).status).toBe(403);
    expect((await api().post('/desk/offers', offerBody('tvto-it-anon'))).status).toBe(401);
    expect((await storedOfferIds()).filter((id) => ['tvto-it-welfare', 'tvto-it-coord', 'tvto-it-anon'].includes(id))).toEqual([]);
  });
});

describe('received referrals', () => {
  it('keeps only referrals addressed to this agency, once however often delivered', async () => {
    const mine = referralMade('tvto-it-tailoring');
    const theirs = referralMade('welfare-social-case', { agency: 'welfare', trackingCode: 'ABCD-EFGH' });
    const first = await deliver('clinics.referral.made', mine);
    await deliver('clinics.referral.made', mine, first.id);
    await deliver('clinics.referral.made', mine);
    await deliver('clinics.referral.made', theirs);
    const res = await api('tvto').get('/desk/referrals');
    const ids = res.body.map((r: { referralId: string }) => r.referralId);
    expect(ids.filter((id: string) => id === mine.referralId)).toHaveLength(1);
    expect(ids).not.toContain(theirs.referralId);
    const row = res.body.find((r: { referralId: string }) => r.referralId === mine.referralId);
    expect(row).toMatchObject({
      state: 'received',
      trackingCode: 'K7QM-3XWA',
      offerTitle: { en: 'Home tailoring' },
      clinicId: 'clinic-sarasiab',
      overdue: false,
    });
    expect(Object.keys(row)).not.toContain('name');
  });

  it('accepts, takes a seat of the offer (republished), then completes; each step published once', async () => {
    const made = referralMade('tvto-it-tailoring');
    await deliver('clinics.referral.made', made);
    const accepted = await api('tvto').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: inDays(60) });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', completeBy: inDays(60) });
    const offer = (await api('tvto').get('/desk/offers')).body.find((o: { offerId: string }) => o.offerId === 'tvto-it-tailoring');
    expect(offer).toMatchObject({ available: 2, capacity: 3, seatsTaken: 1 });
    const offerEvents = await outboxOf('offers', 'tvto-it-tailoring');
    expect(offerEvents.at(-1)!.data).toMatchObject({ available: 2, revision: offer.revision });

    const again = await api('tvto').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: inDays(60) });
    expect(again.status).toBe(409);
    const completed = await api('tvto').post(`/desk/referrals/${made.referralId}/complete`, { outcome: 'achieved' });
    expect(completed.body).toMatchObject({ state: 'completed', outcome: 'achieved' });
    const events = await outboxOf('referrals', made.referralId);
    expect(events.map((e) => e.type)).toEqual(['vocational-training.referral.accepted', 'vocational-training.referral.completed']);
    expect(events[0]!.data).toEqual({
      referralId: made.referralId,
      agency: 'vocational-training',
      acceptedAt: expect.any(String),
      completeBy: inDays(60),
    });
  });

  it('declines with a contract reason; refuses illegal steps (409), a completion day before acceptance (422), bad reasons (400) and other agencies (403)', async () => {
    const made = referralMade('tvto-it-tailoring');
    await deliver('clinics.referral.made', made);
    const path = `/desk/referrals/${made.referralId}`;
    expect((await api('welfare').post(`${path}/decline`, { reason: 'no-capacity' })).status).toBe(403);
    expect((await api('auditor').post(`${path}/decline`, { reason: 'no-capacity' })).status).toBe(403);
    expect((await api().post(`${path}/decline`, { reason: 'no-capacity' })).status).toBe(401);
    expect((await api('tvto').post(`${path}/decline`, { reason: 'bored' })).status).toBe(400);
    expect((await api('tvto').post(`${path}/accept`, { completeBy: inDays(-1) })).body).toMatchObject({
      status: 422,
      code: 'complete-by-before-acceptance',
      field: 'completeBy',
    });
    expect((await api('tvto').post(`${path}/complete`, { outcome: 'achieved' })).status).toBe(409);
    expect(await outboxOf('referrals', made.referralId)).toEqual([]);
    const declined = await api('tvto').post(`${path}/decline`, { reason: 'not-eligible' });
    expect(declined.body).toMatchObject({ state: 'declined', declineReason: 'not-eligible' });
    expect((await api('tvto').post(`${path}/accept`, { completeBy: inDays(5) })).status).toBe(409);
    expect((await api('tvto').post(`/desk/referrals/${randomUUID()}/accept`, { completeBy: inDays(5) })).status).toBe(404);
    expect((await outboxOf('referrals', made.referralId)).map((e) => e.type)).toEqual(['vocational-training.referral.declined']);
  });

  it('follows a withdrawal by the clinic: frees an accepted referral’s seat, ignores late ones, tolerates one that comes first', async () => {
    const made = referralMade('tvto-it-tailoring');
    await deliver('clinics.referral.made', made);
    await api('tvto').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: inDays(30) });
    const seatsBefore = (await service.models.offers.findById('tvto-it-tailoring').lean())!;
    const withdrawal = {
      referralId: made.referralId,
      agency: 'vocational-training',
      reason: 'consent-withdrawn',
      withdrawnAt: clock.now().toISOString(),
    };
    await deliver('clinics.referral.withdrawn', withdrawal);
    await deliver('clinics.referral.withdrawn', withdrawal);
    const after = (await service.models.offers.findById('tvto-it-tailoring').lean())!;
    expect(after.available).toBe(seatsBefore.available + 1);
    expect(after.seatHolders).not.toContain(made.referralId);
    expect((await api('tvto').post(`/desk/referrals/${made.referralId}/complete`, { outcome: 'achieved' })).status).toBe(409);

    // The withdrawal overtakes its referral: it arrives already withdrawn.
    const early = referralMade('tvto-it-tailoring');
    await deliver('clinics.referral.withdrawn', { ...withdrawal, referralId: early.referralId });
    expect((await api('tvto').get('/desk/referrals')).body.map((r: { referralId: string }) => r.referralId)).not.toContain(
      early.referralId,
    );
    await deliver('clinics.referral.made', early);
    const row = (await api('tvto').get('/desk/referrals?state=withdrawn')).body.find(
      (r: { referralId: string }) => r.referralId === early.referralId,
    );
    expect(row).toMatchObject({ state: 'withdrawn', trackingCode: early.trackingCode, withdrawReason: 'consent-withdrawn' });
  });

  it('still lists a referral stored before referrals carried the household', async () => {
    const made = referralMade('tvto-it-tailoring');
    const { householdRef: _h, ...legacy } = made as typeof made & { householdRef?: string };
    await service.models.referrals.collection.insertOne({
      ...legacy,
      _id: made.referralId,
      madeAt: new Date(made.madeAt),
      state: 'received',
      receivedAt: new Date(),
      sourceEventId: 'legacy',
      outbox: [],
      acceptedAt: null,
      completeBy: null,
      declinedAt: null,
      declineReason: null,
      completedAt: null,
      outcome: null,
      withdrawnAt: null,
      withdrawReason: null,
    } as never);
    const res = await api('tvto').get('/desk/referrals');
    expect(res.status).toBe(200);
    expect(res.body.find((r: { referralId: string }) => r.referralId === made.referralId)).toMatchObject({
      householdRef: null,
      state: 'received',
    });
  });

  it('flags overdue referrals by the service clock and filters by state and overdue', async () => {
    const made = referralMade('tvto-it-tailoring', { respondBy: inDays(2) });
    await deliver('clinics.referral.made', made);
    const overdueNow = async () =>
      (await api('coordinator').get('/desk/referrals?overdue=true')).body.map((r: { referralId: string }) => r.referralId);
    expect(await overdueNow()).not.toContain(made.referralId);
    clock.advanceDays(3);
    try {
      expect(await overdueNow()).toContain(made.referralId);
      const received = await api('tvto').get('/desk/referrals?state=received&overdue=true');
      expect(received.body.every((r: { state: string; overdue: boolean }) => r.state === 'received' && r.overdue)).toBe(true);
      expect((await api('tvto').get('/desk/referrals?state=lost')).status).toBe(400);
      expect((await api('tvto').get('/desk/referrals?overdue=yes')).status).toBe(400);
    } finally {
      clock.advanceDays(-3);
    }
  });

  it('refuses to accept into a full offer, so staff decline with no-capacity', async () => {
    await api('tvto').post('/desk/offers', offerBody('tvto-it-full', { capacity: 1, available: 0 }));
    const made = referralMade('tvto-it-full');
    await deliver('clinics.referral.made', made);
    const res = await api('tvto').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: inDays(30) });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('no-capacity');
  });

  it('repairs at start-up a seat an interrupted acceptance did not take', async () => {
    const made = referralMade('tvto-it-tailoring');
    await deliver('clinics.referral.made', made);
    await api('tvto').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: inDays(30) });
    // Simulate a crash between the two writes: the seat was never taken.
    const before = (await service.models.offers.findById('tvto-it-tailoring').lean())!;
    await service.models.offers.updateOne(
      { _id: 'tvto-it-tailoring' },
      { $set: { seatHolders: before.seatHolders.filter((id) => id !== made.referralId), available: before.available + 1 } },
    );
    await desk.reference(service.models, service.deps);
    await desk.reference(service.models, service.deps);
    const repaired = (await service.models.offers.findById('tvto-it-tailoring').lean())!;
    expect(repaired.seatHolders).toContain(made.referralId);
    expect(repaired.available).toBe(before.available);
    expect(repaired.revision).toBe(before.revision + 1);
  });
});

describe('commitments', () => {
  const declaration = () => ({
    neighbourhoodId: 'nbh-motahari',
    answers: 'skills-training',
    title: 'Home-based job courses at the Motahari clinic',
    dueOn: inDays(30),
  });

  it('declares a commitment with its declared event and walks it to delivered with evidence', async () => {
    const declared = await api('tvto').post('/desk/commitments', declaration());
    expect(declared.status).toBe(201);
    const id = declared.body.commitmentId;
    expect(declared.body).toMatchObject({ status: 'planned', source: 'agency', overdue: false });
    const progress = (body: object) => api('tvto').post(`/desk/commitments/${id}/progress`, body);
    expect((await progress({ status: 'delivered', evidence: 'x' })).status).toBe(409);
    expect((await progress({ status: 'in-progress' })).body.status).toBe('in-progress');
    expect((await progress({ status: 'delivered' })).body).toMatchObject({ status: 422, code: 'evidence-missing', field: 'evidence' });
    const slipped = await progress({ status: 'slipped', revisedDueOn: inDays(45) });
    expect(slipped.body).toMatchObject({ status: 'slipped', revisedDueOn: inDays(45) });
    await progress({ status: 'in-progress' });
    const delivered = await progress({ status: 'delivered', evidence: 'Report 1405/12: 18 certificates' });
    expect(delivered.body).toMatchObject({ status: 'delivered', evidence: 'Report 1405/12: 18 certificates' });
    expect(delivered.body.history.map((h: { status: string }) => h.status)).toEqual(['in-progress', 'slipped', 'in-progress', 'delivered']);
    expect((await progress({ status: 'in-progress' })).status).toBe(409);
    const events = await outboxOf('commitments', id);
    expect(events.map((e) => e.type)).toEqual([
      'vocational-training.commitment.declared',
      ...Array(4).fill('vocational-training.commitment.progressed'),
    ]);
    expect(events[0]!.data).toMatchObject({
      commitmentId: id,
      agency: 'vocational-training',
      neighbourhoodId: 'nbh-motahari',
      answers: 'skills-training',
    });
    expect(events[2]!.data).toMatchObject({ status: 'slipped', revisedDueOn: inDays(45), evidence: null });
  });

  it('holds a working-group action item as its own commitment, once, and ignores other agencies’ items', async () => {
    const item = {
      actionItemId: randomUUID(),
      meetingId: randomUUID(),
      resolutionId: randomUUID(),
      agency: 'vocational-training',
      neighbourhoodId: 'nbh-fajr',
      answers: 'workshop-space',
      title: 'Issue workshop permits in Fajr',
      dueOn: inDays(20),
      assignedAt: clock.now().toISOString(),
    };
    await deliver('coordination.action-item.assigned', item);
    await deliver('coordination.action-item.assigned', item);
    await deliver('coordination.action-item.assigned', { ...item, actionItemId: randomUUID(), agency: 'welfare' });
    const list = (await api('auditor').get('/desk/commitments')).body.filter((c: { source: string }) => c.source === 'working-group');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ commitmentId: item.actionItemId, status: 'planned', meetingId: item.meetingId, title: item.title });
    const progressed = await api('tvto').post(`/desk/commitments/${item.actionItemId}/progress`, { status: 'in-progress' });
    expect(progressed.status).toBe(200);
    expect((await outboxOf('commitments', item.actionItemId)).map((e) => [e.type, (e.data as any).commitmentId])).toEqual([
      ['vocational-training.commitment.progressed', item.actionItemId],
    ]);
  });

  it('reads the status the working group recorded, as the board does (issue 10: c8d4412f done on the board, “planned · overdue” with Start here)', async () => {
    // The coordination demo's first action item for TVTO: assigned six weeks ago, due two weeks ago, recorded in
    // progress and then delivered by a coordinator. Coordination now tells the agency; its desk showed it planned and overdue.
    const actionItemId = demoUuid('action-item', 1);
    expect(actionItemId.slice(0, 8)).toBe('c8d4412f');
    const at = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString();
    await deliver('coordination.action-item.assigned', {
      actionItemId,
      meetingId: demoUuid('meeting', 1),
      resolutionId: demoUuid('resolution', 1),
      agency: 'vocational-training',
      neighbourhoodId: 'nbh-motahari',
      answers: 'skills-training',
      title: 'دوره خیاطی خانگی برای ۲۰ نفر از ساکنان در کلینیک',
      dueOn: inDays(-14),
      assignedAt: at(-42),
    });
    const recorded = (status: string, days: number, evidence: string | null) => ({
      commitmentId: actionItemId,
      agency: 'vocational-training',
      status,
      evidence,
      revisedDueOn: null,
      at: at(days),
    });
    await deliver('coordination.commitment.status-recorded', recorded('in-progress', -35, null));
    await deliver('coordination.commitment.status-recorded', recorded('delivered', -16, 'فهرست ۱۸ گواهی‌نامه، شماره ۱۴۰۵/۲۳۱'));
    const row = (await api('tvto').get('/desk/commitments?limit=100')).body.find(
      (c: { commitmentId: string }) => c.commitmentId === actionItemId,
    );
    expect(row).toMatchObject({ status: 'delivered', overdue: false, evidence: 'فهرست ۱۸ گواهی‌نامه، شماره ۱۴۰۵/۲۳۱' });
    // Nothing left to start: the desk refuses a step from delivered, as the board would.
    const start = await api('tvto').post(`/desk/commitments/${actionItemId}/progress`, { status: 'in-progress' });
    expect(start.status).toBe(409);
    expect(await outboxOf('commitments', actionItemId)).toEqual([]);
  });

  it('flags overdue commitments by the clock', async () => {
    const declared = await api('tvto').post('/desk/commitments', { ...declaration(), dueOn: inDays(1) });
    clock.advanceDays(2);
    try {
      const row = (await api('tvto').get('/desk/commitments')).body.find(
        (c: { commitmentId: string }) => c.commitmentId === declared.body.commitmentId,
      );
      expect(row.overdue).toBe(true);
    } finally {
      clock.advanceDays(-2);
    }
  });

  it('refuses other roles, missing tokens, past due days and bad input, storing nothing', async () => {
    const before = await service.models.commitments.countDocuments();
    expect((await api('welfare').post('/desk/commitments', declaration())).status).toBe(403);
    expect((await api('coordinator').post('/desk/commitments', declaration())).status).toBe(403);
    expect((await api().post('/desk/commitments', declaration())).status).toBe(401);
    expect((await api('tvto').post('/desk/commitments', { ...declaration(), dueOn: inDays(-1) })).body).toMatchObject({
      status: 422,
      code: 'due-on-in-past',
      field: 'dueOn',
    });
    expect((await api('tvto').post('/desk/commitments', { ...declaration(), neighbourhoodId: 'Not A Slug' })).status).toBe(400);
    expect((await api('tvto').post('/desk/commitments', { ...declaration(), agency: 'welfare' })).status).toBe(400);
    expect((await api('tvto').post(`/desk/commitments/${randomUUID()}/progress`, { status: 'in-progress' })).status).toBe(404);
    expect(await service.models.commitments.countDocuments()).toBe(before);
    expect((await api('worker').get('/desk/commitments')).status).toBe(403);
  });

  it('keeps each neighbourhood’s newest priority list for the declare form', async () => {
    const list = (listVersion: number, category: string) => ({
      neighbourhoodId: 'nbh-fajr',
      neighbourhoodName: { fa: 'فجر', en: 'Fajr' },
      countyId: 'county-kerman',
      clinicId: 'clinic-fajr',
      period: '1405',
      listVersion,
      publishedAt: clock.now().toISOString(),
      priorities: [{ rank: 1, category, score: 4, households: 10 }],
    });
    await deliver('clinics.priority.published', list(2, 'employment'));
    await deliver('clinics.priority.published', list(1, 'social-care'));
    const res = await api('tvto').get('/desk/priorities');
    expect(res.body).toEqual([
      {
        neighbourhoodId: 'nbh-fajr',
        neighbourhoodName: { fa: 'فجر', en: 'Fajr' },
        period: '1405',
        version: 2,
        priorities: [{ rank: 1, category: 'employment', score: 4, households: 10 }],
      },
    ]);
  });
});

describe('demo seed', () => {
  it('adds the demo universe beside what staff and clinics already made, idempotently', async () => {
    const seedDeps = { ...deps, models: service.models };
    const staffOffer = (await service.models.offers.findById('tvto-it-tailoring').lean())!;
    const referralsBefore = await service.models.referrals.countDocuments();
    await vocationalTrainingService.seedDemo!(seedDeps);
    await vocationalTrainingService.seedDemo!(seedDeps);
    const offers = await service.models.offers.find().limit(1000).lean();
    const demoIds = [
      'tvto-apprentice-carpentry',
      'tvto-career-counselling',
      'tvto-home-tailoring-1405',
      'tvto-pastry-home-1405',
      'tvto-workshop-permit',
    ];
    expect(offers.map((o) => o._id)).toEqual(expect.arrayContaining([...demoIds, 'tvto-it-tailoring']));
    expect(offers.find((o) => o._id === 'tvto-it-tailoring')!.revision).toBe(staffOffer.revision);
    const tailoring = offers.find((o) => o._id === 'tvto-home-tailoring-1405')!;
    expect(tailoring.seatHolders.length).toBeGreaterThan(0);
    expect(tailoring.available).toBe(tailoring.capacity - tailoring.seatHolders.length);
    expect((await outboxOf('offers', 'tvto-home-tailoring-1405')).map((e) => e.type)).toEqual(['vocational-training.offer.published']);

    const demoReferrals = demoReferralsOf('vocational-training');
    expect(await service.models.referrals.countDocuments()).toBe(referralsBefore + demoReferrals.length);
    const rows = (await api('tvto').get('/desk/referrals')).body.filter((r: { referralId: string }) =>
      demoReferrals.includes(r.referralId),
    );
    expect(new Set(rows.map((r: { state: string }) => r.state))).toEqual(new Set(['received', 'accepted', 'completed']));
    expect(rows.some((r: { overdue: boolean }) => r.overdue)).toBe(true);
    for (const id of demoReferrals) expect(await outboxOf('referrals', id)).toEqual([]);

    const seeded = await service.models.commitments.find({ declaredBy: 'demo-seed' }).limit(1000).lean();
    expect(seeded.map((c) => c.status).sort()).toEqual(['delivered', 'in-progress']);
    const delivered = seeded.find((c) => c.status === 'delivered')!;
    expect((await outboxOf('commitments', delivered._id)).map((e) => [e.type, (e.data as { status?: string }).status])).toEqual([
      ['vocational-training.commitment.declared', undefined],
      ['vocational-training.commitment.progressed', 'in-progress'],
      ['vocational-training.commitment.progressed', 'delivered'],
    ]);
  });
});
