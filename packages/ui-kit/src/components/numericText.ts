import { useLayoutEffect, useRef, type ChangeEvent } from 'react';
import { toLatinDigits } from '../i18n/format';

const isDigit = (char: string | undefined) => char !== undefined && /[0-9۰-۹٠-٩]/.test(char);

/** How many digits lie after the caret: what must stay after it once the text is rewritten. */
function digitsAfter(text: string, caret: number): number {
  return [...text.slice(caret)].filter(isDigit).length;
}

/** The caret position in `text` with `count` digits after it. */
export function caretBefore(text: string, count: number): number {
  let seen = 0;
  let position = text.length;
  while (position > 0 && seen < count) {
    if (isDigit(text[position - 1])) seen++;
    position--;
  }
  return position;
}

/** The digits typed (Persian, Arabic-Indic or Latin) as Latin ones; everything else dropped. */
export const typedDigits = (text: string) => toLatinDigits(text).replace(/\D/g, '');

/**
 * For a box whose text is rewritten as it is typed (grouping, digit script): keeps the caret between
 * the same digits instead of jumping to the end. Call `keep(event, nextText)` in onChange.
 */
export function useCaret() {
  const box = useRef<HTMLInputElement>(null);
  const wanted = useRef<number | null>(null);
  useLayoutEffect(() => {
    const input = box.current;
    if (wanted.current === null || !input || input !== document.activeElement) return;
    input.setSelectionRange(wanted.current, wanted.current);
    wanted.current = null;
  });
  const keep = (event: ChangeEvent<HTMLInputElement>, next: string) => {
    const typed = event.target.value;
    const after = digitsAfter(typed, event.target.selectionStart ?? typed.length);
    wanted.current = caretBefore(next, after);
  };
  return { box, keep };
}
