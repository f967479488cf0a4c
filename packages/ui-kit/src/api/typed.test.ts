import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../testing';
import { ApiError } from './ApiError';
import { createTypedClient, data, pageOf } from './typed';

// The shape openapi-typescript writes (services/<service>/ui/src/api/schema.d.ts), cut down to two routes.
interface paths {
  '/residents': {
    get: {
      parameters: { query?: { after?: string; q?: string } };
      responses: { 200: { content: { 'application/json': { id: string; name: string }[] } } };
    };
    post: {
      parameters: object;
      requestBody: { content: { 'application/json': { name: string } } };
      responses: {
        201: { content: { 'application/json': { id: string } } };
        422: { content: { 'application/problem+json': { title: string; status: number; code?: string } } };
      };
    };
  };
  '/residents/{id}': {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { content: { 'application/json': { id: string; name: string } } } };
    };
  };
}

const auth = { getToken: async () => 'token-123' };

describe('createTypedClient', () => {
  it("calls the service through the shell's proxy with a token and a correlation id", async () => {
    const fetchMock = stubFetch({ 'GET /api/clinics/v1/residents/r-1': { id: 'r-1', name: 'Maryam' } });
    const client = createTypedClient<paths>('clinics', auth);
    const resident = await data(client.GET('/residents/{id}', { params: { path: { id: 'r-1' } } }));
    expect(resident.name).toBe('Maryam');
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/clinics/v1/residents/r-1');
    expect(request.headers.get('Authorization')).toBe('Bearer token-123');
    expect(request.headers.get('X-Correlation-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends JSON bodies and throws a refusal as ApiError with its code', async () => {
    const fetchMock = stubFetch({
      'POST /api/clinics/v1/residents': (body) =>
        (body as { name: string }).name
          ? jsonResponse({ id: 'r-2' }, 201)
          : jsonResponse({ title: 'Unprocessable', status: 422, code: 'name-missing', field: 'name' }, 422, 'application/problem+json'),
    });
    const client = createTypedClient<paths>('clinics', auth);
    expect(await data(client.POST('/residents', { body: { name: 'Sara' } }))).toEqual({ id: 'r-2' });
    const refusal = await client.POST('/residents', { body: { name: '' } }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).problem).toMatchObject({ status: 422, code: 'name-missing', field: 'name' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('reads a page and its next cursor', async () => {
    stubFetch({
      'GET /api/clinics/v1/residents': new Response(JSON.stringify([{ id: 'r-1', name: 'A' }]), {
        headers: { 'Content-Type': 'application/json', 'X-Next-Cursor': 'c2' },
      }),
    });
    const client = createTypedClient<paths>('clinics', auth);
    const page = await pageOf(client.GET('/residents', { params: { query: { q: 'A' } } }));
    expect(page).toEqual({ items: [{ id: 'r-1', name: 'A' }], next: 'c2' });
  });
});
