import { useId, type FormEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { toLatinDigits } from '../i18n/format';
import { ErrorCard } from './ErrorCard';

interface LabelledProps {
  label: ReactNode;
  /** Validation message shown under the control and linked to it for screen readers. */
  error?: string;
}

/**
 * A label, one control and its error text; `children` receives the id to put on the control (the label's
 * own id is `${id}-label`, for a popup that needs a name, e.g. a listbox).
 */
export function Field({ label, error, children }: LabelledProps & { children: (ids: { id: string; errorId: string }) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="hg-field">
      <label className="hg-field__label" htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {children({ id, errorId })}
      {error && (
        <span className="hg-field__error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}

/** Marks a control invalid and points it at its error text, when there is one. */
export function invalidProps(error: string | undefined, errorId: string) {
  return error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
}

type TextInputProps = LabelledProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextInput({ label, error, className, ...input }: TextInputProps) {
  return (
    <Field label={label} error={error}>
      {({ id, errorId }) => <input id={id} className={className ?? 'hg-input'} {...invalidProps(error, errorId)} {...input} />}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = LabelledProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { options: readonly SelectOption[] };

export function Select({ label, error, options, className, ...select }: SelectProps) {
  return (
    <Field label={label} error={error}>
      {({ id, errorId }) => (
        <select id={id} className={className ?? 'hg-input'} {...invalidProps(error, errorId)} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type NumberInputProps = LabelledProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange'> & {
    value: string;
    /** Receives the text with Persian/Arabic digits turned into Latin ones, non-digits removed. */
    onValueChange: (digits: string) => void;
  };

/**
 * A text box for whole numbers. Not `type="number"`: browsers reject digits typed on a Persian
 * keyboard there, while here they are accepted and normalised.
 */
export function NumberInput({ label, error, value, onValueChange, className, ...input }: NumberInputProps) {
  return (
    <Field label={label} error={error}>
      {({ id, errorId }) => (
        <input
          id={id}
          className={className ?? 'hg-input'}
          inputMode="numeric"
          value={value}
          onChange={(event) => onValueChange(toLatinDigits(event.target.value).replace(/\D/g, ''))}
          {...invalidProps(error, errorId)}
          {...input}
        />
      )}
    </Field>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked' | 'onChange'> & {
  label: ReactNode;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
};

/** A check box with its label beside it, the whole line a target for a finger (a filter like «فقط دارای تأخیر»). */
export function Checkbox({ label, checked, onCheckedChange, className, ...input }: CheckboxProps) {
  return (
    <label className={className ?? 'hg-check'}>
      <input type="checkbox" checked={checked} onChange={(event) => onCheckedChange(event.target.checked)} {...input} />
      <span>{label}</span>
    </label>
  );
}

export interface FormProps {
  onSubmit: () => void;
  /** An error from the last submission (e.g. an ApiError), shown above the fields. */
  error?: unknown;
  testId?: string;
  children: ReactNode;
}

export function Form({ onSubmit, error, testId, children }: FormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="hg-form" onSubmit={submit} data-testid={testId} noValidate>
      {error !== undefined && error !== null && <ErrorCard error={error} />}
      {children}
    </form>
  );
}
