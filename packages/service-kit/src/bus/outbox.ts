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

/** Gives an aggregate's schema its outbox: pending events travel in the aggregate's own document. */
export function addOutbox(schema: Schema): Schema {
  schema.add({
    outbox: { type: [new Schema({ _id: String, routingKey: String, envelope: Schema.Types.Mixed }, { minimize: false })], default: [] },
  });
  // Sparse: only documents with pending events are in it, so the sweep stays cheap on MongoDB.
  schema.index({ 'outbox._id': 1 }, { sparse: true });
  return schema;
}

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
  /** How often the whole of every source collection is searched for events left behind (crash, outage). */
  sweepIntervalMs?: number;
  batchSize?: number;
}

type Collection = mongo.Collection;
const pendingFilter = { 'outbox._id': { $exists: true } };

/**
 * Drains the aggregates' outboxes: publish with confirms, then remove exactly the entries that were
 * confirmed. A crash between the two re-publishes them later: at-least-once, and consumers
 * deduplicate by event id.
 *
 * Writers name the documents they just wrote (`kick(ids)`), which are fetched by `_id` at once: the
 * only lookup FerretDB's SQLite backend answers without scanning the collection. A periodic sweep
 * finds whatever was left behind.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private hinted = new Set<string>();
  private sweepDue = true;
  private lastSweep = 0;
  private stopped = true;
  published = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.stopped = false;
    this.sweepSoon();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Publish these just-written documents' events now, rather than at the next sweep. */
  kick(ids: readonly string[] = []): void {
    for (const id of ids) this.hinted.add(id);
    this.run();
  }

  /** After a reconnection everything pending may be stuck: search all of it. */
  sweepSoon(): void {
    this.sweepDue = true;
    this.run();
  }

  private run(): void {
    if (this.stopped || this.running) return;
    clearTimeout(this.timer);
    this.running = this.drainOnce().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.hinted.size > 0 || this.sweepDue) return this.run();
      const interval = this.options.sweepIntervalMs ?? 5_000;
      this.timer = setTimeout(() => {
        this.sweepDue = true;
        this.run();
      }, Math.max(0, this.lastSweep + interval - Date.now()));
    });
  }

  private async drainOnce(): Promise<void> {
    const ids = [...this.hinted];
    this.hinted.clear();
    const sweep = this.sweepDue;
    this.sweepDue = false;
    try {
      for (const model of this.options.sources) {
        const collection = model.collection as unknown as Collection;
        if (ids.length > 0) await this.drainIds(collection, ids);
        if (sweep) await this.drainSweep(collection);
      }
      if (sweep) this.lastSweep = Date.now();
    } catch (error) {
      // Broker or database away: the next periodic sweep (one interval from now) finds everything still pending.
      this.sweepDue = false;
      this.lastSweep = Date.now();
      this.options.logger.warn({ err: error }, 'outbox drain paused');
    }
  }

  private async drainIds(collection: Collection, ids: string[]): Promise<void> {
    const docs = await Promise.all(ids.map((id) => collection.findOne({ _id: id } as never, { projection: { outbox: 1 } })));
    await Promise.all(docs.map((doc) => (doc ? this.publishDoc(collection, doc) : undefined)));
  }

  private async drainSweep(collection: Collection): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    for (;;) {
      const docs = await collection.find(pendingFilter, { projection: { outbox: 1 } }).limit(batchSize).toArray();
      await Promise.all(docs.map((doc) => this.publishDoc(collection, doc)));
      if (docs.length < batchSize) return;
    }
  }

  private async publishDoc(collection: Collection, doc: mongo.Document): Promise<void> {
    const entries = (doc['outbox'] ?? []) as OutboxEntry[];
    if (entries.length === 0) return;
    await Promise.all(entries.map((e) => this.options.publisher.publishEvent(eventsExchange, e.routingKey, e.envelope)));
    // $pullAll with the exact stored entries: FerretDB does not support $pull with a condition.
    await collection.updateOne({ _id: doc['_id'] }, { $pullAll: { outbox: entries } } as never);
    this.published += entries.length;
  }
}
