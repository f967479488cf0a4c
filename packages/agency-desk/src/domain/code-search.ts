/** The alphabet of tracking codes and file numbers: no look-alikes (no 0/O, 1/I). */
export const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Digits typed on a Persian or Arabic keyboard, as Latin ones. */
const latinDigits = (text: string) => text.replace(/[۰-۹٠-٩]/g, (d) => String((d.charCodeAt(0) - (d >= '۰' ? 0x06f0 : 0x0660)) % 10));

/** A code as a person types it (any case, Persian digits, with or without dashes or spaces), in the codes' own form: `k7qm ۳x` → `K7QM3X`. */
export const normaliseTypedCode = (text: string) => latinDigits(text).toUpperCase().replace(/[\s-]/g, '');

/**
 * The filter for a code of 8 characters grouped 4-4 (`K7QM-3XWA`), typed whole (one code) or begun
 * (`K7QM3` → codes starting `K7QM-3`), after an optional fixed prefix (`WF-`). `typed` is normalised to
 * the alphabet already (the route's schema), so it is a literal inside the expression.
 */
export function codeSearch(typed: string, prefix = ''): string | RegExp {
  const shaped = prefix + (typed.length > 4 ? `${typed.slice(0, 4)}-${typed.slice(4)}` : typed);
  return typed.length === 8 ? shaped : new RegExp(`^${shaped.replace(/-/g, '\\-')}`);
}

/**
 * What a search for text no code can hold (a name, letters of another script) becomes: a character no code
 * has, so the search finds nothing (an empty page, as for a code no record has) rather than a 400 in English.
 */
export const matchesNoCode = '!';

/** A typed search in the codes' form, or `matchesNoCode` when it cannot be (part of) a code of this shape. */
export const typedCodeOr = (shape: RegExp) => (text: string) => {
  const code = normaliseTypedCode(text);
  return shape.test(code) ? code : matchesNoCode;
};

/**
 * A record's number people read, say on the phone and search by (never its uuid): the prefix and 8
 * characters of the codes' alphabet, grouped 4-4, derived from 40 bits of the id — so a record keeps it
 * without a counter (FerretDB has no atomic one). Two records of 50,000 share one about once in 800 such
 * sets; a search then shows both.
 */
export function numberFromId(id: string, prefix: string): string {
  let bits = BigInt(`0x${id.replace(/-/g, '').slice(0, 10)}`);
  const chars: string[] = [];
  for (let i = 0; i < 8; i++) {
    chars.unshift(codeAlphabet[Number(bits & 31n)]!);
    bits >>= 5n;
  }
  return `${prefix}${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
