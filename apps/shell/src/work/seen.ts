import { useCallback, useSyncExternalStore } from 'react';

/**
 * What the user had seen when they last marked the bell's list as seen: when (the services count what is new
 * after it, `GET /work?since=`), and each item's count then (for a kind a service cannot date, the rise in
 * its count is what is new).
 *
 * Kept in this browser's localStorage, one entry per user, rather than on a server: the marks hold no
 * personal data and decide nothing — the counts themselves always come fresh from the services, so a lost
 * or stale mark only shows an item as new again, it never hides work. The shell's server stays stateless
 * (no store, no token checks of its own, any replica serves anyone), and no service has to keep a per-user
 * list for the shell. The price: marks do not follow the user to another device.
 */
export interface SeenMarks {
  /** ISO instant of the last "mark as seen". */
  at: string;
  /** Count per item key (`<service>:<kind>`) at that moment. */
  counts: Record<string, number>;
}

const storageKey = (userId: string) => `hamgam.work.seen.${userId}`;

export function readSeen(userId: string): SeenMarks | null {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey(userId));
    if (!stored) return null;
    const parsed = JSON.parse(stored) as Partial<SeenMarks>;
    if (typeof parsed.at !== 'string' || typeof parsed.counts !== 'object' || parsed.counts === null) return null;
    return { at: parsed.at, counts: parsed.counts };
  } catch {
    return null; // unreadable marks are no marks: everything shows as new once
  }
}

export function writeSeen(userId: string, marks: SeenMarks): void {
  try {
    globalThis.localStorage?.setItem(storageKey(userId), JSON.stringify(marks));
  } catch {
    // Storage full or refused (private mode): the bell keeps counting from the last marks it has.
  }
}

/**
 * How many of an item are new since the marks: what the service says arrived after them (`fresh`), else the
 * rise in its count (never below zero); without marks, all of it.
 */
export const newSince = (marks: SeenMarks | null, item: { key: string; count: number; fresh?: number }): number =>
  marks && item.fresh !== undefined ? item.fresh : Math.max(0, item.count - (marks?.counts[item.key] ?? 0));

// The home and the bell read the marks together: a change in one shows in the other at once.
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; marks: SeenMarks | null }>();

function rawOf(userId: string): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey(userId)) ?? null;
  } catch {
    return null;
  }
}

/** The same object while the stored text is the same (useSyncExternalStore compares snapshots by identity). */
function snapshot(userId: string): SeenMarks | null {
  const raw = rawOf(userId);
  const cached = cache.get(userId);
  if (cached && cached.raw === raw) return cached.marks;
  const marks = readSeen(userId);
  cache.set(userId, { raw, marks });
  return marks;
}

/** The user's marks and the step that sets them; every component using it re-renders when they change. */
export function useSeenMarks(userId: string): [SeenMarks | null, (marks: SeenMarks) => void] {
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  const marks = useSyncExternalStore(subscribe, () => snapshot(userId));
  const mark = useCallback(
    (next: SeenMarks) => {
      writeSeen(userId, next);
      // Stored or not (storage refused), this page goes on from the new marks.
      cache.set(userId, { raw: rawOf(userId), marks: next });
      for (const listener of listeners) listener();
    },
    [userId],
  );
  return [marks, mark];
}
