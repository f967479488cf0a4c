import { randomUUID } from 'node:crypto';
import { createEnvelope, type OfferPublishedV1 } from '@hamgam/contracts';
import { BrokerConnection, EventBus, inboxModel, listDeadLetters, queuesOf } from '@hamgam/service-kit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addConsent, addResident, startApiHarness, type ApiHarness } from '../testing/harness.js';
import { catalogueSubscriptions } from './catalogue.js';

// The clinics' catalogue subscriptions consuming from the real broker, through the kit's consumer (its
// dead letters included), on a queue of their own: the offers are sent to that queue directly, so the
// stack's running clinics never see them.
const logger = pino({ level: 'silent' });
const service = `clinics-test-${randomUUID().slice(0, 8)}`;
const queues = queuesOf(service);
let h: ApiHarness;
let bus: EventBus;
let broker: BrokerConnection;
let connection: Parameters<typeof listDeadLetters>[0];

const offerId = `welfare-case-${randomUUID().slice(0, 8)}`;
const offer = (agency: OfferPublishedV1['agency'], revision: number, en: string): OfferPublishedV1 => ({
  offerId,
  agency,
  kind: 'social-care',
  title: { fa: en, en },
  eligibility: { fa: 'ساکنان', en: 'Residents' },
  answers: ['social-care'],
  neighbourhoodIds: [],
  place: { fa: 'اداره', en: 'Office' },
  schedule: { fa: 'شنبه', en: 'Saturday' },
  startsOn: null,
  endsOn: null,
  capacity: 10,
  available: 10,
  status: 'open',
  revision,
  publishedAt: new Date().toISOString(),
});

/** Sends an agency's `offer.published` to the test queue as the broker would route it. */
async function publish(data: OfferPublishedV1) {
  const type = `${data.agency}.offer.published`;
  const envelope = createEnvelope({
    type,
    version: 1,
    source: data.agency,
    data,
    actor: { subject: 'desk-staff', agency: data.agency },
    correlationId: randomUUID(),
  });
  const channel = await connection.createConfirmChannel();
  channel.sendToQueue(queues.main, Buffer.from(JSON.stringify(envelope)), {
    persistent: true,
    messageId: envelope.id,
    type,
    contentType: 'application/json',
  });
  await channel.waitForConfirms();
  await channel.close();
  return envelope.id;
}

/** Polls until `probe` returns something, within a bound (the consumer works asynchronously). */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not seen in time');
}

beforeAll(async () => {
  h = await startApiHarness();
  const url = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
  broker = new BrokerConnection({ url, logger, onConnected: async (c) => void (connection = c), onDisconnected: () => undefined });
  broker.start();
  await broker.whenConnected();
  bus = new EventBus({ service, url, logger, inbox: inboxModel(h.mongo), outboxSources: [], retryBaseMs: 50 });
  bus.setSubscriptions(catalogueSubscriptions(h.deps));
  bus.start();
  await bus.connection.whenConnected();
}, 30_000);

afterAll(async () => {
  await bus?.stopConsuming();
  await bus?.stop();
  if (connection) {
    const channel = await connection.createChannel();
    for (const queue of [queues.main, queues.retry, queues.deadLetter]) await channel.deleteQueue(queue);
    await channel.close();
  }
  await broker?.stop();
  await h?.close();
});

describe('an offer id belongs to the agency that published it first', { timeout: 30_000 }, () => {
  it('refuses another agency’s offer.published for it, dead-lettered with the reason; the clinics’ referrals still go to the owner', async () => {
    await publish(offer('welfare', 1, 'Social case'));
    await eventually(async () => (await h.models.offers.findById(offerId).lean()) ?? undefined);
    // TVTO's desk publishes the same id, a newer revision with its own text.
    const foreign = await publish(offer('vocational-training', 2, 'Taken over'));
    const letters = await eventually(async () => {
      const found = (await listDeadLetters(connection, service)).filter((l) => l.messageId === foreign);
      return found.length > 0 ? found : undefined;
    });
    expect(letters).toHaveLength(1);
    expect(letters[0]!.error).toBe(`offer ${offerId} belongs to welfare; vocational-training may not publish it; refused`);
    expect(letters[0]!.attempts).toBe(1);

    const stored = await h.models.offers.findById(offerId).lean();
    expect(stored).toMatchObject({ agency: 'welfare', revision: 1, title: { en: 'Social case' } });
    const residentId = await addResident(h.models, 'clinic-sarasiab', 'nbh-sarasiab');
    await addConsent(h.models, residentId, 'clinic-sarasiab', 'welfare', new Date(h.clock.now().getTime() - 86_400_000));
    const referral = await h.api('worker').post('/referrals', { residentId, offerId, needCategory: 'social-care' });
    expect(referral.status).toBe(201);
    expect(referral.body.agency).toBe('welfare');
    const [made] = await h.outboxOf(h.models.referrals.collection.collectionName, referral.body.id);
    expect(made).toMatchObject({ type: 'clinics.referral.made', data: { agency: 'welfare', offerId, residentRef: residentId } });
  });

  it('still takes the owner’s own next revision', async () => {
    await publish(offer('welfare', 3, 'Social case, revised'));
    const stored = await eventually(async () => {
      const found = await h.models.offers.findById(offerId).lean();
      return found?.revision === 3 ? found : undefined;
    });
    expect(stored).toMatchObject({ agency: 'welfare', title: { en: 'Social case, revised' } });
  });
});
