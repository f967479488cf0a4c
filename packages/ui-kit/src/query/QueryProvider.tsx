import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/ApiError';

/** A refusal (4xx) answers the same the second time: only failures of the network or the server are retried. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The one cache of server data on a page. The shell makes it once; every module reads it through
 * `@tanstack/react-query`, shared as a Module Federation singleton, so a list fetched on one screen is
 * fresh for 30 s on the next and a save in one module can invalidate what another shows.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // People switch windows all day (a phone call, the case file in another tab): no refetch storm on return.
        refetchOnWindowFocus: false,
        retry: shouldRetry,
      },
      // A command is never repeated behind the user's back.
      mutations: { retry: false },
    },
  });
}

/** Gives everything below it the query cache; `client` for tests, otherwise a new one for the page's lifetime. */
export function QueryProvider({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [own] = useState(() => client ?? createQueryClient());
  return <QueryClientProvider client={own}>{children}</QueryClientProvider>;
}
