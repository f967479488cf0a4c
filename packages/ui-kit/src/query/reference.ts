import type { QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReferenceOption } from '../components/ReferencePicker';
import { useI18n, type I18n } from '../i18n/I18nProvider';
import { useApiQuery } from './hooks';

export interface ReferenceOptions {
  /** For a ReferencePicker's `options` (or a Select's), labelled in the user's language. */
  options: ReferenceOption[];
  /** The label of a value, for a table cell or a summary; '—' while unknown, never the value itself. */
  labelOf(value: string | null | undefined): string;
  loading: boolean;
  error: unknown;
  reload(): void;
}

/** Reference lists change seldom: kept fresh for 10 minutes, fetched once for every screen and module that asks. */
const REFERENCE_STALE_MS = 10 * 60_000;

/**
 * A reference list the API serves (neighbourhoods, trades, need categories, agencies, clinics) as picker
 * options and a value → label lookup, e.g.
 * `useReferenceOptions(['clinics', 'neighbourhoods'], () => api.list<Nbh>('/clinics/v1/neighbourhoods'), (n, { localize }) => ({ value: n.id, label: localize(n.name) }))`.
 */
export function useReferenceOptions<T>(
  key: QueryKey,
  fetchAll: () => Promise<readonly T[]>,
  toOption: (item: T, i18n: I18n) => ReferenceOption,
  { module, enabled }: { module?: string; enabled?: boolean } = {},
): ReferenceOptions {
  const i18n = useI18n();
  const query = useApiQuery(key, fetchAll, { module, enabled, staleTime: REFERENCE_STALE_MS });
  // toOption is usually an inline arrow, so not a dependency: the list changes with the data or the language.
  const options = useMemo(() => (query.data ?? []).map((item) => toOption(item, i18n)), [query.data, i18n]);
  const byValue = useMemo(() => new Map(options.map((option) => [option.value, option.label])), [options]);
  return {
    options,
    labelOf: (value) => (value ? (byValue.get(value) ?? i18n.t('common.none')) : i18n.t('common.none')),
    loading: query.loading,
    error: query.error,
    reload: query.reload,
  };
}
