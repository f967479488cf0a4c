import { randomInt } from 'node:crypto';

/** A random national id with a valid check digit, so no two test residents collide. */
export function nationalId(): string {
  const nine = String(randomInt(100_000_000, 999_999_999));
  const sum = [...nine].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const r = sum % 11;
  return nine + String(r < 2 ? r : 11 - r);
}
