import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatList, formatNumber, formatTime, jalaliYear, toLatinDigits, toPersianDigits } from './format';

const nowruz1405 = new Date('2026-03-21T12:00:00Z');

describe('formatNumber', () => {
  it('writes Persian digits in fa and Latin digits in en', () => {
    expect(formatNumber(1405, 'fa')).toContain('۱');
    expect(formatNumber(12, 'fa')).toBe('۱۲');
    expect(formatNumber(12, 'en')).toBe('12');
  });
});

describe('formatDate', () => {
  it('uses the Solar Hijri calendar in fa', () => {
    const text = formatDate(nowruz1405, 'fa');
    expect(text).toContain('۱۴۰۵');
    expect(text).toContain('فروردین');
  });

  it('uses the Gregorian calendar in en', () => {
    expect(formatDate(nowruz1405, 'en')).toContain('2026');
  });

  it('dates an instant by Iran’s day, whatever the browser’s zone: 00:30 and 23:30 in Iran on 21 March', () => {
    expect(formatDate(new Date('2026-03-20T21:00:00Z'), 'en')).toBe('21 Mar 2026');
    expect(formatDate(new Date('2026-03-21T20:00:00Z'), 'en')).toBe('21 Mar 2026');
    expect(formatDate('2026-03-21', 'en')).toBe('21 Mar 2026');
  });

  it('writes a day one way: «۱۶ آذر ۱۴۰۵» in fa, «7 Dec 2026» in en', () => {
    expect(formatDate('2026-12-07', 'fa')).toBe('۱۶ آذر ۱۴۰۵');
    expect(formatDate('2026-12-07', 'en')).toBe('7 Dec 2026');
  });
});

describe('formatDateTime / formatTime', () => {
  const nineInTehran = new Date('2026-12-07T05:30:00Z');

  it('writes an instant’s day and time in Iran one way in each language', () => {
    expect(formatDateTime(nineInTehran, 'fa')).toBe('۱۶ آذر ۱۴۰۵، ۹:۰۰');
    expect(formatDateTime(nineInTehran, 'en')).toBe('7 Dec 2026, 09:00');
    expect(formatTime(nineInTehran, 'fa')).toBe('۹:۰۰');
    expect(formatTime(nineInTehran, 'en')).toBe('09:00');
  });

  it('takes Iran’s day and clock, not UTC’s: 21:00 UTC on 6 December is 00:30 on the 7th', () => {
    expect(formatDateTime('2026-12-06T21:00:00Z', 'fa')).toBe('۱۶ آذر ۱۴۰۵، ۰:۳۰');
    expect(formatDateTime('2026-12-06T21:00:00Z', 'en')).toBe('7 Dec 2026, 00:30');
  });
});

describe('jalaliYear / toLatinDigits', () => {
  it('gives the Jalali year in Latin digits for APIs', () => {
    expect(jalaliYear(nowruz1405)).toBe('1405');
    expect(jalaliYear(new Date('2026-03-01T12:00:00Z'))).toBe('1404');
    expect(jalaliYear(new Date('2026-03-20T21:00:00Z'))).toBe('1405'); // 00:30 on Nowruz in Iran
  });

  it('turns Persian and Arabic-Indic digits into Latin ones, and Latin ones into Persian', () => {
    expect(toLatinDigits('HH-۰۰۱۲ / ٣٤')).toBe('HH-0012 / 34');
    expect(toPersianDigits('1405/09/16')).toBe('۱۴۰۵/۰۹/۱۶');
  });
});

describe('formatList', () => {
  it('joins with the locale punctuation', () => {
    expect(formatList(['الف', 'ب', 'ج'], 'fa')).toContain('،');
    expect(formatList(['a', 'b'], 'en')).toBe('a, b');
  });
});
