import { envelopeSchema, schemaFor, type Envelope } from '@hamgam/contracts';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Channel, ConsumeMessage } from 'amqplib';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { DocumentLocks } from './document-locks.js';
import { alreadyHandled, recordHandled } from './inbox.js';
import type { ConfirmPublisher } from './publisher.js';
import type { SubscriptionRegistry } from './subscriptions.js';
import { deadLetterExchange, queuesOf } from './topology.js';
import { traceContextOf } from '../tracing/context.js';

const tracer = trace.getTracer('@hamgam/service-kit');

/** A message that can never succeed, however often it is retried: it goes straight to dead letters. */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

export const attemptsHeader = 'x-hamgam-attempts';
export const errorHeader = 'x-hamgam-error';

export interface ConsumerOptions {
  service: string;
  registry: () => SubscriptionRegistry;
  inbox: Model<any>;
  publisher: ConfirmPublisher;
  logger: Logger;
  /** The service's locks (leases behind them): one copy of an event at a time, across replicas. */
  locks: DocumentLocks;
  prefetch?: number;
  /** Handling attempts before a failing message is parked in the dead-letter queue. */
  maxAttempts?: number;
  /** First retry delay; each further retry waits four times longer. */
  retryBaseMs?: number;
}

/** Validates, deduplicates (inbox), handles, retries with growing delay, and dead-letters. */
export class EventConsumer {
  private readonly queues;
  handled = 0;
  /** Deliveries the inbox recognised as already applied. */
  duplicates = 0;
  /** Deliveries being handled, with the channel each came on: a shutdown waits for them or hands them back. */
  private readonly inHand = new Map<ConsumeMessage, Channel>();
  private idleWaiters: (() => void)[] = [];
  private consuming: { channel: Channel; consumerTag: string } | undefined;
  private isCancelled = false;

  constructor(private readonly options: ConsumerOptions) {
    this.queues = queuesOf(options.service);
  }

  async attach(channel: Channel, onCancelled: () => void): Promise<void> {
    await channel.prefetch(this.options.prefetch ?? 20);
    const { consumerTag } = await channel.consume(this.queues.main, (msg) => {
      // A null message means the broker cancelled the consumer (queue deleted): rebuild everything.
      if (msg === null) return onCancelled();
      this.inHand.set(msg, channel);
      void this.onDelivery(msg);
    });
    this.consuming = { channel, consumerTag };
    // A shutdown that began while the consumer was being set up.
    if (this.isCancelled) await this.cancel();
  }

  /** Set by a shutdown: no consumer is started again, even by a reconnection. */
  get cancelled(): boolean {
    return this.isCancelled;
  }

  /** The connection is gone, and its consumer with it (the broker requeued what was unacknowledged). */
  detach(): void {
    this.consuming = undefined;
  }

  /** Shutdown, first step: the broker sends no more deliveries; those in hand are still handled and acked. */
  async cancel(): Promise<void> {
    this.isCancelled = true;
    const consuming = this.consuming;
    this.consuming = undefined;
    await consuming?.channel.cancel(consuming.consumerTag);
  }

  get inFlight(): number {
    return this.inHand.size;
  }

