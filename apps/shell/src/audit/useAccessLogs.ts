import { useApi, useInfiniteQuery, type ApiClient } from '@hamgam/ui-kit';
import { accessLogPath, emptyLog, type AccessEntry, type AccessLogFilter, type AuditedAgency, type ServiceLog } from './accessLog';

/** One auditor's search: a new `run` reads the logs anew (they grow on every read), even with the same filters. */
export interface AccessLogSearch {
  agencies: readonly AuditedAgency[];
  filter: AccessLogFilter;
  run: number;
}

/** The next page of one service's log (only its new entries); a failure is kept with the cursor, so the next step retries it. */
async function readPage(api: ApiClient, log: ServiceLog, filter: AccessLogFilter): Promise<ServiceLog> {
  if (log.done) return { ...log, entries: [] };
  try {
    const page = await api.page<AccessEntry>(accessLogPath(log.agency, filter), log.cursor);
    return { ...log, entries: page.items, cursor: page.next, done: page.next === null, error: undefined };
  } catch (error) {
    return { ...log, entries: [], error };
  }
}

/**
 * The chosen services' logs under one search, as one infinite query: a step reads the next page of every
 * unfinished log at once, and each log is its entries over all steps with where the last step left it.
 */
export function useAccessLogs(search: AccessLogSearch) {
  const api = useApi();
  const query = useInfiniteQuery({
    queryKey: ['shell', 'access-logs', search],
    queryFn: ({ pageParam }) => Promise.all(pageParam.map((log) => readPage(api, log, search.filter))),
    initialPageParam: search.agencies.map(emptyLog),
    getNextPageParam: (last) => (last.some((log) => !log.done) ? last : undefined),
  });
  const steps = query.data?.pages ?? [];
  const logs: ServiceLog[] = search.agencies.map((agency, index) => ({
    ...(steps.at(-1)?.[index] ?? emptyLog(agency)),
    entries: steps.flatMap((step) => step[index]?.entries ?? []),
  }));
  return {
    logs,
    loading: query.isFetching,
    hasMore: query.hasNextPage,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
  };
}
