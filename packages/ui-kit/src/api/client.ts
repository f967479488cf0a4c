import { useMemo } from 'react';
import { useAuth, type AuthClient } from '../auth';
import { problemFrom } from './ApiError';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  /**
   * Every item of a paged list route (an array body; the next page's cursor in `X-Next-Cursor`):
   * follows the cursor, one bounded request per page, up to `maxPages` pages (LIST_MAX_PAGES).
   */
  list<T>(path: string, options?: { maxPages?: number }): Promise<T[]>;
  /** One page of a paged list route and the cursor of the next (null on the last page). */
  page<T>(path: string, after?: string | null): Promise<{ items: T[]; next: string | null }>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  del<T = void>(path: string): Promise<T>;
}

/**
 * JSON client for the services behind the shell's proxy (`/api/<service>/v1/...`).
 * Every call carries a fresh bearer token and its own correlation id so a request can be
 * followed through service logs and events; non-2xx answers throw ApiError.
 */
export function createApiClient(auth: Pick<AuthClient, 'getToken'>, base = '/api'): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await exchange<T>(method, path, body)).body;
  }

  async function exchange<T>(method: string, path: string, body?: unknown): Promise<{ body: T; next: string | null }> {
    const headers = new Headers({
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${await auth.getToken()}`,
      'X-Correlation-Id': crypto.randomUUID(),
    });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await problemFrom(response);
    const text = await response.text();
    return { body: (text ? JSON.parse(text) : undefined) as T, next: response.headers.get('X-Next-Cursor') };
  }

  const page = async <T>(path: string, after?: string | null) => {
    const { body, next } = await exchange<T[]>('GET', after ? withAfter(path, after) : path);
    return { items: body, next };
  };

  return {
    get: (path) => request('GET', path),
    page,
    list: async <T>(path: string, { maxPages = LIST_MAX_PAGES } = {}) => {
      const items: T[] = [];
      let after: string | null = null;
      for (let n = 0; n < maxPages; n++) {
        const next: { items: T[]; next: string | null } = await page<T>(path, after);
        items.push(...next.items);
        if (!next.next) break;
        after = next.next;
      }
      return items;
    },
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    del: (path) => request('DELETE', path),
  };
}

/**
 * How many pages `list` reads at most (at the server's default of 50 a page: 1,000 items — a clinic's
 * demo register is ~75 households and a few hundred residents). A screen over a larger set pages itself
 * with `page`.
 */
export const LIST_MAX_PAGES = 20;

const withAfter = (path: string, after: string) => `${path}${path.includes('?') ? '&' : '?'}after=${encodeURIComponent(after)}`;

export function useApi(): ApiClient {
  const auth = useAuth();
  return useMemo(() => createApiClient(auth), [auth]);
}
