import { today as day } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { createEnvelope, type Envelope } from '@hamgam/contracts';
import { connect, type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, eventually } from '../support/stack.js';

// Relief Committee and Basij against the running stack: TVTO's completion and welfare's eligibility flag,
// published through the real broker, make a relief support request eligible; money waits for a clinic's
// referral of the resident and household to relief (a direct request for refs none named is unverified);
// then the officer approves and disburses a micro-loan, whose events leave through the broker; institute funding's benefit for the same
// household and purpose raises the duplicate-benefit flag; a TVTO workshop permit becomes a Basij project.
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const exchange = 'hamgam.events';

let connection: ChannelModel;
let publisher: ConfirmChannel;
let watcher: Channel;
const heard: Envelope[] = [];

beforeAll(async () => {
  connection = await connect(amqpUrl);
  publisher = await connection.createConfirmChannel();
  watcher = await connection.createChannel();
  // A throw-away queue that sees what relief publishes (the services' own queues are left alone).
  const { queue } = await watcher.assertQueue('', { exclusive: true, autoDelete: true });
  for (const key of ['relief-partnerships.support.#', 'relief-partnerships.benefit.#']) await watcher.bindQueue(queue, exchange, key);
  await watcher.consume(
    queue,
    (msg) => {
      if (msg) heard.push(JSON.parse(msg.content.toString()) as Envelope);
    },
    { noAck: true },
  );
});

afterAll(async () => {
  await connection?.close();
});

/** Publishes an event as its agency's service would: enveloped, persistent, with confirms. */
async function publish(type: string, source: string, data: unknown) {
  const envelope = createEnvelope({
    type,
    version: 1,
    source,
    data,
    actor: { subject: 'integration-test', agency: source },
    correlationId: `it-relief-${randomUUID()}`,
  });
  publisher.publish(exchange, `${type}.v1`, Buffer.from(JSON.stringify(envelope)), {
    persistent: true,
    messageId: envelope.id,
    contentType: 'application/json',
    mandatory: true,
  });
  await publisher.waitForConfirms();
  return envelope;
}

const heardOf = (type: string, requestId: string) =>
  heard.find((e) => e.type === type && (e.data as { requestId?: string }).requestId === requestId);

