import { randomInt } from 'node:crypto';

/** A random national id with a valid check digit, so no two test residents collide. */
export function nationalId(): string {
  const nine = String(randomInt(100_000_000, 999_999_999));
  const sum = [...nine].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const r = sum % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

/**
 * A unique mark for what a test names (a title, a file number, an offer id): decimal digits, because the
 * screen audit (e2e/browser/screens.test.ts) reads every screen after the other suites and a hex tag in a
 * title looks exactly like an id leaking onto the page.
 */
export const tag = (digits = 8) => String(randomInt(10 ** (digits - 1), 10 ** digits));
