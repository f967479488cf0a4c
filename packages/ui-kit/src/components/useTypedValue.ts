import { useState } from 'react';

/** What typed text means: the value it writes, or why it writes none (a translated sentence). */
export type Reading = { value: string } | { problem: string };

interface TypedValue {
  /** The value the caller holds ('' for none), e.g. a day `YYYY-MM-DD` or a time `HH:mm`. */
  value: string;
  onChange: (value: string) => void;
  /** The value as the field shows it, in the locale's writing. */
  write: (value: string) => string;
  /** Typed text (never blank) as a value, or the problem with it. */
  read: (text: string) => Reading;
  /** Whatever changes how values are written (the locale): the text is written anew when it does. */
  writing: string;
}

/**
 * The text of a field that holds a canonical value but shows and accepts the locale's writing.
 * While typing, the caller gets the value once the text reads as one and '' while it does not, so a
 * half-typed date is never submitted; a problem is shown once the field is left, not mid-typing.
 */
export function useTypedValue({ value, onChange, write, read, writing }: TypedValue) {
  const [text, setText] = useState(() => (value ? write(value) : ''));
  const [problem, setProblem] = useState<string>();
  const [left, setLeft] = useState(false);
  // The value and writing the text stands for: a value set from outside (a pick, a reset) or a
  // locale switch writes the text anew; the value the text itself gave back does not.
  const [shown, setShown] = useState({ value, writing });
  if (shown.value !== value || shown.writing !== writing) {
    setShown({ value, writing });
    setText(value ? write(value) : '');
    setProblem(undefined);
  }

  const type = (typed: string) => {
    const reading: Reading = typed.trim() ? read(typed) : { value: '' };
    const next = 'value' in reading ? reading.value : '';
    setText(typed);
    setLeft(false);
    setProblem('problem' in reading ? reading.problem : undefined);
    setShown({ value: next, writing });
    if (next !== value) onChange(next);
  };

  /** Leaving the field shows a problem, or writes a good value the locale's way (e.g. Persian digits). */
  const leave = () => {
    setLeft(true);
    if (value) setText(write(value));
  };

  return { text, problem: left ? problem : undefined, type, leave };
}
