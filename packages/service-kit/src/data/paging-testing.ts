import type { Response } from 'supertest';

/** What a list route answered, page by page, when walked with a small limit. */
export interface PageWalk<T> {
  items: T[];
  pages: { status: number; count: number; next: string | undefined; link: string | undefined }[];
}

/**
 * Walks a paged list route (array body, `X-Next-Cursor`) with `limit` until the last page (at most
 * `maxPages`), for API tests: `walkPages((p) => api('worker').get(p), '/clinics/c/households', 2)`.
 */
export async function walkPages<T = Record<string, unknown>>(
  get: (path: string) => Promise<Response>,
  path: string,
  limit: number,
  maxPages = 100,
): Promise<PageWalk<T>> {
  const walk: PageWalk<T> = { items: [], pages: [] };
  let after: string | undefined;
  do {
    const res = await get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    const next = res.headers['x-next-cursor'] as string | undefined;
    walk.pages.push({
      status: res.status,
      count: Array.isArray(res.body) ? res.body.length : -1,
      next,
      link: res.headers['link'] as string | undefined,
    });
    if (res.status !== 200) return walk;
    walk.items.push(...(res.body as T[]));
    after = next;
  } while (after && walk.pages.length < maxPages);
  return walk;
}
