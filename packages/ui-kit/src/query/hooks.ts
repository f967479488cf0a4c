import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useState } from 'react';
import { useProblemSentence } from '../problems';

/** What a screen reads from a query: TanStack's result plus `loading` and `reload`, the names its buttons and cards take. */
export type ApiQuery<T> = UseQueryResult<T> & {
  /** True until the first answer (and while a new key has no cached answer yet). */
  loading: boolean;
  /** Fetches again (e.g. an ErrorCard's retry button). */
  reload(): void;
};

export interface ApiQueryOptions {
  /** A module whose messages translate the API's problem codes (`<module>.problem.<code>`), see useProblemSentence. */
  module?: string;
  /** False to wait (e.g. until a required filter is chosen). */
  enabled?: boolean;
  /** Overrides the 30 s default when data changes faster (a queue) or slower (reference lists). */
  staleTime?: number;
  /** False when a failure is itself the answer (a public look-up that found nothing, a rate limit): shown at once, never asked again. */
  retry?: false;
}

/**
 * Reads server data through the shared cache: `key` names it (start with the service, e.g.
 * `['clinics', 'residents', { q }]`), `fn` fetches it. Errors come out in the user's language when `module` is given.
 */
export function useApiQuery<T>(key: QueryKey, fn: () => Promise<T>, { module = '', ...options }: ApiQueryOptions = {}): ApiQuery<T> {
  const explain = useProblemSentence(module);
  const query = useQuery({ queryKey: key, queryFn: fn, ...options });
  return {
    ...query,
    error: (module && query.error ? explain(query.error) : query.error) as Error | null,
    loading: query.isPending,
    reload: () => void query.refetch(),
  } as ApiQuery<T>;
}

export interface ApiMutationOptions<T> {
  module?: string;
  /** Query keys (or key prefixes) whose data this command changes: refetched after success. */
  invalidates?: readonly QueryKey[];
  onSuccess?: (result: T) => void;
}

export type ApiMutation<T, V> = UseMutationResult<T, Error, V> & {
  /** True while the command runs (a Button's `busy`). */
  busy: boolean;
  /** Runs the command; true when it succeeded (the error is in `error`, never thrown). */
  run(variables: V): Promise<boolean>;
};

/** A command (POST/PUT/DELETE) with its busy and error state, refreshing the lists it changes. */
export function useApiMutation<T, V = void>(
  fn: (variables: V) => Promise<T>,
  { module = '', invalidates = [], onSuccess }: ApiMutationOptions<T> = {},
): ApiMutation<T, V> {
  const explain = useProblemSentence(module);
  const client = useQueryClient();
  const mutation = useMutation<T, Error, V>({
    mutationFn: fn,
    onSuccess: async (result) => {
      onSuccess?.(result);
      await Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  return {
    ...mutation,
    error: (module && mutation.error ? explain(mutation.error) : mutation.error) as Error | null,
    busy: mutation.isPending,
    run: (variables: V) =>
      mutation.mutateAsync(variables).then(
        () => true,
        () => false,
      ),
  } as ApiMutation<T, V>;
}

/** One page of a cursor-paged route, as ApiClient.page returns it. */
export interface CursorPage<T> {
  items: T[];
  next: string | null;
}

export interface PagedQuery<T> {
  items: T[];
  loading: boolean;
  /** True while another page (or a new search) is on its way; the previous page stays on screen meanwhile. */
  fetching: boolean;
  error: unknown;
  /** 1 for the first page. */
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next(): void;
  previous(): void;
  reload(): void;
}

/**
 * A list read one page at a time over `X-Next-Cursor` cursors, with next/previous. A new `key` (another
 * search, sort or filter) starts again at the first page. `fetchPage(after)` is e.g.
 * `(after) => api.page<Row>('/clinics/v1/residents?q=…', after)`.
 */
export function usePagedQuery<T>(
  key: QueryKey,
  fetchPage: (after: string | null) => Promise<CursorPage<T>>,
  { module = '', ...options }: ApiQueryOptions = {},
): PagedQuery<T> {
  const explain = useProblemSentence(module);
  const keyText = JSON.stringify(key);
  // The cursors that led to each page seen so far; the first page has none.
  const [trail, setTrail] = useState<{ keyText: string; cursors: (string | null)[] }>({ keyText, cursors: [null] });
  const cursors = trail.keyText === keyText ? trail.cursors : [null];
  const after = cursors[cursors.length - 1] ?? null;
  const query = useQuery({
    queryKey: [...key, { after }],
    queryFn: () => fetchPage(after),
    placeholderData: keepPreviousData,
    ...options,
  });
  const nextCursor = query.isPlaceholderData ? null : (query.data?.next ?? null);
  return {
    items: query.data?.items ?? [],
    loading: query.isPending,
    fetching: query.isFetching,
    error: module && query.error ? explain(query.error) : query.error,
    pageNumber: cursors.length,
    hasNext: nextCursor !== null,
    hasPrevious: cursors.length > 1,
    next: () => {
      if (nextCursor !== null) setTrail({ keyText, cursors: [...cursors, nextCursor] });
    },
    previous: () => {
      if (cursors.length > 1) setTrail({ keyText, cursors: cursors.slice(0, -1) });
    },
    reload: () => void query.refetch(),
  };
}

export interface GrowingQuery<T> {
  /** Every item of the pages loaded so far, in order. */
  items: T[];
  loading: boolean;
  /** True while the next page is on its way. */
  loadingMore: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * A list that grows by a page on «بیشتر» (a timeline, an access log, a feed): the same cursor pages as
 * usePagedQuery, kept one under the other. A new `key` starts again with the first page.
 */
export function useGrowingQuery<T>(
  key: QueryKey,
  fetchPage: (after: string | null) => Promise<CursorPage<T>>,
  { module = '', ...options }: ApiQueryOptions = {},
): GrowingQuery<T> {
  const explain = useProblemSentence(module);
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    ...options,
  });
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    loading: query.isPending,
    loadingMore: query.isFetchingNextPage,
    error: module && query.error ? explain(query.error) : query.error,
    hasMore: query.hasNextPage,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
    reload: () => void query.refetch(),
  };
}
