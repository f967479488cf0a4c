import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../testing';
import { ApiError } from './ApiError';
import { createApiClient } from './client';

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
    const error = await createApiClient(auth).post('/clinics/v1/assessments', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.title).toBe('Validation failed');
    expect(apiError.detail).toBe('needs must not be empty');
    expect(apiError.errors).toEqual(problem.errors);
  });

  it('still throws an ApiError when the error body is not JSON', async () => {
    stubFetch({ 'GET /api/down': new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' }) });
    const error = await createApiClient(auth).get('/down').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).title).toBe('Bad Gateway');
  });

  it('returns undefined for 204 No Content', async () => {
    stubFetch({ 'DELETE /api/thing': jsonResponse(undefined, 204) });
    expect(await createApiClient(auth).del('/thing')).toBeUndefined();
  });
});
