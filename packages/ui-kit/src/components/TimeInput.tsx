import type { InputHTMLAttributes } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { toLatinDigits, toPersianDigits, type Locale } from '../i18n/format';
import { Field, invalidProps } from './form';
import { useTypedValue, type Reading } from './useTypedValue';

type TimeInputProps = {
  label: string;
  /** The time of day, `HH:mm` (24 hours, Latin digits), or '' for none. */
  value: string;
  /** Called with the time once the text reads as one, '' while it does not. */
  onChange: (time: string) => void;
  error?: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange'>;

const writeTime = (time: string, locale: Locale) => (locale === 'fa' ? toPersianDigits(time) : time);

/** `HH:mm` from «۹:۳۰», «09:30», «0930» or «9.30», if it is a time of day. */
function readTime(text: string): string | undefined {
  const parts = /^(\d{1,2})\s*[:.٫]?\s*(\d{2})$/.exec(toLatinDigits(text).trim());
  if (!parts) return undefined;
  const [hours, minutes] = [Number(parts[1]), Number(parts[2])];
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${parts[2]}`;
}

/** A time of day on the 24-hour clock, shown in the locale's digits; Persian or Latin digits typed. */
export function TimeInput({ label, value, onChange, error, ...input }: TimeInputProps) {
  const { t, locale } = useI18n();
  const read = (text: string): Reading => {
    const time = readTime(text);
    return time ? { value: time } : { problem: t('time.invalid', { example: writeTime('09:30', locale) }) };
  };
  const field = useTypedValue({ value, onChange, read, write: (time) => writeTime(time, locale), writing: locale });
  const problem = error ?? field.problem;
  return (
    <Field label={label} error={problem}>
      {({ id, errorId }) => (
        <input
          id={id}
          className="hg-input hg-time"
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('input.example', { example: writeTime('09:30', locale) })}
          value={field.text}
          onChange={(event) => field.type(event.target.value)}
          onBlur={field.leave}
          {...invalidProps(problem, errorId)}
          {...input}
        />
      )}
    </Field>
  );
}
