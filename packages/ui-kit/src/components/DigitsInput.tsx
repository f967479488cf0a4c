import type { InputHTMLAttributes } from 'react';
import { toPersianDigits } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { Field, invalidProps } from './form';
import { typedDigits, useCaret } from './numericText';

type DigitsInputProps = {
  label: string;
  /** The digits, Latin (as the API takes them), e.g. '09121234567' or '1365'. */
  value: string;
  onValueChange(digits: string): void;
  error?: string;
  /** At most this many digits are kept (e.g. 11 for a mobile number); pasted spaces and dashes do not count. */
  maxDigits?: number;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange'>;

/**
 * A string of digits that is not an amount: a phone number, a year, a national id, a postcode. Typed
 * with either keyboard, shown in the locale's digits (۰۹۱۲…), never grouped, kept with leading zeros.
 */
export function DigitsInput({ label, value, onValueChange, error, maxDigits, inputMode = 'numeric', ...input }: DigitsInputProps) {
  const { locale } = useI18n();
  const { box, keep } = useCaret();
  const shown = locale === 'fa' ? toPersianDigits(value) : value;
  return (
    <Field label={label} error={error}>
      {({ id, errorId }) => (
        <input
          ref={box}
          id={id}
          className="hg-input hg-digits"
          inputMode={inputMode}
          dir="ltr"
          autoComplete="off"
          value={shown}
          onChange={(event) => {
            const digits = typedDigits(event.target.value).slice(0, maxDigits);
            keep(event, locale === 'fa' ? toPersianDigits(digits) : digits);
            onValueChange(digits);
          }}
          {...invalidProps(error, errorId)}
          {...input}
        />
      )}
    </Field>
  );
}
