import { toLatinDigits } from '@hamgam/ui-kit';

/** The same rule the API applies: digits only (Persian/Arabic ones accepted), ten of them, a matching check digit. */
export function normaliseNationalId(input: string): string {
  const digits = toLatinDigits(input).replace(/[\s\-\u200c.]/g, '');
  return /^\d{8,9}$/.test(digits) ? digits.padStart(10, '0') : digits;
}

export function isValidNationalId(input: string): boolean {
  const id = normaliseNationalId(input);
  if (!/^\d{10}$/.test(id) || /^(\d)\1{9}$/.test(id)) return false;
  const sum = [...id.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const r = sum % 11;
  return Number(id[9]) === (r < 2 ? r : 11 - r);
}
