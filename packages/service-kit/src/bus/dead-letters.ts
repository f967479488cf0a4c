import type { ChannelModel, ConfirmChannel, GetMessage } from 'amqplib';
import { attemptsHeader, errorHeader } from './consumer.js';
import { queuesOf } from './topology.js';

export interface DeadLetter {
  messageId: string;
  type: string;
  attempts: number;
  error: string;
  correlationId: string | undefined;
  body: unknown;
}

function describe(msg: GetMessage): DeadLetter {
  const headers = msg.properties.headers ?? {};
  let body: unknown;
  try {
    body = JSON.parse(msg.content.toString('utf8'));
  } catch {
    body = msg.content.toString('utf8');
  }
  return {
    messageId: String(msg.properties.messageId ?? ''),
    // Publishers other than the relay may not set the AMQP type; the envelope always names it.
    type: String(msg.properties.type ?? (body as { type?: unknown } | undefined)?.type ?? ''),
    attempts: Number(headers[attemptsHeader] ?? 0),
    error: String(headers[errorHeader] ?? (headers['x-first-death-reason'] ? `broker: ${headers['x-first-death-reason']}` : '')),
    correlationId: msg.properties.correlationId as string | undefined,
    body,
  };
}

/**
 * Takes every message of the service's dead-letter queue without acknowledging it; closing the
 * channel afterwards puts back whatever was not explicitly acknowledged.
 */
async function drainUnacked(connection: ChannelModel, service: string): Promise<{ channel: ConfirmChannel; messages: GetMessage[] }> {
  const channel = await connection.createConfirmChannel();
  const messages: GetMessage[] = [];
  for (;;) {
    const msg = await channel.get(queuesOf(service).deadLetter, { noAck: false });
    if (msg === false) break;
    messages.push(msg);
  }
  return { channel, messages };
}

export async function listDeadLetters(connection: ChannelModel, service: string): Promise<DeadLetter[]> {
  const { channel, messages } = await drainUnacked(connection, service);
  await channel.close();
  return messages.map(describe);
}

/**
 * Sends the chosen dead letters back to the service's queue with a fresh attempt count, once the
 * broker confirmed the copy; the rest stay parked.
 */
export async function replayDeadLetters(
  connection: ChannelModel,
  service: string,
  choose: (letter: DeadLetter) => boolean,
): Promise<DeadLetter[]> {
  const { channel, messages } = await drainUnacked(connection, service);
  const chosen = messages.filter((m) => choose(describe(m)));
  for (const msg of chosen) {
    const { [attemptsHeader]: _attempts, [errorHeader]: _error, ...headers } = msg.properties.headers ?? {};
    channel.publish('', queuesOf(service).main, msg.content, {
      ...msg.properties,
      headers: { ...headers, 'x-hamgam-replayed-at': new Date().toISOString() },
      persistent: true,
    });
  }
  await channel.waitForConfirms();
  for (const msg of chosen) channel.ack(msg);
  await channel.close();
  return chosen.map(describe);
}
