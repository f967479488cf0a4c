import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../mongo.js';

/**
 * A fixed-window request counter per key (e.g. the caller's IP): enough to stop one client from
 * walking a public lookup (tracking codes) at speed. Windows are aligned to the clock
 * (`floor(now / windowMs)`), so every replica counts into the same window.
 *
 * With a `store` (the service's database) the count is shared by all replicas and loses nothing:
 * hit k of a window is the insert of slot `<name>/<key>/<window>/<n>` for the first free n ≤ limit,
 * under the unique `_id` — the only write FerretDB 1.24 makes exact across processes (a `$inc` on a
 * counter document loses most concurrent increments there). When every slot 1..limit is taken, the
 * hit is refused without a write. Old windows are forgotten by a TTL index and, where the store has
 * no TTL monitor, by a sweep each process runs once per window.
 *
 * Without a store the count is per process (unit tests only).
 */
export interface RateLimitVerdict {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /** Counts one request for `key`; says whether it is allowed and, if not, when to try again. */
  hit(key: string): Promise<RateLimitVerdict>;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** Where the counts live, shared by every replica (the service's database); omit only in unit tests. */
  store?: Connection;
  /** Distinguishes limiters sharing one store (e.g. `tracking`). */
  name?: string;
  now?: () => number;
}

export const rateLimitCollection = 'rate_limits';

interface SlotDoc {
  _id: string;
  window: number;
  expiresAt: Date;
}

export function createRateLimiter({ limit, windowMs, store, name = 'default', now = Date.now }: RateLimiterOptions): RateLimiter {
  if (!(limit > 0) || !(windowMs > 0)) throw new RangeError('limit and windowMs must be positive');
  const verdict = (count: number, at: number, window: number): RateLimitVerdict => ({
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * windowMs - at) / 1000)),
  });

  if (!store) {
    const counts = new Map<string, { window: number; count: number }>();
    return {
      limit,
      windowMs,
      async hit(key) {
        const at = now();
        const window = Math.floor(at / windowMs);
        let entry = counts.get(key);
        if (!entry || entry.window !== window) {
          // Forget finished windows now and then, so the map holds only the callers of this window.
          if (counts.size > 10_000) for (const [k, e] of counts) if (e.window !== window) counts.delete(k);
          entry = { window, count: 0 };
          counts.set(key, entry);
        }
        entry.count++;
        return verdict(entry.count, at, window);
      },
    };
  }

  const slots = () => store.collection<SlotDoc>(rateLimitCollection);
  /** Per key, the next slot worth trying in the current window (a hint: the store decides), and whether the window is full. */
  const hints = new Map<string, { window: number; next: number }>();
  let indexed: Promise<unknown> | undefined;
  let sweptWindow = -1;
  return {
    limit,
    windowMs,
    async hit(key) {
      const at = now();
      const window = Math.floor(at / windowMs);
      indexed ??= slots()
        .createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 })
        .catch(() => undefined);
      await indexed;
      if (sweptWindow !== window) {
        sweptWindow = window;
        hints.clear();
        // Older windows can no longer be written to: removing them races with nothing.
        void slots()
          .deleteMany({ expiresAt: { $lt: new Date(at - windowMs) } })
          .catch(() => undefined);
      }
      let hint = hints.get(key);
      if (!hint || hint.window !== window) {
        hint = { window, next: 1 };
        hints.set(key, hint);
      }
      const expiresAt = new Date((window + 2) * windowMs);
      while (hint.next <= limit) {
        const n = hint.next++;
        try {
          await slots().insertOne({ _id: `${name}/${key}/${window}/${n}`, window, expiresAt });
          return verdict(n, at, window);
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          // Another request (here or in another replica) has slot n: try the next one.
        }
      }
      return verdict(limit + 1, at, window);
    },
  };
}
