import { BrokenRuleError } from '@hamgam/service-kit/errors';

/**
 * Iranian national ids (کد ملی): ten digits, the last a check digit. Clinic staff type them with
 * Persian or Arabic-Indic digits as often as Latin ones, with spaces or dashes, so every id is
 * normalised before it is validated, encrypted or blind-indexed (the same person must always give the
 * same index).
 */
const digitOffsets = [0x06f0 /* Persian ۰ */, 0x0660 /* Arabic-Indic ٠ */];

export function toLatinDigits(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      for (const zero of digitOffsets) if (code >= zero && code <= zero + 9) return String(code - zero);
      return ch;
    })
    .join('');
}

/** Latin digits only, separators removed, left-padded to ten digits (ids with leading zeros are often typed without them). */
export function normaliseNationalId(input: string): string {
  const digits = toLatinDigits(input).replace(/[\s\-\u200c.]/g, '');
  if (/^\d{8,9}$/.test(digits)) return digits.padStart(10, '0');
  return digits;
}

/** The checksum rule: s = Σ dᵢ·(10−i) over the first nine digits, r = s mod 11; check digit = r if r < 2, else 11 − r. */
export function isValidNationalId(normalised: string): boolean {
  if (!/^\d{10}$/.test(normalised)) return false;
  if (/^(\d)\1{9}$/.test(normalised)) return false; // 0000000000, 1111111111…: pass the sum, issued to no one
  const digits = [...normalised].map(Number);
  const sum = digits.slice(0, 9).reduce((acc, d, i) => acc + d * (10 - i), 0);
  const r = sum % 11;
  const check = digits[9]!;
  return r < 2 ? check === r : check === 11 - r;
}

/** Not a national id anyone was issued (422, naming the `nationalId` field). */
export class InvalidNationalIdError extends BrokenRuleError {
  constructor(message: string) {
    super('national-id-invalid', message, 'nationalId');
  }
}

/** Normalises and validates, or throws saying why. */
export function parseNationalId(input: string): string {
  const normalised = normaliseNationalId(input);
  if (!/^\d{10}$/.test(normalised)) throw new InvalidNationalIdError('a national id has ten digits');
  if (!isValidNationalId(normalised)) throw new InvalidNationalIdError('the national id’s check digit does not match');
  return normalised;
}

/** Completes nine digits with their check digit (demo data and tests generate valid ids with it). */
export function withCheckDigit(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new Error('nine digits expected');
  const sum = [...nineDigits].map(Number).reduce((acc, d, i) => acc + d * (10 - i), 0);
  const r = sum % 11;
  return nineDigits + String(r < 2 ? r : 11 - r);
}
