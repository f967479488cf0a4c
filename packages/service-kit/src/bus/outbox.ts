import { createEnvelope, routingKeyOf, type Actor, type Envelope } from '@hamgam/contracts';
import { Schema, type Model, type mongo } from 'mongoose';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { queryTimeLimitOf } from '../mongo.js';
import { captureTraceContext, withTraceContext } from '../tracing/context.js';
import type { DocumentLocks } from './document-locks.js';
import { eventsExchange } from './topology.js';
import type { ConfirmPublisher } from './publisher.js';

/** One event waiting in its aggregate's document; written in the same single-document write as the change. */
export interface OutboxEntry {
  _id: string;
  routingKey: string;
  envelope: Envelope;
  /**
   * The W3C trace context (traceparent, tracestate) active when the event was written, when tracing is on:
   * the relay publishes the event under it, so its consumers' spans belong to the request that caused it.
   */
  trace?: Record<string, string>;
}

/** Gives an aggregate's schema its outbox: pending events travel in the aggregate's own document. */
export function addOutbox<S extends Schema<any>>(schema: S): S {
  schema.add({
    outbox: {
      type: [new Schema({ _id: String, routingKey: String, envelope: Schema.Types.Mixed, trace: Schema.Types.Mixed }, { minimize: false })],
      default: [],
    },
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

/**
 * The cause of events an agency writes: a user through a request (their token's subject, never a name),
 * or the service itself (a name such as `demo-seed`); `causationId` is the event a handler reacted to.
 */
export function eventCause(agency: string, who: { subject: string } | string, correlationId: string, causationId?: string): EventCause {
  const subject = typeof who === 'string' ? who : who.subject;
  return { actor: { subject, agency }, correlationId, ...(causationId ? { causationId } : {}) };
}

/**
 * Wraps drafted events in envelopes ready to be stored in an aggregate's outbox, with the active trace
 * context when tracing is on (call it where the change is made: in the request or the event handler).
 */
export function outboxEntries(source: string, cause: EventCause, drafts: readonly EventDraft<unknown>[]): OutboxEntry[] {
  const trace = captureTraceContext();
  return drafts.map((draft) => {
    const envelope = createEnvelope({ ...draft, source, ...cause });
    return { _id: envelope.id, routingKey: routingKeyOf(envelope), envelope, ...(trace ? { trace } : {}) };
  });
}

export interface OutboxRelayOptions {
  sources: readonly Model<any>[];
  /** Shared with the service's own updates of these documents (see DocumentLocks). */
  locks: DocumentLocks;
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
  /** Stopping: no timer and no sweeps; the documents in hand are finished (see stop). */
  private state: 'idle' | 'running' | 'stopping' = 'idle';
  /** Documents whose events are confirmed but not yet removed from their outbox. */
  private readonly marking = new Set<string>();
  /** Marked since this drain began: a read that started before the mark may still show their entries. */
  private readonly marked = new Set<string>();
  private marks: Promise<void> = Promise.resolve();
  published = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.state = 'running';
    this.sweepSoon();
  }

  /**
   * Stops the timer and the sweeps, and lets the pass in progress finish (a sweep ends after its current
   * batch), together with the documents writers named meanwhile and the removal of what was confirmed:
   * each event is then either published and gone from its outbox, or still there for another replica's
   * sweep. A shutdown bounds how long this may take; cut short, a confirmed event not yet removed is sent
   * again later (consumers dedupe).
   */
  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopping';
    clearTimeout(this.timer);
    while (this.running) await this.running;
    await this.marks;
    this.state = 'idle';
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

  /**
   * The relay's passes run in no request's context, though a request's kick starts one: each event is
   * published under its own entry's trace context, and the relay's own reads and writes (and its timer)
   * must not join, let alone outlive, the trace of whichever request kicked it.
   */
  private run(): void {
    context.with(ROOT_CONTEXT, () => this.runNow());
  }

  private runNow(): void {
    if (this.state === 'idle' || this.running) return;
    if (this.state === 'stopping' && this.hinted.size === 0) return;
    clearTimeout(this.timer);
    this.running = this.drainOnce().finally(() => {
      this.running = undefined;
      if (this.state !== 'running' || this.hinted.size > 0 || this.sweepDue) return this.run();
      const interval = this.options.sweepIntervalMs ?? 5_000;
      this.timer = setTimeout(
        () => {
          // A marking queue means the relay is busy with known documents: a periodic sweep would only
          // re-read them (FerretDB scans the whole collection), so it is put off by one interval.
          if (this.marking.size > 0) this.lastSweep = Date.now();
          else this.sweepDue = true;
          this.run();
        },
        Math.max(0, this.lastSweep + interval - Date.now()),
      );
    });
  }

  private async drainOnce(): Promise<void> {
    this.marked.clear();
    const ids = [...this.hinted];
    this.hinted.clear();
    // Stopping, a due sweep is left to the other replicas (or to this service's next start).
    const sweep = this.sweepDue && this.state === 'running';
    if (sweep) this.sweepDue = false;
    try {
      for (const model of this.options.sources) {
        const collection = model.collection as unknown as Collection;
        // The kit's raw reads get the same server-side limit as model queries (mongo.ts).
        const maxTimeMS = queryTimeLimitOf(model.db);
        if (ids.length > 0) await this.drainIds(collection, ids, maxTimeMS);
        // Stopping: the sweep ends after its current batch; the rest is left to the next sweep, wherever it runs.
        if (sweep && this.state === 'running') await this.drainSweep(collection, maxTimeMS);
      }
      if (sweep) this.lastSweep = Date.now();
    } catch (error) {
      // Broker or database away: the next periodic sweep (one interval from now) finds everything still pending.
      this.sweepDue = false;
      this.lastSweep = Date.now();
      this.options.logger.warn({ err: error }, 'outbox drain paused');
    }
  }

  private async drainIds(collection: Collection, ids: string[], maxTimeMS?: number): Promise<void> {
    const docs = await Promise.all(ids.map((id) => collection.findOne({ _id: id } as never, { projection: { outbox: 1 }, maxTimeMS })));
    await this.publishDocs(
      collection,
      docs.filter((doc) => doc !== null),
    );
  }

  private async drainSweep(collection: Collection, maxTimeMS?: number): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    let batch: mongo.Document[] = [];
    // One pass over the pending documents; those still being marked are skipped here rather than in the
    // query, since FerretDB evaluates $nin in full for every document.
    for await (const doc of collection.find(pendingFilter, { projection: { outbox: 1 }, batchSize, maxTimeMS })) {
      batch.push(doc);
      if (batch.length === batchSize) {
        await this.publishDocs(collection, batch);
        batch = [];
        if (this.state !== 'running') return;
      }
    }
    await this.publishDocs(collection, batch);
  }

  /**
   * Publishes all entries at once (the broker confirms in bulk) and queues the confirmed documents to be
   * marked one after another: writes to one FerretDB/SQLite database only queue behind its write lock,
   * and publishing need not wait for them. A document still being marked is not published again.
   */
  private async publishDocs(collection: Collection, docs: mongo.Document[]): Promise<void> {
    const pending = docs
      .filter((doc) => !this.marking.has(String(doc['_id'])) && !this.marked.has(String(doc['_id'])))
      .map((doc) => ({ id: String(doc['_id']), entries: (doc['outbox'] ?? []) as OutboxEntry[] }))
      .filter((p) => p.entries.length > 0);
    const confirmations = await Promise.allSettled(
      pending.map(({ entries }) =>
        Promise.all(
          entries.map((e) =>
            // Published under the context the event was written in, not the relay's: the trace goes on from the cause.
            withTraceContext(e.trace, () => this.options.publisher.publishEvent(eventsExchange, e.routingKey, e.envelope)),
          ),
        ),
      ),
    );
    let failure: unknown;
    for (const [index, confirmation] of confirmations.entries()) {
      if (confirmation.status === 'rejected') failure ??= confirmation.reason;
      else this.markSent(collection, pending[index]!.id, pending[index]!.entries);
    }
    if (failure) throw failure;
  }

  private markSent(collection: Collection, id: string, entries: OutboxEntry[]): void {
    this.marking.add(id);
    this.marks = this.marks
      // $pullAll with the exact stored entries: FerretDB does not support $pull with a condition.
      .then(() =>
        this.options.locks.run(collection.collectionName, id, () =>
          collection.updateOne({ _id: id } as never, { $pullAll: { outbox: entries } } as never),
        ),
      )
      .then(
        () => {
          this.published += entries.length;
          this.marked.add(id);
        },
        (error: unknown) => this.options.logger.warn({ err: error, id }, 'could not mark outbox entries sent; they will be sent again'),
      )
      .finally(() => this.marking.delete(id));
  }
}
