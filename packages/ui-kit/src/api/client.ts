import { useMemo } from 'react';
import { useAuth, type AuthClient } from '../auth';
import { problemFrom } from './ApiError';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
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
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    del: (path) => request('DELETE', path),
  };
}

export function useApi(): ApiClient {
  const auth = useAuth();
  return useMemo(() => createApiClient(auth), [auth]);
}
