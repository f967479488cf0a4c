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
  /** A partial correction of a record (e.g. PATCH /households/:id). */
  patch<T>(path: string, body?: unknown): Promise<T>;
  del<T = void>(path: string): Promise<T>;
  /**
   * Fetches a file (a CSV or XLSX export, a printable slip) with the user's token and hands it to the
   * browser as a download, named as the answer's Content-Disposition says, else `fallbackName`.
   * Resolves to the name saved; a refusal throws ApiError like every other call.
   */
  download(path: string, fallbackName: string): Promise<string>;
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

  async function send(method: string, path: string, body: unknown, accept: string): Promise<Response> {
    const headers = new Headers({
      Accept: `${accept}, application/problem+json`,
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
    return response;
  }

  async function exchange<T>(method: string, path: string, body?: unknown): Promise<{ body: T; next: string | null }> {
    const response = await send(method, path, body, 'application/json');
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
    patch: (path, body) => request('PATCH', path, body),
    del: (path) => request('DELETE', path),
    download: async (path, fallbackName) => {
      const response = await send('GET', path, undefined, '*/*');
      const name = fileNameOf(response) ?? fallbackName;
      saveBlob(await response.blob(), name);
      return name;
    },
  };
}

/** The file name a Content-Disposition header gives (`filename*=UTF-8''…` for Persian names, else `filename="…"`). */
function fileNameOf(response: Response): string | undefined {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition)?.[1];
}

/** Hands a Blob to the browser as a download through a temporary link. */
function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The same client with every failure passed through `map` (e.g. a module's useProblemSentence, so each
 * refusal reaches the screen in the user's language), kept in the kit so a new method is wrapped everywhere.
 */
export function mapApiErrors(api: ApiClient, map: (error: unknown) => unknown): ApiClient {
  const mapped = <T>(call: Promise<T>) => call.catch((error: unknown) => Promise.reject(map(error)));
  return {
    get: <T>(path: string) => mapped(api.get<T>(path)),
    list: <T>(path: string, options?: { maxPages?: number }) => mapped(api.list<T>(path, options)),
    page: <T>(path: string, after?: string | null) => mapped(api.page<T>(path, after)),
    post: <T>(path: string, body?: unknown) => mapped(api.post<T>(path, body)),
    put: <T>(path: string, body?: unknown) => mapped(api.put<T>(path, body)),
    patch: <T>(path: string, body?: unknown) => mapped(api.patch<T>(path, body)),
    del: <T = void>(path: string) => mapped(api.del<T>(path)),
    download: (path, fallbackName) => mapped(api.download(path, fallbackName)),
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
