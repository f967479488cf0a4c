import { autoUpdate, flip, offset, shift, useFloating } from '@floating-ui/react-dom';
import { today } from '@hamgam/contracts/days';
import { useRef, useState, type FocusEvent, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Calendar } from './Calendar';
import { readDay, writeDay } from './dayText';
import { Field, invalidProps } from './form';
import { useTypedValue, type Reading } from './useTypedValue';

type DateInputProps = {
  label: string;
  /** The day, `YYYY-MM-DD` (Gregorian, as the API takes it), or '' for none. */
  value: string;
  /** Called with the day once the text reads as one, '' while it does not. */
  onChange: (day: string) => void;
  /** A problem the caller found (e.g. from the API); shown instead of the field's own. */
  error?: string | undefined;
  /** The earliest and latest day, `YYYY-MM-DD`, that typing and the calendar accept. */
  min?: string | undefined;
  max?: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange' | 'min' | 'max'>;

/**
 * A day typed in the locale's calendar and digits (fa: ۱۴۰۵/۰۹/۱۶, en: 2026-12-07) or picked from
 * a calendar popover. The text runs left to right even on a right-to-left page, so year, month and
 * day stay where they are typed.
 */
export function DateInput({ label, value, onChange, error, min, max, disabled, ...input }: DateInputProps) {
  const { t, locale, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const read = (text: string): Reading => {
    const day = readDay(text, locale);
    if (!day) return { problem: t('date.invalid', { example: writeDay(today(), locale) }) };
    if (min && day < min) return { problem: t('date.tooEarly', { date: formatDate(min) }) };
    if (max && day > max) return { problem: t('date.tooLate', { date: formatDate(max) }) };
    return { value: day };
  };
  const field = useTypedValue({ value, onChange, read, write: (day) => writeDay(day, locale), writing: locale });
  const problem = error ?? field.problem;
  const { refs, floatingStyles } = useFloating({
    open,
    placement: 'bottom-start',
    strategy: 'fixed',
    // Flip above and shift sideways so the calendar stays on screen, also 390 px wide.
    middleware: [offset(4), flip({ padding: 8 }), shift({ padding: 8 })],
    whileElementsMounted: autoUpdate,
  });

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const pick = (day: string) => {
    if (day !== value) onChange(day);
    close();
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };
  // Focus leaving the field and its calendar (a click elsewhere, Tab past the end) closes it.
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <Field label={label} error={problem}>
      {({ id, errorId }) => (
        <>
          <div className="hg-date" ref={refs.setReference} onBlur={leave}>
            <input
              id={id}
              className="hg-input hg-date__text"
              dir="ltr"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('input.example', { example: writeDay(today(), locale) })}
              value={field.text}
              onChange={(event) => field.type(event.target.value)}
              onBlur={field.leave}
              disabled={disabled}
              {...invalidProps(problem, errorId)}
              {...input}
            />
            <button
              ref={opener}
              type="button"
              className="hg-date__open"
              aria-label={t('date.open', { label })}
              aria-haspopup="dialog"
              aria-expanded={open}
              disabled={disabled}
              onClick={() => setOpen(!open)}
            >
              <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
                <rect x="3" y="5" width="18" height="16" rx="2" />
                <path d="M3 10h18M8 3v4M16 3v4" />
              </svg>
            </button>
            {open && (
              <div
                ref={refs.setFloating}
                role="dialog"
                aria-label={t('date.calendar', { label })}
                className="hg-date__popover"
                style={floatingStyles}
                tabIndex={-1}
                onKeyDown={escape}
              >
                <Calendar value={value} min={min} max={max} onPick={pick} />
              </div>
            )}
          </div>
          {value && !problem && <small className="hg-field__hint">{formatDate(value)}</small>}
        </>
      )}
    </Field>
  );
}
