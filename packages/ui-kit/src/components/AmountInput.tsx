import { useState, type InputHTMLAttributes } from 'react';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { Field, invalidProps } from './form';
import { typedDigits, useCaret } from './numericText';

type AmountInputProps = {
  label: string;
  /** Whole rials, or null while empty. */
  value: number | null;
  onChange(value: number | null): void;
  error?: string;
  /** Shown after the box; «ریال» / "rials" by default. */
  unit?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange'>;

/** Rials fit in 15 digits (a thousand trillion); more would lose precision as a JS number. */
const MAX_DIGITS = 15;

/**
 * An amount of money typed with Persian or Latin digits and grouped as it is typed, in the locale's
 * digits (fa: ۱۲٬۵۰۰٬۰۰۰), so a person can read 12,500,000 from 125,000,000 before saving it.
 */
export function AmountInput({ label, value, onChange, error, unit, ...input }: AmountInputProps) {
  const { locale, t } = useI18n();
  const write = (amount: number | null) => (amount === null ? '' : formatNumber(amount, locale));
  // The text as typed, for the value it was typed for; a value set from outside (a reset, a loaded
  // record) or another language is written anew.
  const [typed, setTyped] = useState<{ text: string; value: number | null; locale: string } | null>(null);
  const text = typed && typed.value === value && typed.locale === locale ? typed.text : write(value);
  const { box, keep } = useCaret();
  return (
    <Field label={label} error={error}>
      {({ id, errorId }) => (
        <span className="hg-amount">
          <input
            ref={box}
            id={id}
            className="hg-input hg-amount__input"
            inputMode="numeric"
            dir="ltr"
            autoComplete="off"
            value={text}
            onChange={(event) => {
              const digits = typedDigits(event.target.value)
                .replace(/^0+(?=\d)/, '')
                .slice(0, MAX_DIGITS);
              const amount = digits === '' ? null : Number(digits);
              const next = write(amount);
              keep(event, next);
              setTyped({ text: next, value: amount, locale });
              if (amount !== value) onChange(amount);
            }}
            {...invalidProps(error, errorId)}
            {...input}
          />
          <span className="hg-amount__unit">{unit ?? t('amount.rial')}</span>
        </span>
      )}
    </Field>
  );
}
