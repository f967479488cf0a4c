import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../testing';
import { ApiError } from './ApiError';
import { createApiClient, mapApiErrors } from './client';

const auth = { getToken: async () => 'token-123' };

describe('createApiClient', () => {
  it('sends a bearer token, a correlation id and JSON under /api', async () => {
    const fetchMock = stubFetch({ 'POST /api/clinics/v1/assessments': (body) => jsonResponse({ id: 'a1', body }, 201) });
    const api = createApiClient(auth);

    const created = await api.post<{ id: string; body: unknown }>('/clinics/v1/assessments', { householdRef: 'HH-1' });

    expect(created).toEqual({ id: 'a1', body: { householdRef: 'HH-1' } });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/clinics/v1/assessments');
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('Bearer token-123');
    expect(headers.get('X-Correlation-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('Content-Type')).toBe('application/json');
  });

  it('uses a new correlation id per request', async () => {
    const fetchMock = stubFetch({ 'GET /api/x': { ok: true } });
    const api = createApiClient(auth);
    await api.get('/x');
    await api.get('/x');
    const ids = fetchMock.mock.calls.map(([, init]) => new Headers(init?.headers).get('X-Correlation-Id'));
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('maps problem+json to an ApiError', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Validation failed',
      status: 400,
      detail: 'needs must not be empty',
      errors: [{ path: ['needs'], message: 'Too small' }],
    };
    stubFetch({ 'POST /api/clinics/v1/assessments': jsonResponse(problem, 400, 'application/problem+json') });
    const error = await createApiClient(auth)
      .post('/clinics/v1/assessments', {})
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.title).toBe('Validation failed');
    expect(apiError.detail).toBe('needs must not be empty');
    expect(apiError.errors).toEqual(problem.errors);
  });

  it('still throws an ApiError when the error body is not JSON', async () => {
    stubFetch({ 'GET /api/down': new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' }) });
    const error = await createApiClient(auth)
      .get('/down')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).title).toBe('Bad Gateway');
  });

  it('returns undefined for 204 No Content', async () => {
    stubFetch({ 'DELETE /api/thing': jsonResponse(undefined, 204) });
    expect(await createApiClient(auth).del('/thing')).toBeUndefined();
  });

  describe('paged lists', () => {
    /** A list route of 5 items, 2 a page, the next cursor in X-Next-Cursor as the services send it. */
    const pagedFetch = () => {
      const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input), 'http://localhost');
        const start = Number(url.searchParams.get('after') ?? '0');
        const items = [1, 2, 3, 4, 5].slice(start, start + 2);
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (start + 2 < 5) headers['X-Next-Cursor'] = String(start + 2);
        return new Response(JSON.stringify(items), { status: 200, headers });
      });
      vi.stubGlobal('fetch', fetchMock);
      return fetchMock;
    };

    it('list follows the cursor to the last page, keeping the query', async () => {
      const fetchMock = pagedFetch();
      expect(await createApiClient(auth).list<number>('/x/v1/things?state=open')).toEqual([1, 2, 3, 4, 5]);
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual([
        '/api/x/v1/things?state=open',
        '/api/x/v1/things?state=open&after=2',
        '/api/x/v1/things?state=open&after=4',
      ]);
    });

    it('list stops after maxPages; page reads one page and its next cursor', async () => {
      pagedFetch();
      const api = createApiClient(auth);
      expect(await api.list<number>('/x/v1/things', { maxPages: 2 })).toEqual([1, 2, 3, 4]);
      expect(await api.page<number>('/x/v1/things')).toEqual({ items: [1, 2], next: '2' });
      expect(await api.page<number>('/x/v1/things', '4')).toEqual({ items: [5], next: null });
    });
  });
});

describe('download', () => {
  it('saves the answer as a file named by Content-Disposition (Persian names too), with the token', async () => {
    const fetchMock = stubFetch({
      'GET /api/coordination/v1/exports/board': new Response('a,b\n1,2\n', {
        headers: {
          'Content-Type': 'text/csv',
          'Content-Disposition': 'attachment; filename="board.csv"; filename*=UTF-8\'\'%D8%AA%D8%AE%D8%AA%D9%87.csv',
        },
      }),
    });
    const saved: { name: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    const name = await createApiClient(auth).download('/coordination/v1/exports/board', 'export.csv');
    expect(name).toBe('تخته.csv');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('تخته.csv');
    expect(saved[0]!.href).toMatch(/^blob:/);
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Authorization')).toBe('Bearer token-123');
    click.mockRestore();
  });

  it('falls back to the given name, and throws a refusal as ApiError', async () => {
    stubFetch({ 'GET /api/x.csv': new Response('x', { headers: { 'Content-Type': 'text/csv' } }) });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    expect(await createApiClient(auth).download('/x.csv', 'fallback.csv')).toBe('fallback.csv');
    stubFetch({ 'GET /api/x.csv': jsonResponse({ title: 'Forbidden', status: 403, code: 'not-yours' }, 403, 'application/problem+json') });
    const refusal = await createApiClient(auth)
      .download('/x.csv', 'fallback.csv')
      .catch((error: unknown) => error);
    expect((refusal as ApiError).problem.code).toBe('not-yours');
    click.mockRestore();
  });
});

describe('patch and mapApiErrors', () => {
  it('sends PATCH, and maps every failure of a wrapped client', async () => {
    stubFetch({
      'PATCH /api/clinics/v1/households/h-1': (body) => jsonResponse({ patched: body }),
      'GET /api/clinics/v1/missing': jsonResponse({ title: 'Not Found', status: 404, code: 'x' }, 404, 'application/problem+json'),
    });
    const api = mapApiErrors(createApiClient(auth), () => new Error('in Persian'));
    expect(await api.patch('/clinics/v1/households/h-1', { address: 'x' })).toEqual({ patched: { address: 'x' } });
    await expect(api.get('/clinics/v1/missing')).rejects.toThrow('in Persian');
    await expect(api.download('/clinics/v1/missing', 'f')).rejects.toThrow('in Persian');
  });
});
