import type { Channel } from 'amqplib';

export const eventsExchange = 'hamgam.events';
export const deadLetterExchange = 'hamgam.dlx';

/**
 * Every event also lands here (bounded, oldest dropped first): operators can trace a journey, and since
 * every event has at least this route, a message the broker returns as unroutable (publishing is
 * mandatory) really means the queues were unavailable, so the outbox keeps it and tries again.
 */
export const auditQueue = 'hamgam.audit';
export const auditQueueArguments = { 'x-queue-type': 'quorum', 'x-max-length': 100_000, 'x-overflow': 'drop-head' };

/** A message that keeps crashing its consumer is dead-lettered by the broker after this many deliveries. */
export const brokerDeliveryLimit = 10;

export function queuesOf(service: string) {
  const main = `hamgam.${service}`;
  return { main, retry: `${main}.retry`, deadLetter: `${main}.dlq` };
}

/**
 * Declares the service's part of the topology, with exactly the arguments of
 * infra/rabbitmq/definitions.json (a declaration with other arguments is refused by the broker).
 */
export async function declareTopology(channel: Channel, service: string, bindingKeys: readonly string[]): Promise<void> {
  const q = queuesOf(service);
  await channel.assertExchange(eventsExchange, 'topic', { durable: true });
  await channel.assertExchange(deadLetterExchange, 'direct', { durable: true });
  await channel.assertQueue(auditQueue, { durable: true, arguments: auditQueueArguments });
  await channel.bindQueue(auditQueue, eventsExchange, '#');
  await channel.assertQueue(q.main, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': deadLetterExchange,
      'x-dead-letter-routing-key': q.deadLetter,
      'x-delivery-limit': brokerDeliveryLimit,
    },
  });
  // Retries wait here (per-message expiration), then the broker routes them back to the main queue.
  await channel.assertQueue(q.retry, {
    durable: true,
    arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': q.main },
  });
  await channel.assertQueue(q.deadLetter, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(q.deadLetter, deadLetterExchange, q.deadLetter);
  for (const key of bindingKeys) await channel.bindQueue(q.main, eventsExchange, key);
}
