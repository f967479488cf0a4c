import { useApi, type ApiClient } from '@hamgam/ui-kit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { accessLogPath, emptyLog, type AccessEntry, type AccessLogFilter, type AuditedAgency, type ServiceLog } from './accessLog';

/** The next page of one service's log; a failure is kept on the log (with its cursor) so the next "load more" retries it. */
async function readPage(api: ApiClient, log: ServiceLog, filter: AccessLogFilter): Promise<ServiceLog> {
  try {
    const page = await api.page<AccessEntry>(accessLogPath(log.agency, filter), log.cursor);
    return { ...log, entries: [...log.entries, ...page.items], cursor: page.next, done: page.next === null, error: undefined };
  } catch (error) {
    return { ...log, error };
  }
}

/** The chosen services' logs under one search: the first page of each, then one more page of each unfinished one per `loadMore`. */
export function useAccessLogs(search: { agencies: readonly AuditedAgency[]; filter: AccessLogFilter }) {
  const api = useApi();
  const [logs, setLogs] = useState<ServiceLog[]>([]);
  const [loading, setLoading] = useState(false);
  // Answers to an earlier search or page are dropped once the auditor has moved on.
  const generation = useRef(0);

  const advance = useCallback(
    async (current: readonly ServiceLog[], run: number) => {
      setLoading(true);
      const next = await Promise.all(current.map((log) => (log.done ? log : readPage(api, log, search.filter))));
      if (run !== generation.current) return;
      setLogs(next);
      setLoading(false);
    },
    [api, search],
  );

  useEffect(() => {
    const run = ++generation.current;
    const fresh = search.agencies.map(emptyLog);
    setLogs(fresh);
    void advance(fresh, run);
  }, [advance, search]);

  const loadMore = useCallback(() => void advance(logs, ++generation.current), [advance, logs]);
  return { logs, loading, loadMore, hasMore: logs.some((log) => !log.done) };
}
