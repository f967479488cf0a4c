import { today as day } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { createEnvelope, routingKeyOf, schemaFor, type Envelope } from '@hamgam/contracts';
import { eventsExchange } from '@hamgam/service-kit';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, eventually } from '../support/stack.js';
import { tag } from '../support/people.js';

// Institute funding against the running stack: an award's tranche becomes releasable only when TVTO's
// enrolment events, travelling through the real broker, verify its condition; releasing it publishes
// institute-funding.tranche.released and a benefit per funded household, and the ledger balances.
const officer = 'fund.officer';
const suffix = tag(8);
const instituteId = `inst-it-${suffix}`;

let connection: ChannelModel;
let channel: ConfirmChannel;
let watchQueue: string;
const heard: Envelope[] = [];

beforeAll(async () => {
  connection = await connect(process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
  channel = await connection.createConfirmChannel();
  // A throw-away queue that hears what the office publishes, as any consumer would.
  watchQueue = (await channel.assertQueue('', { exclusive: true, autoDelete: true })).queue;
  for (const key of ['institute-funding.tranche.released.v1', 'institute-funding.benefit.granted.v1'])
    await channel.bindQueue(watchQueue, eventsExchange, key);
  await channel.consume(
    watchQueue,
    (msg) => {
      if (msg) heard.push(JSON.parse(msg.content.toString()) as Envelope);
    },
    { noAck: true },
  );
});

afterAll(async () => {
  await connection?.close();
});

/** Publishes an event as its agency's service would: a validated envelope on hamgam.events. */
async function publish(type: string, source: string, data: object): Promise<Envelope> {
  expect(schemaFor(type, 1)!.parse(data)).toEqual(data);
  const envelope = createEnvelope({
    type,
    version: 1,
    source,
    data,
    actor: { subject: 'integration-test', agency: source },
    correlationId: `it-${suffix}`,
  });
  channel.publish(eventsExchange, routingKeyOf(envelope), Buffer.from(JSON.stringify(envelope)), {
    persistent: true,
    messageId: envelope.id,
    type,
    contentType: 'application/json',
  });
  await channel.waitForConfirms();
  return envelope;
}

const enrolment = (extra: object = {}) => ({
  enrolmentId: randomUUID(),
  courseId: `${instituteId}-tailoring`,
  trade: 'tailoring',
  venue: { kind: 'private-institute', id: instituteId },
  residentRef: randomUUID(),
  householdRef: randomUUID(),
  neighbourhoodId: 'nbh-sarasiab',
  referralId: null,
  enrolledAt: new Date().toISOString(),
  ...extra,
});

let awardId: string;
let callId: string;
const enrolled = [enrolment(), enrolment(), enrolment({ neighbourhoodId: 'nbh-fajr' })];

describe('institute funding through the broker', () => {
  it('awards an institute’s application with a tranche plan', async () => {
    const registered = await call('institute-funding', '/api/v1/institutes', {
      as: officer,
      body: {
        instituteId,
        name: { fa: 'آموزشگاه آزمون یکپارچه', en: 'Integration institute' },
        licenceNo: 'KRM-IT-0001',
        licenceValidUntil: day(365),
        neighbourhoodId: 'nbh-sarasiab',
        address: 'سرآسیاب',
        trades: ['tailoring'],
      },
    });
    expect(registered.status).toBe(201);
    const opened = await call('institute-funding', '/api/v1/calls', {
      as: officer,
      body: {
        title: { fa: `فراخوان آزمون ${suffix}`, en: `Integration call ${suffix}` },
        budgetRials: 2_000_000_000,
        neighbourhoodIds: ['nbh-sarasiab'],
        trades: ['tailoring'],
        opensOn: day(-1),
        closesOn: day(30),
      },
    });
    expect(opened.status).toBe(201);
    callId = opened.body.callId;
    const applied = await call('institute-funding', '/api/v1/applications', {
      as: officer,
      body: { callId, instituteId, trades: ['tailoring'], proposedSeats: 4, amountRequestedRials: 1_000_000_000 },
    });
    expect(applied.status).toBe(201);
    awardId = applied.body.applicationId;
    expect((await call('institute-funding', `/api/v1/applications/${awardId}/review`, { as: officer, body: {} })).status).toBe(200);
    const awarded = await call('institute-funding', `/api/v1/applications/${awardId}/award`, {
      as: officer,
      body: {
        amountRials: 1_000_000_000,
        seats: 4,
        plan: [
          { percent: 40, condition: { kind: 'enrolments', atLeast: 2 } },
          { percent: 60, condition: { kind: 'completions', atLeast: 1 } },
        ],
      },
    });
    expect(awarded.status).toBe(201);
    expect(awarded.body.tranches.map((t: { amountRials: number }) => t.amountRials)).toEqual([400_000_000, 600_000_000]);
  });

  it('refuses to release before TVTO verified anything, and refuses other agencies', async () => {
    const early = await call('institute-funding', `/api/v1/awards/${awardId}/tranches/1/release`, { as: officer, body: {} });
    expect([early.status, early.body.code]).toEqual([409, 'tranche-condition-not-met']);
    expect((await call('institute-funding', `/api/v1/awards/${awardId}/tranches/1/release`, { as: 'tvto.staff', body: {} })).status).toBe(
      403,
    );
    expect((await call('institute-funding', '/api/v1/awards', { as: 'relief.officer' })).status).toBe(403);
    expect((await call('institute-funding', '/api/v1/awards')).status).toBe(401);
    expect((await call('institute-funding', `/api/v1/awards/${awardId}/tranches/1/release`, { as: 'coordinator', body: {} })).status).toBe(
      403,
    );
  });

  it('counts TVTO’s enrolments from the broker (a resident outside the target neighbourhoods does not count) and releases the first tranche', async () => {
    for (const e of enrolled) await publish('vocational-training.enrolment.recorded', 'vocational-training', e);
    await publish('vocational-training.enrolment.recorded', 'vocational-training', enrolled[0]!); // the same enrolment again
    const award = await eventually(
      async () => {
        const res = await call('institute-funding', `/api/v1/awards/${awardId}`, { as: officer });
        return res.body.tranches?.[0]?.releasable ? res.body : undefined;
      },
      20_000,
      'tranche 1 releasable',
    );
    expect(award.verified).toEqual({ enrolments: 2, completions: 0 });

    const released = await call('institute-funding', `/api/v1/awards/${awardId}/tranches/1/release`, { as: officer, body: {} });
    expect(released.status).toBe(200);
    expect(released.body.tranches[0].state).toBe('released');
    const events = await eventually(
      async () => {
        const mine = heard.filter(
          (e) =>
            (e.type === 'institute-funding.tranche.released' && (e.data as { awardId: string }).awardId === awardId) ||
            enrolled.some((x) => x.householdRef === (e.data as { householdRef?: string }).householdRef),
        );
        return mine.length >= 3 ? mine : undefined;
      },
      20_000,
      'tranche and benefit events on the broker',
    );
    expect(events.find((e) => e.type === 'institute-funding.tranche.released')!.data).toMatchObject({
      awardId,
      instituteId,
      trancheNo: 1,
      amountRials: 400_000_000,
      verifiedEnrolments: 2,
    });
    const benefits = events
      .filter((e) => e.type === 'institute-funding.benefit.granted')
      .map((e) => e.data as { householdRef: string; purpose: string });
    expect(benefits.map((b) => b.householdRef).sort()).toEqual([enrolled[0]!.householdRef, enrolled[1]!.householdRef].sort());
    expect(benefits.every((b) => b.purpose === 'skills-training')).toBe(true);
  });

  it('releases the second tranche on a verified pass and keeps the ledger balanced', async () => {
    const { enrolledAt: _e, ...fields } = enrolled[0]!;
    await publish('vocational-training.enrolment.completed', 'vocational-training', {
      ...fields,
      result: 'passed',
      certificateNo: 'TVTO-IT-0001',
      completedAt: new Date().toISOString(),
    });
    await eventually(
      async () =>
        (await call('institute-funding', `/api/v1/awards/${awardId}`, { as: officer })).body.tranches?.[1]?.releasable ? true : undefined,
      20_000,
      'tranche 2 releasable',
    );
    expect((await call('institute-funding', `/api/v1/awards/${awardId}/tranches/2/release`, { as: officer, body: {} })).status).toBe(200);
    expect(
      (
        await call('institute-funding', `/api/v1/awards/${awardId}/tranches/1/pay`, {
          as: officer,
          body: { paymentRef: `SATNA-${suffix}` },
        })
      ).status,
    ).toBe(200);

    const ledger = await call('institute-funding', '/api/v1/ledger', { as: 'auditor' });
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({ balanced: true, trialBalance: 0, unposted: [] });
    expect(ledger.body.calls.find((c: { callId: string }) => c.callId === callId)).toEqual(
      expect.objectContaining({ budget: 2_000_000_000, available: 1_000_000_000, committed: 0, payable: 600_000_000, paid: 400_000_000 }),
    );
  });

  it('flags a household the Relief Committee also funded for skills training (opaque ids only)', async () => {
    const householdRef = enrolled[1]!.householdRef;
    await publish('relief-partnerships.benefit.granted', 'relief-partnerships', {
      benefitId: randomUUID(),
      householdRef,
      residentRef: null,
      purpose: 'skills-training',
      amountRials: 150_000_000,
      grantedAt: new Date().toISOString(),
    });
    const flag = await eventually(
      async () => {
        const res = await call('institute-funding', '/api/v1/duplicate-flags', { as: officer });
        return res.body.find?.((f: { householdRef: string }) => f.householdRef === householdRef);
      },
      20_000,
      'duplicate-benefit flag',
    );
    expect(flag).toMatchObject({ purpose: 'skills-training', crossAgency: true });
    expect((await call('institute-funding', '/api/v1/duplicate-flags', { as: 'clinic.worker' })).status).toBe(403);
  });
});
