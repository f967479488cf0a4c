import { createEnvelope, routingKeyOf, type Actor, type Envelope } from '@hamgam/contracts';
import { Schema, type Model, type mongo } from 'mongoose';
import type { Logger } from 'pino';
import { eventsExchange } from './topology.js';
import type { ConfirmPublisher } from './publisher.js';

/** One event waiting in its aggregate's document; written in the same single-document write as the change. */
export interface OutboxEntry {
  _id: string;
  routingKey: string;
  envelope: Envelope;
}

/** Add to an aggregate's mongoose schema: `outbox: outboxField`. */
export const outboxField = {
  type: [new Schema({ _id: String, routingKey: String, envelope: Schema.Types.Mixed }, { minimize: false })],
  default: [],
};

export interface EventDraft<T> {
  type: string;
  version: number;
  data: T;
}

export interface EventCause {
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
}

/** Wraps drafted events in envelopes ready to be stored in an aggregate's outbox. */
export function outboxEntries(source: string, cause: EventCause, drafts: readonly EventDraft<unknown>[]): OutboxEntry[] {
  return drafts.map((draft) => {
    const envelope = createEnvelope({ ...draft, source, ...cause });
    return { _id: envelope.id, routingKey: routingKeyOf(envelope), envelope };
  });
}

export interface OutboxRelayOptions {
  sources: readonly Model<any>[];
  publisher: ConfirmPublisher;
  logger: Logger;
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * Drains every aggregate collection's outbox: publish with confirms, then remove exactly the entries
 * that were confirmed. A crash between the two re-publishes them later: at-least-once, and consumers
 * deduplicate by event id.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  published = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Drain now (after a write) instead of waiting for the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drainAll().then(() => undefined).finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.timer = setTimeout(() => this.kick(), this.options.pollIntervalMs ?? 1_000);
      }
    });
  }

  /** Publishes everything pending; returns how many events went out. */
  async drainAll(): Promise<number> {
    let sent = 0;
    for (const model of this.options.sources) {
      try {
        sent += await this.drain(model.collection as unknown as mongo.Collection);
      } catch (error) {
        this.options.logger.warn({ err: error, collection: model.collection.name }, 'outbox drain paused');
      }
    }
    this.published += sent;
    return sent;
  }

  private async drain(collection: mongo.Collection): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    let sent = 0;
    for (;;) {
      const docs = await collection
        .find({ 'outbox.0': { $exists: true } }, { projection: { outbox: 1 } })
        .limit(batchSize)
        .toArray();
      if (docs.length === 0) return sent;
      await Promise.all(
        docs.map(async (doc) => {
          const entries = doc['outbox'] as OutboxEntry[];
          await Promise.all(entries.map((e) => this.options.publisher.publishEvent(eventsExchange, e.routingKey, e.envelope)));
          // $pullAll with the exact stored entries: FerretDB does not support $pull with a condition.
          await collection.updateOne({ _id: doc._id }, { $pullAll: { outbox: entries } } as never);
          sent += entries.length;
        }),
      );
      if (docs.length < batchSize) return sent;
    }
  }
}
