import { useSearchParams } from 'react-router-dom';

/** What a filter field may hold in the URL: one of these values, a flag (`=true`), or any text. */
export type UrlFilterSpec = Record<string, readonly string[] | 'flag' | 'text'>;

/** The filter a spec describes: each field optional, a flag a boolean, a choice one of its values. */
export type UrlFilter<S extends UrlFilterSpec> = {
  [K in keyof S]?: (S[K] extends 'flag' ? boolean : S[K] extends readonly (infer V)[] ? V : string) | undefined;
};

/**
 * A list's filter kept in the URL's query string (`?state=received&overdue=true`), read from it on every
 * render: a link (the home's «۳ ارجاع دیرکرد» opens `?overdue=true`) opens the list filtered, and reload,
 * back and forward keep the filter the user chose. A value the spec does not allow is ignored, so a
 * hand-edited URL never reaches the API. A choice adds a history entry; typed text replaces the current one.
 */
export function useFilterInUrl<S extends UrlFilterSpec>(spec: S) {
  const [search, setSearch] = useSearchParams();
  const filter: UrlFilter<S> = {};
  for (const [name, allowed] of Object.entries(spec)) {
    const value = search.get(name);
    if (!value) continue;
    if (allowed === 'flag') {
      if (value === 'true') Object.assign(filter, { [name]: true });
    } else if (allowed === 'text' || allowed.includes(value)) Object.assign(filter, { [name]: value });
  }
  const change = (part: UrlFilter<S>, { typed = false }: { typed?: boolean } = {}) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(part)) {
          if (value === undefined || value === false || value === '') next.delete(name);
          else next.set(name, String(value));
        }
        return next;
      },
      { replace: typed },
    );
  return [filter, change] as const;
}
