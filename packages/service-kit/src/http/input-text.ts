import { badRequest } from './problem.js';

/** Stable code of a request whose text holds a character no person types and the store refuses. */
export const invalidCharactersCode = 'invalid-characters';

/**
 * Refuses (400) any string holding U+0000 in a request's path parameters, query or body, keys included.
 * No form sends one, and the store refuses it (FerretDB on PostgreSQL: "unsupported Unicode escape
 * sequence"), which would otherwise surface as a 500. Walks with its own stack: a deeply nested body
 * must not exhaust the call stack.
 */
export function refuseNulCharacters(...parts: unknown[]): void {
  const pending = [...parts];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        throw badRequest('the request holds a NUL character (U+0000), which no field accepts', { code: invalidCharactersCode });
    } else if (Array.isArray(value)) {
      pending.push(...value);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) pending.push(key, inner);
    }
  }
}
