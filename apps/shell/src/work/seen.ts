/**
 * What the user had seen when they last marked the bell's list as seen: each item's count then, and when.
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

/** How many of an item are new since the marks: the rise in its count (never below zero; all of it without marks). */
export const newSince = (marks: SeenMarks | null, key: string, count: number): number => Math.max(0, count - (marks?.counts[key] ?? 0));
