import { today as day } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { createEnvelope, routingKeyOf, schemaFor } from '@hamgam/contracts';
import { eventsExchange } from '@hamgam/service-kit';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, eventually } from '../support/stack.js';
import { nationalId } from '../support/people.js';
import { tag } from '../support/people.js';

// The clinic hears the agencies' outcomes through the real broker and shows them on the resident's timeline
// (own clinic only): TVTO's enrolment and completion, welfare's eligibility of the household (on every
// member's timeline, without the flag), the Relief Committee's decision, payment and benefit, and the
// institute-funding office's benefit; redeliveries change nothing, strangers are not recorded.
const at = (fromNowMinutes: number) => new Date(Date.now() + fromNowMinutes * 60_000).toISOString();
const run = tag();

let connection: ChannelModel;
let channel: ConfirmChannel;
let householdId: string;
let residentId: string;
let siblingId: string;

/** Publishes an event as its agency's service would: a validated envelope on hamgam.events. */
async function publish(type: string, data: object, id?: string) {
  expect(schemaFor(type, 1)!.parse(data)).toEqual(data);
  const source = type.split('.')[0]!;
  const envelope = {
    ...createEnvelope({
      type,
      version: 1,
      source,
      data,
      actor: { subject: 'integration-test', agency: source },
      correlationId: `it-journey-${run}`,
    }),
    ...(id ? { id } : {}),
  };
  channel.publish(eventsExchange, routingKeyOf(envelope), Buffer.from(JSON.stringify(envelope)), {
    persistent: true,
    messageId: envelope.id,
    type,
    contentType: 'application/json',
  });
  await channel.waitForConfirms();
  return envelope.id;
}

const timeline = async (id: string, as = 'clinic.worker') => call('clinics', `/api/v1/residents/${id}/timeline`, { as });

beforeAll(async () => {
  connection = await connect(process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
  channel = await connection.createConfirmChannel();
  const household = await call('clinics', '/api/v1/households', {
    as: 'clinic.worker',
    body: { clinicId: 'clinic-sarasiab', fileNumber: `IT-J-${run}` },
  });
  expect(household.status).toBe(201);
  householdId = household.body.id;
  const member = async (relation: string, fullName: string) => {
    const res = await call('clinics', `/api/v1/households/${householdId}/residents`, {
      as: 'clinic.worker',
      body: { nationalId: nationalId(), fullName, phone: '09131112233', relation, birthYear: relation === 'head' ? 1362 : 1385 },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  residentId = await member('head', 'معصومه نادری');
  siblingId = await member('child', 'سارا نادری');
});

afterAll(async () => {
  await connection?.close();
});

describe('the resident’s journey at the clinic, through the broker', () => {
  it('records every agency’s outcome once, newest first, with the course’s venue and the amounts', async () => {
    const enrolment = {
      enrolmentId: randomUUID(),
      courseId: `it-journey-${run}`,
      trade: 'pastry',
      venue: { kind: 'clinic', id: 'clinic-sarasiab' },
      residentRef: residentId,
      householdRef: householdId,
      neighbourhoodId: 'nbh-sarasiab',
      referralId: null,
    };
    const requestId = randomUUID();
    // Out of order, and the payment twice.
    const paid = await publish('relief-partnerships.support.disbursed', {
      requestId,
      residentRef: residentId,
      householdRef: householdId,
      kind: 'grant',
      amountRials: 30_000_000,
      disbursedAt: at(5),
    });
    await publish(
      'relief-partnerships.support.disbursed',
      { requestId, residentRef: residentId, householdRef: householdId, kind: 'grant', amountRials: 30_000_000, disbursedAt: at(5) },
      paid,
    );
    await publish('relief-partnerships.support.decided', {
      requestId,
      residentRef: residentId,
      householdRef: householdId,
      referralId: null,
      kind: 'grant',
      decision: 'approved',
      amountRials: 30_000_000,
      decidedAt: at(4),
    });
    await publish('vocational-training.enrolment.completed', {
      ...enrolment,
      result: 'passed',
      certificateNo: `IT-${run}`,
      completedAt: at(2),
    });
    await publish('vocational-training.enrolment.recorded', { ...enrolment, enrolledAt: at(1) });
    await publish('welfare.eligibility.flagged', {
      flagId: randomUUID(),
      householdRef: householdId,
      flag: 'disability-in-household',
      validUntil: day(180),
      flaggedAt: at(3),
    });
    await publish('relief-partnerships.benefit.granted', {
      benefitId: randomUUID(),
      householdRef: householdId,
      residentRef: residentId,
      purpose: 'employment',
      amountRials: 30_000_000,
      grantedAt: at(6),
    });
    await publish('institute-funding.benefit.granted', {
      benefitId: randomUUID(),
      householdRef: householdId,
      residentRef: null,
      purpose: 'skills-training',
      amountRials: 20_000_000,
      grantedAt: at(7),
    });

    const entries = await eventually(
      async () => {
        const res = await timeline(residentId);
        return res.status === 200 && res.body.length >= 7 ? res.body : undefined;
      },
      20_000,
      'seven journey entries',
    );
    // A moment for a stray duplicate to land, then the same seven.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const settled = (await timeline(residentId)).body as {
      kind: string;
      agency: string;
      scope?: string;
      detail: Record<string, string>;
      place?: { en: string };
    }[];
    expect(settled).toHaveLength(entries.length);
    expect(settled.map((e) => `${e.agency}:${e.kind}`)).toEqual([
      'institute-funding:benefit.granted',
      'relief-partnerships:benefit.granted',
      'relief-partnerships:support.disbursed',
      'relief-partnerships:support.decided',
      'welfare:eligibility.flagged',
      'vocational-training:enrolment.completed',
      'vocational-training:enrolment.recorded',
    ]);
    expect(settled.filter((e) => e.kind === 'support.disbursed')).toHaveLength(1);
    const completed = settled.find((e) => e.kind === 'enrolment.completed')!;
    expect(completed.detail).toMatchObject({ result: 'passed', certificateNo: `IT-${run}` });
    expect(completed.place?.en).toBe('Sar Asiab social-work clinic');
    expect(settled.find((e) => e.kind === 'support.decided')!.detail).toEqual({ decision: 'approved', amountRials: '30000000' });
    const flagged = settled.find((e) => e.kind === 'eligibility.flagged')!;
    expect(flagged.scope).toBe('household');
    expect(JSON.stringify(flagged)).not.toContain('disability');
  });

  it('shows the household’s eligibility and household benefit to the other member, not the resident’s own steps', async () => {
    const res = await timeline(siblingId);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { agency: string; kind: string }) => `${e.agency}:${e.kind}`)).toEqual([
      'institute-funding:benefit.granted',
      'welfare:eligibility.flagged',
    ]);
  });

  it('refuses the timeline to another clinic, the programme-wide roles, the agencies and anonymous callers', async () => {
    expect((await timeline(residentId, 'clinic.worker2')).status).toBe(403);
    expect((await timeline(residentId, 'coordinator')).status).toBe(403);
    expect((await timeline(residentId, 'auditor')).status).toBe(403);
    expect((await timeline(residentId, 'relief.officer')).status).toBe(403);
    expect((await call('clinics', `/api/v1/residents/${residentId}/timeline`)).status).toBe(401);
  });
});
