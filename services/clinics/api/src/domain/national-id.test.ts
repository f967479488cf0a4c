import { describe, expect, it } from 'vitest';
import {
  InvalidNationalIdError,
  isValidNationalId,
  normaliseNationalId,
  parseNationalId,
  toLatinDigits,
  withCheckDigit,
} from './national-id.js';

describe('national id', () => {
  it('turns Persian and Arabic-Indic digits into Latin ones and drops separators', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normaliseNationalId(' ۰۰۱-۲۳۴۵۶۷ ۹')).toBe('0012345679');
    expect(normaliseNationalId('12345679')).toBe('0012345679');
  });

  it('accepts ids whose check digit is 11 − r when r = Σ dᵢ·(10−i) mod 11 is at least 2', () => {
    // 001234567: 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 112, r = 2 → check 9
    expect(isValidNationalId('0012345679')).toBe(true);
    expect(withCheckDigit('001234567')).toBe('0012345679');
    // 100000000: 1·10 = 10, r = 10 → check 1
    expect(isValidNationalId('1000000001')).toBe(true);
  });

  it('uses the remainder itself as the check digit when it is 0 or 1', () => {
    // 010000001: 1·9 + 1·2 = 11, r = 0 → check 0
    expect(withCheckDigit('010000001')).toBe('0100000010');
    expect(isValidNationalId('0100000010')).toBe(true);
    // 010000010: 1·9 + 1·3 = 12, r = 1 → check 1
    expect(withCheckDigit('010000010')).toBe('0100000101');
    expect(isValidNationalId('0100000101')).toBe(true);
    expect(isValidNationalId('0100000100')).toBe(false);
  });

  it('refuses a wrong check digit, the wrong length, letters and repeated digits', () => {
    expect(isValidNationalId('0012345678')).toBe(false);
    expect(isValidNationalId('001234567')).toBe(false);
    expect(isValidNationalId('00123456790')).toBe(false);
    expect(isValidNationalId('00123a5679')).toBe(false);
    expect(isValidNationalId('1111111111')).toBe(false);
    expect(isValidNationalId('0000000000')).toBe(false);
  });

  it('parses a Persian-typed id to its Latin form and says why a bad one is refused', () => {
    expect(parseNationalId('۰۰۱۲۳۴۵۶۷۹')).toBe('0012345679');
    expect(() => parseNationalId('۰۰۱۲۳۴۵۶۷۸')).toThrow(InvalidNationalIdError);
    // A broken rule the kit answers with 422, naming the field the form shows it beside.
    expect(() => parseNationalId('12')).toThrow(expect.objectContaining({ status: 422, code: 'national-id-invalid', field: 'nationalId' }));
    expect(() => parseNationalId('12')).toThrow(/ten digits/);
  });
});
