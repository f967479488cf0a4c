/**
 * A fixed-window request counter per key (e.g. the caller's IP), kept in memory: enough to stop one
 * client from walking a public lookup (tracking codes) at speed. Each replica counts on its own.
 */
export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /** Counts one request for `key`; says whether it is allowed and, if not, when to try again. */
  hit(key: string): { allowed: boolean; remaining: number; retryAfterSeconds: number };
}

export function createRateLimiter({ limit, windowMs, now = Date.now }: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  if (!(limit > 0) || !(windowMs > 0)) throw new RangeError('limit and windowMs must be positive');
  const windows = new Map<string, { startedAt: number; count: number }>();
  let lastSweep = now();
  return {
    limit,
    windowMs,
    hit(key) {
      const at = now();
      // Forget finished windows now and then, so the map holds only the callers of the last window.
      if (at - lastSweep >= windowMs) {
        for (const [k, w] of windows) if (at - w.startedAt >= windowMs) windows.delete(k);
        lastSweep = at;
      }
      let window = windows.get(key);
      if (!window || at - window.startedAt >= windowMs) {
        window = { startedAt: at, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000));
      return { allowed: window.count <= limit, remaining: Math.max(0, limit - window.count), retryAfterSeconds };
    },
  };
}