describe('relief-partnerships through the real broker', () => {
  const residentRef = randomUUID();
  const householdRef = randomUUID();
  let requestId = '';

  it('a request starts ineligible, and becomes eligible once TVTO’s completion and welfare’s flag arrive through the broker', async () => {
    const created = await call('relief-partnerships', '/api/v1/support-requests', {
      as: 'relief.officer',
      body: {
        residentRef,
        householdRef,
        neighbourhoodId: 'nbh-sarasiab',
        kind: 'micro-loan',
        purpose: 'income-support',
        requestedRials: 300_000_000,
        businessPlan: 'خیاطی خانگی',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'ineligible',
      unverified: true,
      assessment: { reasons: ['no-certificate', 'no-welfare-flag', 'means-test-not-done'] },
    });
    requestId = created.body.requestId;

    await publish('vocational-training.enrolment.completed', 'vocational-training', {
      enrolmentId: randomUUID(),
      courseId: 'it-home-tailoring',
      trade: 'tailoring',
      venue: { kind: 'tvto-centre', id: 'tvto-kerman-1' },
      residentRef,
      householdRef,
      neighbourhoodId: 'nbh-sarasiab',
      referralId: null,
      result: 'passed',
      certificateNo: 'TVTO-IT-0001',
      completedAt: new Date().toISOString(),
    });
    const certified = await eventually(
      async () => {
        const res = await call('relief-partnerships', `/api/v1/support-requests/${requestId}`, { as: 'relief.officer' });
        return res.body.facts.certificates.length === 1 ? res.body : undefined;
      },
      20_000,
      'the certificate at relief',
    );
    expect(certified.state).toBe('ineligible');

    await publish('welfare.eligibility.flagged', 'welfare', {
      flagId: randomUUID(),
      householdRef,
      flag: 'low-income',
      validUntil: day(180),
      flaggedAt: new Date().toISOString(),
    });
    const eligible = await eventually(
      async () => {
        const res = await call('relief-partnerships', `/api/v1/support-requests/${requestId}`, { as: 'relief.officer' });
        return res.body.state === 'eligible' ? res.body : undefined;
      },
      20_000,
      'the request eligible',
    );
    expect(eligible.assessment).toMatchObject({
      eligible: true,
      validFlags: ['low-income'],
      reasons: ['certificate', 'welfare-flag', 'means-test-not-done'],
    });
  });

  it('approves nothing for refs no clinic referred to relief (409 refs-unverified), until a clinic’s referral of them arrives through the broker', async () => {
    const approve = { amountRials: 300_000_000, terms: { months: 36, graceMonths: 3, feePercent: 4 } };
    const refused = await call('relief-partnerships', `/api/v1/support-requests/${requestId}/approve`, {
      as: 'relief.officer',
      body: approve,
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'refs-unverified']);
    expect((await call('relief-partnerships', `/api/v1/support-requests/${requestId}`, { as: 'relief.officer' })).body).toMatchObject({
      state: 'eligible',
      decision: null,
    });

    await publish('clinics.referral.made', 'clinics', {
      referralId: randomUUID(),
      trackingCode: 'K7QM-3XWA',
      agency: 'relief-partnerships',
      offerId: 'relief-it-home-loan',
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      residentRef,
      householdRef,
      needCategory: 'income-support',
      respondBy: day(7),
      madeAt: new Date().toISOString(),
    });
    await eventually(
      async () => {
        const res = await call('relief-partnerships', `/api/v1/support-requests/${requestId}`, { as: 'relief.officer' });
        return res.body.unverified === false ? true : undefined;
      },
      20_000,
      'the request verified by the clinic’s referral',
    );
  });

  it('approves and disburses a micro-loan; support.decided, support.disbursed and benefit.granted leave through the broker', async () => {
    const approved = await call('relief-partnerships', `/api/v1/support-requests/${requestId}/approve`, {
      as: 'relief.officer',
      body: { amountRials: 300_000_000, terms: { months: 36, graceMonths: 3, feePercent: 4 } },
    });
    expect(approved.status).toBe(200);
    const disbursed = await call('relief-partnerships', `/api/v1/support-requests/${requestId}/disburse`, {
      as: 'relief.officer',
      body: {},
    });
    expect(disbursed.status).toBe(200);
    expect(disbursed.body.schedule).toMatchObject({ principalRials: 300_000_000, feeRials: 36_000_000, totalRials: 336_000_000 });
    expect(disbursed.body.schedule.instalments).toHaveLength(36);

    const decided = await eventually(
      async () => heardOf('relief-partnerships.support.decided', requestId),
      20_000,
      'support.decided on the broker',
    );
    expect(decided.data).toMatchObject({ residentRef, householdRef, decision: 'approved', amountRials: 300_000_000, kind: 'micro-loan' });
    expect(decided.actor.agency).toBe('relief-partnerships');
    await eventually(async () => heardOf('relief-partnerships.support.disbursed', requestId), 20_000, 'support.disbursed on the broker');
    const granted = await eventually(
      async () =>
        heard.find(
          (e) => e.type === 'relief-partnerships.benefit.granted' && (e.data as { householdRef: string }).householdRef === householdRef,
        ),
      20_000,
      'benefit.granted',
    );
    expect(granted.data).toMatchObject({ purpose: 'income-support', amountRials: 300_000_000, residentRef });
    expect(JSON.stringify(granted)).not.toMatch(/احمدی|nationalId|fullName/);
  });

  it('flags the household when institute funding granted it a benefit for the same purpose', async () => {
    await publish('institute-funding.benefit.granted', 'institute-funding', {
      benefitId: randomUUID(),
      householdRef,
      residentRef: null,
      purpose: 'income-support',
      amountRials: 80_000_000,
      grantedAt: new Date().toISOString(),
    });
    const flag = await eventually(
      async () => {
        const res = await call('relief-partnerships', '/api/v1/benefit-flags', { as: 'coordinator' });
        return res.body.find((f: { householdRef: string }) => f.householdRef === householdRef);
      },
      20_000,
      'the duplicate-benefit flag',
    );
    expect(flag.benefits.map((b: { source: string }) => b.source).sort()).toEqual(['institute-funding', 'relief-partnerships']);
  });

  it('refuses other roles with real tokens: Basij cannot decide support, welfare cannot read, no token is 401', async () => {
    expect(
      (await call('relief-partnerships', `/api/v1/support-requests/${requestId}/reject`, { as: 'basij.liaison', body: { reason: 'x' } }))
        .status,
    ).toBe(403);
    expect((await call('relief-partnerships', '/api/v1/support-requests', { as: 'welfare.officer' })).status).toBe(403);
    expect((await call('relief-partnerships', '/api/v1/support-requests', { as: 'clinic.worker' })).status).toBe(403);
    expect((await call('relief-partnerships', '/api/v1/support-requests')).status).toBe(401);
    expect((await call('relief-partnerships', '/api/v1/support-requests', { as: 'auditor' })).status).toBe(200);
  });

  it('lists a permit TVTO issued as a workshop awaiting preparation, until the Basij liaison starts its project', async () => {
    const permitId = randomUUID();
    await publish('vocational-training.permit.issued', 'vocational-training', {
      permitId,
      permitNo: 'WP-IT-0001',
      trade: 'tailoring',
      neighbourhoodId: 'nbh-fajr',
      residentRef: null,
      validUntil: day(365),
      issuedAt: new Date().toISOString(),
    });
    await eventually(
      async () => {
        const res = await call('relief-partnerships', '/api/v1/permits', { as: 'basij.liaison' });
        return res.body.find((p: { permitId: string; projectId: string | null }) => p.permitId === permitId && p.projectId === null);
      },
      20_000,
      'the permit at relief',
    );
    const body = {
      title: 'آماده‌سازی کارگاه خیاطی',
      scope: 'برق‌کشی و کف‌سازی',
      neighbourhoodId: 'nbh-fajr',
      permitId,
      volunteers: { count: 5, skills: ['برق‌کاری'] },
      milestones: [{ title: 'برق‌کشی', dueOn: day(10) }],
    };
    expect((await call('relief-partnerships', '/api/v1/projects', { as: 'relief.officer', body })).status).toBe(403);
    const project = await call('relief-partnerships', '/api/v1/projects', { as: 'basij.liaison', body });
    expect(project.status).toBe(201);
    const permits = await call('relief-partnerships', '/api/v1/permits', { as: 'coordinator' });
    expect(permits.body.find((p: { permitId: string }) => p.permitId === permitId).projectId).toBe(project.body.projectId);
  });
});