  /** Resolves once every delivery in hand has been answered (acked, or sent round the retry queue). */
  whenIdle(): Promise<void> {
    return this.inHand.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * The shutdown bound passed: deliveries still in hand go back to the queue now, for another replica.
   * Their handlers may still end later; what they would answer then is dropped (never a second answer).
   */
  requeueInHand(): void {
    for (const msg of [...this.inHand.keys()]) this.answer(msg, (channel) => channel.nack(msg, false, true));
  }

  /**
   * Each delivery is handled inside the trace context it carries (W3C traceparent in the headers): the
   * amqplib instrumentation's consume span when it is active, else the context extracted here. The span
   * `handle <event type>` covers the inbox check, the handler and the inbox record.
   */
  private onDelivery(msg: ConsumeMessage): Promise<void> {
    const instrumented = trace.getSpan(context.active()) !== undefined;
    const parent = instrumented ? context.active() : traceContextOf(msg.properties.headers);
    const name = `handle ${typeof msg.properties.type === 'string' && msg.properties.type ? msg.properties.type : this.queues.main}`;
    const attributes = {
      'messaging.system': 'rabbitmq',
      'messaging.destination.name': this.queues.main,
      'messaging.message.id': String(msg.properties.messageId ?? ''),
    };
    return tracer.startActiveSpan(name, { kind: instrumented ? SpanKind.INTERNAL : SpanKind.CONSUMER, attributes }, parent, (span) =>
      this.onMessage(msg).then(
        (outcome) => {
          if (outcome) span.setStatus({ code: SpanStatusCode.ERROR, message: String((outcome as Error)?.message ?? outcome) });
          span.end();
        },
        (error: unknown) => {
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          throw error;
        },
      ),
    );
  }

  /** Resolves with the handling's failure, if any (already answered: retried or dead-lettered). */
  private async onMessage(msg: ConsumeMessage): Promise<unknown> {
    const { logger } = this.options;
    let envelope: Envelope | undefined;
    try {
      envelope = decode(msg.content);
      const subscription = this.options.registry().find(envelope.type, envelope.version);
      if (!subscription) throw new PoisonMessageError(`no handler for ${envelope.type} v${envelope.version}`);
      const parsed = schemaFor(envelope.type, envelope.version)?.safeParse(envelope.data);
      if (!parsed?.success)
        throw new PoisonMessageError(`data does not match ${envelope.type} v${envelope.version}: ${parsed?.error.message}`);
      const log = logger.child({ eventId: envelope.id, eventType: envelope.type, correlationId: envelope.correlationId });
      const event = envelope;
      // One copy of an event at a time, across replicas: a duplicate delivered (to any replica) while the
      // first copy is being handled waits for its lease, then finds the inbox entry the first one wrote.
      // It waits as long as the lease can live (a holder that was killed leaves it to expire), holding
      // the delivery: sending it round the retry queue instead would spend its attempts on waiting, and
      // a classic queue dead-letters at most once (a broker restart meanwhile could drop it).
      await this.options.locks.run(
        'inbox',
        event.id,
        async () => {
          if (await alreadyHandled(this.options.inbox, event.id)) {
            this.duplicates++;
            log.debug('duplicate event skipped');
            return;
          }
          await subscription.handle({ ...event, data: parsed.data }, { log });
          await recordHandled(this.options.inbox, event.id, event.type);
          this.handled++;
          log.info('event handled');
        },
        { wait: 'outlast' },
      );
      this.answer(msg, (channel) => channel.ack(msg));
      return undefined;
    } catch (error) {
      await this.onFailure(msg, error, envelope);
      return error ?? new Error('handling failed');
    }
  }

  private async onFailure(msg: ConsumeMessage, error: unknown, envelope: Envelope | undefined): Promise<void> {
    // Handed back at the shutdown bound: the queue has it again, so no retry copy is sent.
    if (!this.inHand.has(msg)) return;
    const attempts = Number(msg.properties.headers?.[attemptsHeader] ?? 0) + 1;
    const poison = error instanceof PoisonMessageError;
    const park = poison || attempts >= (this.options.maxAttempts ?? 5);
    const log = this.options.logger.child({ eventId: envelope?.id, correlationId: envelope?.correlationId, attempts });
    const headers = {
      ...msg.properties.headers,
      [attemptsHeader]: attempts,
      [errorHeader]: String((error as Error)?.message ?? error).slice(0, 500),
    };
    try {
      if (park) {
        await this.options.publisher.publishRaw(deadLetterExchange, this.queues.deadLetter, msg.content, { ...msg.properties, headers });
        log.error({ err: error }, poison ? 'poison message dead-lettered' : 'event dead-lettered after retries');
      } else {
        const delay = (this.options.retryBaseMs ?? 250) * 4 ** (attempts - 1);
        await this.options.publisher.publishRaw('', this.queues.retry, msg.content, {
          ...msg.properties,
          headers,
          expiration: String(delay),
        });
        log.warn({ err: error, delay }, 'event handling failed; retry scheduled');
      }
      this.answer(msg, (channel) => channel.ack(msg));
    } catch (publishError) {
      // The broker could not take the retry: give the message back; the quorum queue's delivery limit bounds this.
      log.warn({ err: publishError }, 'could not schedule retry; message returned to the queue');
      this.answer(msg, (channel) => channel.reject(msg, true));
    }
  }

  /** Answers a delivery in hand exactly once (a second ack or nack of one delivery closes the channel). */
  private answer(msg: ConsumeMessage, send: (channel: Channel) => void): void {
    const channel = this.inHand.get(msg);
    if (!channel) return;
    this.inHand.delete(msg);
    try {
      send(channel);
    } catch {
      // The channel is gone; the broker redelivers unacknowledged messages anyway (the inbox skips them).
    }
    if (this.inHand.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

function decode(content: Buffer): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch {
    throw new PoisonMessageError('message is not JSON');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw new PoisonMessageError(`not an event envelope: ${parsed.error.message}`);
  return parsed.data as Envelope;
}
