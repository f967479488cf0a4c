import type { Leases } from '../data/leases.js';

/**
 * "One writer at a time" for one document (or one rule's key), across every replica of the service.
 *
 * Why: FerretDB 1.24 applies an update as read → modify → write back without holding the row, within
 * one process and across processes (measured: 500 concurrent `$inc` on one document ended at 4–21;
 * 200 `$push`/`$pullAll` pairs lost ~195 of each). The outbox relay removes sent events with an update;
 * a service appending an event to the same document at that moment would lose it; a read → decide →
 * write (a state transition, a seat count) would decide on stale state. Both take this lock, keyed by
 * collection and id.
 *
 * Behind it is a lease in the store (see Leases: an insert under the unique `_id`, the only thing
 * FerretDB guarantees across processes). In front of it, an in-process queue per key, so that one
 * process's writers of one document wait for each other in memory and only the head of the queue asks
 * the store. Work under the lock must be short (well under the lease's 30 s); a lease not had within
 * its bound rejects with LeaseBusyError (503, Retry-After).
 *
 * `new DocumentLocks(null)` is in-process only: for unit tests of pure logic, never for a service.
 */
export class DocumentLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(readonly leases: Leases | null) {}

  /**
   * `wait: 'outlast'` waits for the lease until any holder's lease would have expired (about 33 s) instead
   * of the usual bound: for work that must not give up on a holder that died (the consumer's in-flight guard).
   */
  run<T>(collection: string, id: string, work: () => Promise<T>, { wait }: { wait?: 'bounded' | 'outlast' } = {}): Promise<T> {
    const key = `${collection}/${id}`;
    const leases = this.leases;
    // The lease's release (a delete) is off the caller's path: the caller has its answer when the work is
    // done, and this process's next writer of the key waits for the release (the queue's tail includes it).
    let released: Promise<void> | undefined;
    const leased = leases
      ? async () => {
          const lease = await leases.acquire(key, wait === 'outlast' ? { maxWaitMs: leases.outlastMs } : {});
          try {
            return await work();
          } finally {
            released = leases.release(lease);
          }
        }
      : work;
    const result = (this.tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(leased);
    const tail = result.catch(() => undefined).then(() => released);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
