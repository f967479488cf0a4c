import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { HttpProblem } from '../http/problem.js';
import { isDuplicateKey } from '../mongo.js';

/**
 * Leases: "only one writer at a time" for a document or a job, across every replica of a service.
 *
 * Why inserts: FerretDB 1.24 applies every update and delete as read → decide → write by `_id`, with
 * nothing held in between (measured: 500 concurrent `$inc` ended at 4–21; conditional decrements all
 * said "modified" while most were lost). The one thing it guarantees across processes is a unique
 * index: of 50 concurrent inserts of one `_id`, exactly one is stored. So a lease is the insert of
 * `{_id: key, holder, expiresAt}` into the kit's `leases` collection; whoever inserted it holds it.
 *
 * The deletes that end a lease must not race (a delete is read-then-delete-by-`_id` too, so a delete
 * that read an old lease could remove the next holder's): only two parties ever delete a lease —
 * its holder while it is well within its time (`releaseMarginMs` left), and, once it has expired,
 * the one taker that won the unique takeover claim for that holder's token. A holder that overran
 * leaves its lease to expire rather than delete it late. Takers wait `expiryGraceMs` past expiry,
 * so the two never meet even with a little clock skew between replicas.
 */
export interface LeaseOptions {
  /** How long a lease lives if its holder vanishes (crash, SIGKILL). Work under a lease must end well before. */
  ttlMs?: number;
  /** How long `acquire` waits for a lease someone else holds before it gives up with LeaseBusyError. */
  maxWaitMs?: number;
  /** A holder deletes its lease only while at least this much of it is left; later it lets it expire. */
  releaseMarginMs?: number;
  /** A lease is taken over only this long after it expired (clock skew between replicas). */
  expiryGraceMs?: number;
  now?: () => number;
  logger?: Logger;
}

export interface Lease {
  key: string;
  holder: string;
  expiresAt: number;
}

interface LeaseDoc {
  _id: string;
  holder: string;
  expiresAt: Date;
}

/** A lease could not be had in time: the record is being changed by someone else. Answers 503 with Retry-After. */
export class LeaseBusyError extends HttpProblem {
  override name = 'LeaseBusyError';
  readonly retryAfterSeconds: number;
  constructor(
    readonly key: string,
    retryAfterSeconds = 1,
  ) {
    super(503, 'Service Unavailable', 'another change of the same record is in progress; try again shortly', { code: 'busy' });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const leasesCollection = 'leases';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Leases {
  readonly ttlMs: number;
  private readonly maxWaitMs: number;
  private readonly releaseMarginMs: number;
  private readonly expiryGraceMs: number;
  private readonly now: () => number;
  /** Store round trips for leases (acquire attempts, reads, releases), for measurements. */
  roundTrips = 0;

  constructor(
    private readonly connection: Connection,
    private readonly options: LeaseOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.releaseMarginMs = options.releaseMarginMs ?? Math.min(10_000, this.ttlMs / 3);
    this.expiryGraceMs = options.expiryGraceMs ?? Math.min(2_000, this.ttlMs / 10);
    this.now = options.now ?? Date.now;
  }

  private get collection() {
    return this.connection.collection<LeaseDoc>(leasesCollection);
  }

  /**
   * Inserts the lease for `key`; waits (bounded backoff, at most `maxWaitMs`) while another holder has it;
   * takes over an expired one.
   */
  async acquire(key: string, { maxWaitMs = this.maxWaitMs }: { maxWaitMs?: number } = {}): Promise<Lease> {
    const started = this.now();
    let delay = 2;
    for (;;) {
      const holder = randomUUID();
      const expiresAt = this.now() + this.ttlMs;
      try {
        this.roundTrips++;
        await this.collection.insertOne({ _id: key, holder, expiresAt: new Date(expiresAt) });
        return { key, holder, expiresAt };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      this.roundTrips++;
      const current = await this.collection.findOne({ _id: key });
      const waited = this.now() - started;
      // Released in between: try again at once.
      if (!current && waited < maxWaitMs) continue;
      const expired = current !== null && current.expiresAt.getTime() + this.expiryGraceMs < this.now();
      if (expired && (await this.takeOver(key, current))) continue;
      if (waited + delay > maxWaitMs) throw new LeaseBusyError(key, Math.max(1, Math.ceil(Math.min(maxWaitMs, this.maxWaitMs) / 1000)));
      await sleep(delay + Math.random() * delay);
      // A long wait (outlasting a dead holder) polls the store less often.
      delay = Math.min(delay * 2, maxWaitMs > this.maxWaitMs ? 1_000 : 100);
    }
  }

  /**
   * Ends an expired lease: only the taker whose claim `<key>~takeover~<holder>~<n>` is stored deletes it
   * (a claim whose taker died in between expires in its turn, and the next generation `n+1` is claimed).
   */
  private async takeOver(key: string, stale: LeaseDoc): Promise<boolean> {
    const claimTtl = Math.max(1_000, this.releaseMarginMs);
    for (let n = 1; n < 100; n++) {
      const claimId = `${key}~takeover~${stale.holder}~${n}`;
      const me = randomUUID();
      const claimExpires = this.now() + claimTtl;
      try {
        this.roundTrips++;
        await this.collection.insertOne({ _id: claimId, holder: me, expiresAt: new Date(claimExpires) });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const claim = await this.collection.findOne({ _id: claimId });
        if (claim && claim.expiresAt.getTime() + this.expiryGraceMs < this.now()) continue;
        // Another taker is on it (or has just done it).
        return false;
      }
      // Our claim is fresh (checked, since a slow store could have eaten its time): delete the stale lease, then the claim.
      if (this.now() < claimExpires - this.expiryGraceMs) {
        this.roundTrips += 2;
        await this.collection.deleteOne({ _id: key, holder: stale.holder });
        this.options.logger?.warn({ key, holder: stale.holder }, 'took over an expired lease (its holder stopped or overran)');
      }
      await this.collection.deleteOne({ _id: claimId, holder: me });
      return true;
    }
    return false;
  }

  /**
   * Deletes the lease while it is well within its time; an overrun lease is left to expire (see above).
   * A failed delete (no pooled connection in time under a burst) is tried again until that margin: a
   * lease left behind would refuse every writer of its key as busy until it expires.
   */
  async release(lease: Lease): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.now() >= lease.expiresAt - this.releaseMarginMs) {
        this.options.logger?.warn(
          { key: lease.key, overranMs: this.now() - (lease.expiresAt - this.ttlMs) },
          'work under a lease overran; the lease is left to expire',
        );
        return;
      }
      try {
        this.roundTrips++;
        await this.collection.deleteOne({ _id: lease.key, holder: lease.holder });
        return;
      } catch (error) {
        this.options.logger?.warn({ err: error, key: lease.key, attempt }, 'could not release a lease yet; trying again');
        await sleep(Math.min(1_000, 50 * 2 ** attempt));
      }
    }
  }

  /** Long enough to outlast any holder: its lease expires (plus the grace) within this. */
  get outlastMs(): number {
    return this.ttlMs + this.expiryGraceMs + 1_000;
  }

  /** Runs `work` holding the lease for `key`. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lease = await this.acquire(key);
    try {
      return await work();
    } finally {
      await this.release(lease);
    }
  }
}
