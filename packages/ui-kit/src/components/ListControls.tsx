import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { toLatinDigits } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import { Button } from './Button';
import type { SelectOption } from './form';

/**
 * What a search box sends to the API: trimmed, digits in Latin (a national id or file number typed on a
 * Persian keyboard) and the Arabic forms of ی and ک that Windows keyboards type turned into the Persian ones.
 */
export function normaliseSearch(text: string): string {
  return toLatinDigits(text).replace(/ي/g, 'ی').replace(/ى/g, 'ی').replace(/ك/g, 'ک').replace(/\s+/g, ' ').trim();
}

/** `value` once it has stopped changing for `delayMs` (a search box asks the API once per pause, not per key). */
export function useDebouncedValue<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export interface ListSearch {
  /** Called with the normalised text once typing pauses (and at once on Enter). */
  onSearch(text: string): void;
  initial?: string;
  /** The box's label; defaults to «جستجو» / "Search". */
  label?: string;
  /** What may be searched, e.g. «نام، کد ملی یا شماره پرونده». */
  placeholder?: string;
  delayMs?: number;
}

export interface ListSort {
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
  label?: string;
}

export interface ListControlsProps {
  search?: ListSearch;
  sort?: ListSort;
  /** The list's own filters (Selects, ReferencePickers, DateInputs), laid out in the same wrapping row. */
  filters?: ReactNode;
  testId?: string;
}

/** The row above a list: a debounced search box, a sort order and the list's filters; wraps on phones. */
export function ListControls({ search, sort, filters, testId = 'list-controls' }: ListControlsProps) {
  return (
    <div className="hg-list-controls" role="search" data-testid={testId}>
      {search && <SearchBox {...search} testId={`${testId}-search`} />}
      {sort && <SortSelect {...sort} testId={`${testId}-sort`} />}
      {filters}
    </div>
  );
}

function SearchBox({ onSearch, initial = '', label, placeholder, delayMs = 300, testId }: ListSearch & { testId: string }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(initial);
  const settled = useDebouncedValue(text, delayMs);
  // Only a change the user made reaches onSearch, not the first render.
  const sent = useRef(normaliseSearch(initial));
  const send = (value: string) => {
    const normal = normaliseSearch(value);
    if (normal === sent.current) return;
    sent.current = normal;
    onSearch(normal);
  };
  useEffect(() => send(settled), [settled]); // eslint-disable-line react-hooks/exhaustive-deps -- `send` reads the latest onSearch
  // A search that came from elsewhere (back or forward through an address that holds it): the box shows it, unsent.
  useEffect(() => {
    const normal = normaliseSearch(initial);
    if (normal === sent.current) return;
    sent.current = normal;
    setText(initial);
  }, [initial]);
  return (
    <div className="hg-field hg-list-controls__search">
      <label className="hg-field__label" htmlFor={id}>
        {label ?? t('list.search')}
      </label>
      <input
        id={id}
        className="hg-input"
        type="search"
        enterKeyHint="search"
        value={text}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            send(text);
          }
        }}
        data-testid={testId}
      />
    </div>
  );
}

function SortSelect({ value, options, onChange, label, testId }: ListSort & { testId: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="hg-field">
      <label className="hg-field__label" htmlFor={id}>
        {label ?? t('list.sort')}
      </label>
      <select id={id} className="hg-input" value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface PagerProps {
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next(): void;
  previous(): void;
  /** True while a page is on its way (buttons wait). */
  fetching?: boolean;
  testId?: string;
}

/**
 * Previous / next over cursor pages, with the page's number; spread a `usePagedQuery` result into it:
 * `<Pager {...paged} />`. Nothing is shown for a list that fits on one page.
 */
export function Pager({ pageNumber, hasNext, hasPrevious, next, previous, fetching = false, testId = 'pager' }: PagerProps) {
  const { t } = useI18n();
  if (!hasNext && !hasPrevious) return null;
  return (
    <nav className="hg-pager" aria-label={t('list.pages')} data-testid={testId}>
      <Button variant="secondary" disabled={!hasPrevious || fetching} onClick={previous} data-testid={`${testId}-previous`}>
        {t('list.previous')}
      </Button>
      <span className="hg-pager__page" aria-live="polite" data-testid={`${testId}-page`}>
        {t('list.page', { page: pageNumber })}
      </span>
      <Button variant="secondary" disabled={!hasNext || fetching} onClick={next} data-testid={`${testId}-next`}>
        {t('list.next')}
      </Button>
    </nav>
  );
}

/** «بیشتر» under a growing list (useGrowingQuery): `<MoreButton {...growing} />`; nothing once every page is there. */
export function MoreButton({
  hasMore,
  loadMore,
  loadingMore = false,
  testId = 'more',
}: {
  hasMore: boolean;
  loadMore(): void;
  loadingMore?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <div className="hg-pager">
      <Button variant="secondary" busy={loadingMore} onClick={loadMore} data-testid={testId}>
        {t('list.more')}
      </Button>
    </div>
  );
}
