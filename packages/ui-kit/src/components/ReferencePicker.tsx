import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Field, invalidProps } from './form';
import { normaliseSearch, useDebouncedValue } from './ListControls';

/** One thing a person can pick: `value` goes to the API (an id or slug), only `label` (and `hint`) are ever shown. */
export interface ReferenceOption {
  value: string;
  label: string;
  /** A second line that tells similar labels apart, e.g. the county of a neighbourhood or a file number. */
  hint?: string;
}

export interface ReferencePickerProps {
  label: ReactNode;
  /** The picked value, or null for none. */
  value: string | null;
  onChange(value: string | null, option: ReferenceOption | null): void;
  /** A list the API serves (a neighbourhood list, trades, need categories): filtered here as the user types. */
  options?: readonly ReferenceOption[];
  /** Or a search the API answers (residents, households): called with the normalised text once typing pauses. */
  search?: (text: string) => Promise<readonly ReferenceOption[]>;
  /** With `search`: the label of a value set from outside (a loaded record); what is picked here is remembered. */
  selectedLabel?: string;
  /** With `search`: how many letters before asking (default 2). */
  minChars?: number;
  placeholder?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** At most this many options are drawn; typing narrows the rest. */
const SHOWN = 50;

const matches = (option: ReferenceOption, words: string[]) => {
  const text = normaliseSearch(`${option.label} ${option.hint ?? ''}`).toLocaleLowerCase();
  return words.every((word) => text.includes(word));
};

/**
 * A searchable combobox (WAI-ARIA 1.2 combobox with a listbox popup): type to filter, arrows and Enter to
 * pick, Escape to go back. The box shows the picked option's label, never its value; text that names no
 * option is not a value, so leaving the box puts the picked label back.
 */
export function ReferencePicker({
  label,
  value,
  onChange,
  options,
  search,
  selectedLabel,
  minChars = 2,
  placeholder,
  error,
  required,
  disabled,
  testId = 'reference-picker',
}: ReferencePickerProps) {
  const { t } = useI18n();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  // The option last picked here: a search's answers are gone by the time its label is needed again.
  const [remembered, setRemembered] = useState<ReferenceOption | null>(null);
  const picked = options?.find((option) => option.value === value) ?? (remembered?.value === value ? remembered : undefined);
  const pickedLabel = value === null ? '' : (picked?.label ?? selectedLabel ?? '');
  // What the user is typing; while not typing, the box shows the picked label (which follows the value).
  const [typed, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState(false);
  const text = editing ? typed : pickedLabel;
  const query = normaliseSearch(editing ? text : '');
  const found = useSearch(search, open && editing ? query : '', minChars);
  const shown = useMemo(() => {
    if (search) return found.options;
    const words = query.toLocaleLowerCase().split(' ').filter(Boolean);
    return (options ?? []).filter((option) => matches(option, words));
  }, [search, found.options, options, query]);
  const visible = shown.slice(0, SHOWN);

  const pick = (option: ReferenceOption) => {
    setRemembered(option);
    onChange(option.value, option);
    setEditing(false);
    setOpen(false);
  };
  const close = () => {
    setOpen(false);
    setEditing(false);
    if (text.trim() === '' && value !== null && !required) onChange(null, null);
  };
  const move = (step: number) => {
    if (!open) setOpen(true);
    setActive((current) => (visible.length === 0 ? 0 : (current + step + visible.length) % visible.length));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(open ? 1 : 0);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'Enter':
        if (open && visible[active]) {
          event.preventDefault();
          pick(visible[active]);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setEditing(false);
        }
        break;
    }
  };
  const activeId = open && visible[active] ? `${listId}-${active}` : undefined;
  let status: string | null = null;
  if (open && search && query.length < minChars) status = t('picker.typeToSearch');
  else if (open && found.loading) status = t('picker.searching');
  else if (open && visible.length === 0) status = t('picker.noMatches');

  return (
    <Field label={label} error={error}>
      {({ id, errorId }) => (
        <div className="hg-picker" data-testid={testId}>
          <input
            ref={input}
            id={id}
            className="hg-input hg-picker__input"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeId}
            aria-required={required || undefined}
            autoComplete="off"
            enterKeyHint="search"
            value={text}
            placeholder={placeholder}
            disabled={disabled}
            onChange={(event) => {
              setText(event.target.value);
              setEditing(true);
              setOpen(true);
              setActive(0);
            }}
            onFocus={(event) => event.target.select()}
            onClick={() => setOpen(true)}
            onBlur={close}
            onKeyDown={onKeyDown}
            {...invalidProps(error, errorId)}
            data-testid={`${testId}-input`}
          />
          {value !== null && !required && !disabled && (
            <button
              type="button"
              className="hg-picker__clear"
              aria-label={t('picker.clear')}
              // Before the input's blur, so the click is not lost when the box closes.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                onChange(null, null);
                setEditing(false);
                input.current?.focus();
              }}
              data-testid={`${testId}-clear`}
            >
              ×
            </button>
          )}
          <ul className="hg-picker__list" id={listId} role="listbox" aria-labelledby={`${id}-label`} hidden={!open}>
            {open &&
              visible.map((option, index) => (
                <li
                  key={option.value}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={option.value === value}
                  className={index === active ? 'hg-picker__option hg-picker__option--active' : 'hg-picker__option'}
                  // Keeps the focus in the box, so its blur does not close the list before the click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(option)}
                  data-testid={`${testId}-option`}
                >
                  <span>{option.label}</span>
                  {option.hint && <span className="hg-picker__hint">{option.hint}</span>}
                </li>
              ))}
            {open && shown.length > SHOWN && (
              <li className="hg-picker__status" role="presentation">
                {t('picker.more', { count: shown.length - SHOWN })}
              </li>
            )}
          </ul>
          {status && (
            <div className="hg-picker__status hg-picker__status--alone" role="status" data-testid={`${testId}-status`}>
              {status}
            </div>
          )}
        </div>
      )}
    </Field>
  );
}

/** The answers of an API search for `text`, once typing pauses; an answer to an older text is dropped. */
function useSearch(search: ReferencePickerProps['search'], text: string, minChars: number) {
  const settled = useDebouncedValue(text, 250);
  const [state, setState] = useState<{ text: string; options: readonly ReferenceOption[] }>({ text: '', options: [] });
  // Callers pass a fresh closure each render; only a new text asks again.
  const latest = useRef(search);
  useEffect(() => {
    latest.current = search;
  });
  const searches = search !== undefined;
  useEffect(() => {
    if (!searches || !latest.current || settled.length < minChars) return;
    let current = true;
    latest.current(settled).then(
      (options) => current && setState({ text: settled, options }),
      () => current && setState({ text: settled, options: [] }),
    );
    return () => {
      current = false;
    };
  }, [searches, settled, minChars]);
  const ready = state.text === text && text.length >= minChars;
  return { options: ready ? state.options : [], loading: text.length >= minChars && !ready };
}
