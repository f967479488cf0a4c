// Test helpers for packages that render ui-kit components (not part of the runtime bundle).
import { cleanup, configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, vi } from 'vitest';
import { hasAnyRole, setAuthClient, type AuthClient } from './auth';
import type { Locale } from './i18n/format';
import { I18nProvider } from './i18n/I18nProvider';
import { QueryClient } from '@tanstack/react-query';
import { QueryProvider } from './query/QueryProvider';

// findBy*/waitFor give up after 1 s by default, too short when turbo runs every suite at once on 2 cores.
configure({ asyncUtilTimeout: 5000 });

// Without vitest globals Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

export function fakeAuth(overrides: Partial<Omit<AuthClient, 'hasRole'>> = {}): AuthClient {
  const roles = overrides.roles ?? ['coordinator'];
  return {
    getToken: async () => 'test-token',
    user: { id: 'user-1', username: 'coordinator', displayName: 'Test User' },
    claims: { clinicIds: [], neighbourhoodIds: [] },
    logout: () => undefined,
    ...overrides,
    roles,
    hasRole: (...wanted) => hasAnyRole(roles, wanted),
  };
}

/** The error an input points to (its `aria-describedby`), as a screen reader reads it with the input. */
export const fieldErrorOf = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** A route answer: a Response, a JSON body (200), or a function of the parsed request body. */
export type FakeRoute = Response | ((body: unknown) => Response) | object;

/**
 * Replaces global fetch with a table keyed by "METHOD /path" (e.g. "GET /api/welfare/v1/me").
 * Unknown routes answer 404 problem+json. Returns the mock to inspect calls.
 */
export function stubFetch(routes: Record<string, FakeRoute>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    // createApiClient calls fetch(path, init); the typed client (openapi-fetch) calls fetch(request).
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input), 'http://localhost');
    const route = routes[`${init.method ?? request?.method ?? 'GET'} ${url.pathname}`];
    if (route === undefined) {
      return jsonResponse({ title: 'Not Found', status: 404 }, 404, 'application/problem+json');
    }
    if (route instanceof Response) return route.clone();
    const body = init.body ? String(init.body) : await request?.text();
    if (typeof route === 'function') return route(body ? JSON.parse(body) : undefined);
    return jsonResponse(route);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** A query cache for one test: nothing shared between tests, no retries (a failure shows at once). */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } } });
}

/**
 * Renders inside the providers the shell gives every module, with a signed-in fake user and a fresh query
 * cache (pass `queryClient` to inspect or share it between renders).
 */
export function renderWithKit(
  ui: ReactElement,
  {
    locale = 'fa',
    auth = fakeAuth(),
    queryClient = testQueryClient(),
  }: { locale?: Locale; auth?: AuthClient; queryClient?: QueryClient } = {},
): RenderResult {
  setAuthClient(auth);
  // A wrapper, so `rerender` keeps the providers (and the same cache).
  const Providers = ({ children }: { children: ReactNode }) => (
    <I18nProvider initialLocale={locale}>
      <QueryProvider client={queryClient}>{children}</QueryProvider>
    </I18nProvider>
  );
  return render(ui, { wrapper: Providers });
}
