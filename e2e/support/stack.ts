import { SERVICES } from '@hamgam/registry';
/** Where the running stack is (infra/native/services.sh or docker compose) and how to get real tokens. */
export const keycloakUrl = process.env['KEYCLOAK_URL'] ?? 'http://localhost:8080';
export const shellUrl = process.env['SHELL_URL'] ?? 'http://localhost:3000';

/** Each service's port on the native stack, from the one registry. */
export const servicePorts: Readonly<Record<string, number>> = Object.fromEntries(SERVICES.map((s) => [s.service, s.port]));
export type ServiceName = (typeof SERVICES)[number]['service'];

export const serviceUrl = (service: ServiceName) => `http://127.0.0.1:${servicePorts[service]}`;

export const demoPassword = 'hamgam-demo';

const tokens = new Map<string, { token: string; expiresAt: number }>();
/** Access tokens live two minutes (the realm's accessTokenLifespan); a long test file outlives several. */
const REFRESH_BEFORE_MS = 30_000;

const signingIn = new Map<string, Promise<string>>();

/**
 * A real access token from the realm, through the dev-only direct-grant client; a fresh one near expiry.
 * One sign-in per user at a time: Keycloak's brute-force detection refuses concurrent sign-ins of one
 * user as failed ones, and five of those lock the account.
 */
export async function tokenFor(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached && cached.expiresAt - Date.now() > REFRESH_BEFORE_MS) return cached.token;
  const pending = signingIn.get(username) ?? signIn(username).finally(() => signingIn.delete(username));
  signingIn.set(username, pending);
  return pending;
}

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${keycloakUrl}/realms/hamgam/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    // `openid`, as the shell's sign-in asks: sensitive writes confirm the session at Keycloak's userinfo, which refuses tokens without it.
    body: new URLSearchParams({ grant_type: 'password', client_id: 'hamgam-cli', username, password: demoPassword, scope: 'openid' }),
  });
  if (!res.ok) throw new Error(`Keycloak refused ${username}: ${res.status} ${await res.text()}`);
  const { access_token: token, expires_in: expiresIn } = (await res.json()) as { access_token: string; expires_in: number };
  tokens.set(username, { token, expiresAt: Date.now() + expiresIn * 1000 });
  return token;
}

export interface CallOptions {
  as?: string;
  token?: string;
  method?: string;
  body?: unknown;
}

/** Calls a service's API directly (not through the shell) and returns status and parsed body. */
export async function call(service: ServiceName, path: string, options: CallOptions = {}) {
  const token = options.token ?? (options.as ? await tokenFor(options.as) : undefined);
  const res = await fetch(`${serviceUrl(service)}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    // A paged list's cursor to its next page (absent on the last).
    nextCursor: res.headers.get('x-next-cursor') ?? undefined,
    body: text ? (JSON.parse(text) as any) : undefined,
  };
}

/**
 * The first item of a paged list that `matches`, walking the pages as a client would (lists are paged,
 * so what a test made is not necessarily on the first page once earlier runs filled the store).
 */
export async function findInPages<T>(
  service: ServiceName,
  path: string,
  options: CallOptions,
  matches: (item: T) => boolean,
): Promise<T | undefined> {
  for (let after: string | undefined, pages = 0; pages < 100; pages++) {
    const page = await call(
      service,
      `${path}${path.includes('?') ? '&' : '?'}limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      options,
    );
    if (page.status !== 200) throw new Error(`${path}: ${page.status} ${JSON.stringify(page.body)}`);
    const found = (page.body as T[]).find(matches);
    if (found !== undefined || !page.nextCursor) return found;
    after = page.nextCursor;
  }
  throw new Error(`${path}: more than 100 pages`);
}

/** The clinics' catalogue entry of an offer, once the offer's event has reached the clinics (undefined until then). */
export const catalogueEntry = (offerId: string, agency: string) =>
  findInPages<{ id: string; revision: number; [field: string]: unknown }>(
    'clinics',
    `/api/v1/catalogue?agency=${agency}`,
    { as: 'clinic.worker' },
    (o) => o.id === offerId,
  );

/** Polls until `check` returns a value, for effects that travel through the broker. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
