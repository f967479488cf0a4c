import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { useMemo } from 'react';
import { useAuth, type AuthClient } from '../auth';
import { problemFrom } from './ApiError';

/** A service's API typed from its own OpenAPI document (services/<service>/ui/src/api/schema.d.ts). */
export type TypedClient<Paths extends object> = Client<Paths, 'application/json'>;

/** The page's origin; tests and scripts without one use localhost (a Request needs an absolute URL). */
function origin(): string {
  const here = globalThis.location?.origin;
  return here && here.startsWith('http') ? here : 'http://localhost';
}

/**
 * The same contract as createApiClient, typed: every call carries a fresh bearer token and its own
 * correlation id, and a non-2xx answer throws ApiError (problem+json), so `data` is always there.
 */
function kitMiddleware(auth: Pick<AuthClient, 'getToken'>): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set('Accept', 'application/json, application/problem+json');
      request.headers.set('Authorization', `Bearer ${await auth.getToken()}`);
      request.headers.set('X-Correlation-Id', crypto.randomUUID());
      return request;
    },
    async onResponse({ response }) {
      if (!response.ok) throw await problemFrom(response);
      return undefined;
    },
  };
}

/**
 * A typed client of one service through the shell's proxy (`/api/<service>/v1`); paths as in its
 * generated schema, e.g. `await data(client.GET('/residents/{id}', { params: { path: { id } } }))`.
 */
export function createTypedClient<Paths extends object>(service: string, auth: Pick<AuthClient, 'getToken'>): TypedClient<Paths> {
  const client = createClient<Paths, 'application/json'>({
    baseUrl: `${origin()}/api/${service}/v1`,
    // The fetch of the moment, not the one at creation (tests replace it).
    fetch: (request) => globalThis.fetch(request),
  });
  client.use(kitMiddleware(auth));
  return client;
}

/** The signed-in user's typed client of `service`, e.g. `useTypedClient<paths>('clinics')`. */
export function useTypedClient<Paths extends object>(service: string): TypedClient<Paths> {
  const auth = useAuth();
  return useMemo(() => createTypedClient<Paths>(service, auth), [service, auth]);
}

type Answer<T> = Promise<{ data?: T; response: Response }>;

/** The body of a typed call (errors were already thrown as ApiError). */
export async function data<T>(call: Answer<T>): Promise<T> {
  return (await call).data as T;
}

/** One page of a typed list call and its next cursor (`X-Next-Cursor`), as usePagedQuery wants it. */
export async function pageOf<T>(call: Answer<T[]>): Promise<{ items: T[]; next: string | null }> {
  const { data: items, response } = await call;
  return { items: items ?? [], next: response.headers.get('X-Next-Cursor') };
}
