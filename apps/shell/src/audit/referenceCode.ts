/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * What the auditor reads instead of a record's or a person's internal id: a short code from a hash of
 * it («7K3M-9QX2»), the same on every row and from every agency, so one person's traces can be
 * followed without the page showing the database's UUIDs. One way: the page keeps which id a code
 * stands for, to filter by it.
 */
export function referenceCode(id: string): string {
  // Two FNV-1a hashes with different offsets: 40 bits are plenty to tell a log's people apart.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const char of id) {
    const code = char.charCodeAt(0);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x811c9dc5) >>> 0;
  }
  const bits = (BigInt(a) << 8n) | BigInt(b & 0xff);
  let text = '';
  for (let shift = 35n; shift >= 0n; shift -= 5n) text += ALPHABET[Number((bits >> shift) & 31n)];
  return `${text.slice(0, 4)}-${text.slice(4)}`;
}

/** The code as typed: Latin capitals, with or without its dash. */
export const normaliseCode = (typed: string) => typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
