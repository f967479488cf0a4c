import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALES } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { translate } from '../i18n/messages';
import { fieldErrorOf, renderWithKit } from '../testing';
import { DateInput } from './DateInput';

// ۱۶ آذر ۱۴۰۵ is 7 December 2026.
function Harness({
  initial = '',
  onDay = () => undefined,
  ...props
}: {
  initial?: string;
  onDay?: (day: string) => void;
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
}) {
  const [day, setDay] = useState(initial);
  const change = (next: string) => {
    onDay(next);
    setDay(next);
  };
  return <DateInput label="Due" value={day} onChange={change} data-testid="due" {...props} />;
}

const field = () => screen.getByTestId('due') as HTMLInputElement;
const type = (text: string) => fireEvent.change(field(), { target: { value: text } });
const openCalendar = () => fireEvent.click(screen.getByRole('button', { name: /Due/ }));
const dayButton = (text: string) => within(screen.getByRole('grid')).getByText(text, { selector: 'button' });

afterEach(() => {
  vi.useRealTimers();
});

describe('DateInput: typing', () => {
  it('reads a Jalali date in Persian digits in fa and hands the Gregorian day on', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness onDay={onDay} />);
    type('۱۴۰۵/۰۹/۱۶');
    expect(onDay).toHaveBeenLastCalledWith('2026-12-07');
    expect(screen.getByText('۱۶ آذر ۱۴۰۵')).toBeTruthy(); // the day spelled out under the field
  });

  it('accepts Latin digits and a short month or day in fa, and writes them back in Persian digits', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness onDay={onDay} />);
    type('1405/9/16');
    expect(onDay).toHaveBeenLastCalledWith('2026-12-07');
    fireEvent.blur(field());
    expect(field().value).toBe('۱۴۰۵/۰۹/۱۶');
  });

  it('reads a Gregorian date in en', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness onDay={onDay} />, { locale: 'en' });
    type('2026-12-07');
    expect(onDay).toHaveBeenLastCalledWith('2026-12-07');
    expect(screen.getByText('7 Dec 2026')).toBeTruthy();
  });

  it('shows the caller’s day in the locale’s calendar, left to right even on a right-to-left page', () => {
    renderWithKit(<Harness initial="2026-12-07" />);
    expect(field().value).toBe('۱۴۰۵/۰۹/۱۶');
    expect(field().dir).toBe('ltr');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('writes the day anew when the language changes', () => {
    function Switch() {
      const { setLocale } = useI18n();
      return <button onClick={() => setLocale('en')}>English</button>;
    }
    renderWithKit(
      <>
        <Harness initial="2026-12-07" />
        <Switch />
      </>,
    );
    fireEvent.click(screen.getByText('English'));
    expect(field().value).toBe('2026-12-07');
  });

  it('knows leap years: ۱۴۰۳/۱۲/۳۰ is a day, ۱۴۰۴/۱۲/۳۰ is not', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness onDay={onDay} />);
    type('۱۴۰۳/۱۲/۳۰');
    expect(onDay).toHaveBeenLastCalledWith('2025-03-20');
    type('۱۴۰۴/۱۲/۳۰');
    expect(onDay).toHaveBeenLastCalledWith('');
  });

  it('hands on no day while the text is half typed, and says what is wrong once the field is left', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness initial="2026-12-07" onDay={onDay} />);
    type('۱۴۰۵/۱۳/');
    expect(onDay).toHaveBeenLastCalledWith('');
    expect(field().getAttribute('aria-invalid')).toBeNull(); // not while typing
    fireEvent.blur(field());
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(fieldErrorOf(field())).toMatch(/^تاریخ را به شمسی و به شکل [۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2} بنویسید$/);
  });

  it('says what is wrong in English in en', () => {
    renderWithKit(<Harness />, { locale: 'en' });
    type('7 Dec');
    fireEvent.blur(field());
    expect(fieldErrorOf(field())).toMatch(/^Write the date as \d{4}-\d\d-\d\d \(year-month-day\)$/);
  });

  it('refuses a typed day before min or after max, naming the bound', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness onDay={onDay} min="2026-12-03" max="2027-01-10" />);
    type('۱۴۰۵/۰۹/۱۰');
    fireEvent.blur(field());
    expect(onDay).not.toHaveBeenCalled();
    expect(fieldErrorOf(field())).toBe('تاریخ نباید پیش از ۱۲ آذر ۱۴۰۵ باشد');
    type('۱۴۰۵/۱۰/۲۱');
    fireEvent.blur(field());
    expect(fieldErrorOf(field())).toBe('تاریخ نباید پس از ۲۰ دی ۱۴۰۵ باشد');
    type('۱۴۰۵/۰۹/۱۲');
    expect(onDay).toHaveBeenLastCalledWith('2026-12-03');
  });

  it('shows the caller’s error instead of its own', () => {
    renderWithKit(<DateInput label="Due" value="" onChange={() => undefined} error="Required" data-testid="due" />, { locale: 'en' });
    expect(fieldErrorOf(field())).toBe('Required');
  });

  it('labels the field and passes required, disabled and data-testid on to it', () => {
    renderWithKit(<Harness required disabled />);
    const input = screen.getByLabelText('Due') as HTMLInputElement;
    expect(input).toBe(field());
    expect(input.required).toBe(true);
    expect(input.disabled).toBe(true);
    expect((screen.getByRole('button', { name: /Due/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('DateInput: the calendar', () => {
  it('shows the Jalali month of the day in fa; a picked day is handed on and focus returns to the opener', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness initial="2026-12-07" onDay={onDay} />);
    openCalendar();
    expect(screen.getByRole('dialog').textContent).toContain('آذر');
    expect(screen.getByRole('grid').getAttribute('aria-label')).toBe('آذر ۱۴۰۵');
    expect(document.activeElement?.textContent).toBe('۱۶'); // the selected day has focus
    fireEvent.click(dayButton('۲۰'));
    expect(onDay).toHaveBeenLastCalledWith('2026-12-11');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(field().value).toBe('۱۴۰۵/۰۹/۲۰');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Due/ }));
  });

  it('moves to the next Jalali month', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness initial="2026-12-07" onDay={onDay} />);
    openCalendar();
    fireEvent.click(screen.getByRole('button', { name: 'رفتن به ماه بعد' }));
    expect(screen.getByRole('grid').getAttribute('aria-label')).toBe('دی ۱۴۰۵');
    fireEvent.click(dayButton('۱'));
    expect(onDay).toHaveBeenLastCalledWith('2026-12-22');
  });

  it('is Gregorian in en', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness initial="2026-12-07" onDay={onDay} />, { locale: 'en' });
    openCalendar();
    expect(screen.getByRole('grid').getAttribute('aria-label')).toBe('December 2026');
    fireEvent.click(dayButton('24'));
    expect(onDay).toHaveBeenLastCalledWith('2026-12-24');
  });

  it('closes on Escape, handing nothing on, and gives focus back to the opener', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness initial="2026-12-07" onDay={onDay} />);
    openCalendar();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Due/ }));
    expect(onDay).not.toHaveBeenCalled();
  });

  it('closes when focus leaves it for the page, without moving focus back', () => {
    renderWithKit(<Harness initial="2026-12-07" />);
    openCalendar();
    fireEvent.blur(document.activeElement!, { relatedTarget: document.body });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers no day before min or after max', () => {
    const onDay = vi.fn();
    renderWithKit(<Harness initial="2026-12-07" onDay={onDay} min="2026-12-03" max="2026-12-20" />);
    openCalendar();
    expect((dayButton('۱۱') as HTMLButtonElement).disabled).toBe(true); // 2 December
    expect((dayButton('۳۰') as HTMLButtonElement).disabled).toBe(true); // 21 December
    fireEvent.click(dayButton('۱۱'));
    expect(onDay).not.toHaveBeenCalled();
    expect((dayButton('۱۲') as HTMLButtonElement).disabled).toBe(false);
  });

  it('marks Iran’s today, not the browser’s: at 00:30 in Tehran on 7 December it is still the 6th in UTC', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T21:00:00Z'));
    renderWithKit(<Harness />, { locale: 'en' });
    act(() => openCalendar());
    const todays = screen.getByRole('grid').querySelectorAll('.rdp-today');
    expect([...todays].map((cell) => cell.textContent)).toEqual(['7']);
    expect(
      within(todays[0] as HTMLElement)
        .getByRole('button')
        .getAttribute('aria-label'),
    ).toBe('Today, Monday, 7 December 2026');
  });
});

describe('DateInput messages', () => {
  it('has every message in fa and in en', () => {
    const keys = [
      'input.example',
      'date.open',
      'date.calendar',
      'date.invalid',
      'date.tooEarly',
      'date.tooLate',
      'date.today',
      'date.selected',
      'date.labelSeparator',
      'time.invalid',
    ];
    for (const locale of LOCALES) for (const key of keys) expect(translate(locale, key), `${locale} ${key}`).not.toBe(key);
  });
});
