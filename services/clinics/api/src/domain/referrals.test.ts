import { trackingCodeSchema } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import {
  dayInWords,
  isOverdue,
  newTrackingCode,
  nextStep,
  TrackingCodesExhaustedError,
  trackingAlphabet,
  withUniqueTrackingCode,
} from './referrals.js';

const at = (iso: string) => new Date(iso);

describe('overdue', () => {
  const sent = { state: 'sent' as const, respondBy: '2026-03-27' };
  it('flags a sent referral only after its respond-by day has passed', () => {
    expect(isOverdue(sent, at('2026-03-27T19:00:00Z'))).toBe(false);
    expect(isOverdue(sent, at('2026-03-27T20:31:00Z'))).toBe(true);
  });
  it('flags an accepted referral past its complete-by day, not its old respond-by day', () => {
    const accepted = { state: 'accepted' as const, respondBy: '2026-03-27', completeBy: '2026-06-01' };
    expect(isOverdue(accepted, at('2026-05-01T08:00:00Z'))).toBe(false);
    expect(isOverdue(accepted, at('2026-06-02T08:00:00Z'))).toBe(true);
  });
  it('never flags a referral that awaits nothing', () => {
    for (const state of ['declined', 'completed', 'withdrawn'] as const) {
      expect(isOverdue({ state, respondBy: '2020-01-01', completeBy: '2020-02-01' }, at('2026-01-01T00:00:00Z'))).toBe(false);
    }
  });
});

describe('tracking codes', () => {
  it('match the contract format and use only the look-alike-free alphabet', () => {
    for (let i = 0; i < 500; i++) {
      const code = newTrackingCode();
      expect(trackingCodeSchema.safeParse(code).success).toBe(true);
      expect(code).not.toMatch(/[01OI]/);
    }
    expect(trackingAlphabet).toHaveLength(32);
  });

  it('are spread over the alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) for (const c of newTrackingCode().replace('-', '')) seen.add(c);
    expect(seen.size).toBe(32);
  });

  it('are drawn again when the store reports the code is taken', async () => {
    const taken = new Set(['AAAA-AAAA', 'BBBB-BBBB']);
    const draws = ['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC'];
    const stored = await withUniqueTrackingCode(
      async (code) => {
        if (taken.has(code)) throw Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
        return code;
      },
      { generate: () => draws.shift()! },
    );
    expect(stored).toBe('CCCC-CCCC');
  });

  it('give up after the attempts and pass other errors through', async () => {
    const duplicate = () => Promise.reject(Object.assign(new Error('dup'), { code: 11000 }));
    await expect(withUniqueTrackingCode(duplicate, { attempts: 3 })).rejects.toBeInstanceOf(TrackingCodesExhaustedError);
    await expect(withUniqueTrackingCode(duplicate, { attempts: 1 })).rejects.toMatchObject({
      status: 409,
      code: 'tracking-codes-exhausted',
    });
    await expect(withUniqueTrackingCode(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  });
});

describe('next step wording', () => {
  const base = {
    respondBy: '2026-03-27',
    completeBy: '2026-06-01',
    agencyName: { fa: 'فنی و حرفه‌ای', en: 'TVTO' },
    place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
    schedule: { fa: 'شنبه ۹ تا ۱۲', en: 'Sat 9–12' },
  };
  it('tells a sent referral when the agency answers, with a Jalali date in Persian digits', () => {
    const step = nextStep({ ...base, state: 'sent' });
    expect(step.en).toBe('TVTO answers your referral by 27 March 2026.');
    expect(step.fa).toContain('۷ فروردین ۱۴۰۵');
    expect(step.fa).toContain('فنی و حرفه‌ای');
  });
  it('tells an accepted referral where and when to attend', () => {
    const step = nextStep({ ...base, state: 'accepted' });
    expect(step.en).toBe('Attend Sar Asiab clinic; Sat 9–12.');
    expect(step.fa).toContain('کلینیک سرآسیاب');
  });
  it('sends the resident back to the clinic after a decline, completion or withdrawal', () => {
    for (const state of ['declined', 'completed', 'withdrawn'] as const) {
      expect(nextStep({ ...base, state }).en).toMatch(/clinic/);
    }
  });
  it('writes days in both calendars', () => {
    expect(dayInWords('2026-03-21')).toEqual({ fa: '۱ فروردین ۱۴۰۵', en: '21 March 2026' });
  });
});
