import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shellUrl, tokenFor, type ServiceName } from '../support/stack.js';

/**
 * Issue 9, "never hang": a bounded burst of concurrent requests over the main list and detail routes of
 * every service, through the shell. Every request gets an answer — 2xx, or 503 with Retry-After — before
 * a client-side bound a little above the services' request deadline; 10 s later an ordinary request
 * answers; no service process was restarted. Timings are printed, not asserted.
 */

/**
 * The services' request deadline (HTTP_REQUEST_DEADLINE_MS default) and the client's bound above it: the
 * deadline starts when a request reaches its service, and on two busy cores a burst can wait seconds in
 * the shell and the kernel before that, so the bound leaves room up to the shell's own upstream timeout.
 */
const deadlineMs = Number(process.env['HTTP_REQUEST_DEADLINE_MS'] ?? 10_000);
const clientBoundMs = Number(process.env['LOAD_CLIENT_BOUND_MS'] ?? deadlineMs + 8_000);
const burstSize = Number(process.env['LOAD_BURST'] ?? 1_000);
const stackDir = process.env['STACK_DIR'] ?? path.resolve(import.meta.dirname, '../../.stack');

interface Route {
  service: ServiceName;
  path: string;
  as: string;
}

/** Main list routes (with the role that reads them) and, for each, the detail route of its first item. */
const lists: (Route & { detail?: (id: string) => string })[] = [
  { service: 'clinics', path: '/neighbourhoods', as: 'coordinator', detail: (id) => `/neighbourhoods/${id}` },
  { service: 'clinics', path: '/clinics', as: 'coordinator' },
  { service: 'clinics', path: '/clinics/clinic-sarasiab/households', as: 'coordinator', detail: (id) => `/households/${id}` },
  { service: 'clinics', path: '/referrals', as: 'coordinator', detail: (id) => `/referrals/${id}` },
  { service: 'vocational-training', path: '/courses', as: 'coordinator', detail: (id) => `/courses/${id}` },
  { service: 'vocational-training', path: '/permits', as: 'coordinator', detail: (id) => `/permits/${id}` },
  { service: 'welfare', path: '/cases', as: 'welfare.officer', detail: (id) => `/cases/${id}` },
  { service: 'welfare', path: '/cases/summary', as: 'coordinator' },
  { service: 'relief-partnerships', path: '/projects', as: 'coordinator', detail: (id) => `/projects/${id}` },
  { service: 'relief-partnerships', path: '/support-requests', as: 'coordinator', detail: (id) => `/support-requests/${id}` },
  { service: 'relief-partnerships', path: '/agreements', as: 'coordinator' },
  { service: 'institute-funding', path: '/institutes', as: 'coordinator' },
  { service: 'institute-funding', path: '/awards', as: 'coordinator', detail: (id) => `/awards/${id}` },
  { service: 'institute-funding', path: '/applications', as: 'coordinator' },
  { service: 'coordination', path: '/neighbourhoods', as: 'coordinator', detail: (id) => `/neighbourhoods/${id}/board` },
  { service: 'coordination', path: '/commitments', as: 'coordinator' },
  { service: 'coordination', path: '/meetings', as: 'coordinator', detail: (id) => `/meetings/${id}` },
];

const urlOf = (route: Route) => `${shellUrl}/api/${route.service}/v1${route.path}`;

async function get(route: Route, timeoutMs = clientBoundMs) {
  const started = performance.now();
  try {
    const res = await fetch(urlOf(route), {
      headers: { Authorization: `Bearer ${await tokenFor(route.as)}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const body = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text;
    return {
      route,
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      contentType: res.headers.get('content-type') ?? '',
      body,
      ms: performance.now() - started,
    };
  } catch (error) {
    return {
      route,
      status: 0,
      error: (error as Error).name,
      retryAfter: null,
      contentType: '',
      body: undefined,
      ms: performance.now() - started,
    };
  }
}

/** The first item's id of a list answer (an array, or a page with items). */
function firstId(body: unknown): string | undefined {
  const items = Array.isArray(body) ? body : ((body as { items?: unknown[] } | undefined)?.items ?? []);
  const first = items[0] as { id?: string; _id?: string; code?: string } | undefined;
  return first?.id ?? first?._id;
}

const services = ['clinics', 'vocational-training', 'welfare', 'relief-partnerships', 'institute-funding', 'coordination'];

/** Process ids of the services (replicas included) and the shell, from .stack/pids; not the stack's own. */
function servicePids(): Record<string, string> {
  const dir = path.join(stackDir, 'pids');
  const ours = (file: string) =>
    file.endsWith('.pid') && ['shell', ...services].some((name) => file === `${name}.pid` || file.startsWith(`${name}-`));
  const pids: Record<string, string> = {};
  for (const file of readdirSync(dir).filter(ours)) pids[file] = readFileSync(path.join(dir, file), 'utf8').trim();
  return pids;
}
const alive = (pid: string) => {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!) : 0;

const routes: Route[] = [];
let pidsBefore: Record<string, string> = {};

beforeAll(async () => {
  pidsBefore = servicePids();
  for (const service of services)
    expect(
      Object.keys(pidsBefore).some((f) => f.startsWith(service)),
      `${service} runs`,
    ).toBe(true);
  // One calm pass: every list answers, and gives the id its detail route uses.
  for (const list of lists) {
    const res = await get(list, 30_000);
    expect(res.status, `${list.service} ${list.path}`).toBe(200);
    routes.push(list);
    const id = list.detail ? firstId(res.body) : undefined;
    if (list.detail && id) {
      const detail = { service: list.service, path: list.detail(encodeURIComponent(id)), as: list.as };
      expect((await get(detail, 30_000)).status, `${detail.service} ${detail.path}`).toBe(200);
      routes.push(detail);
    }
  }
});

describe(`a burst of ${burstSize} concurrent requests over every service's lists and details, through the shell`, () => {
  let results: Awaited<ReturnType<typeof get>>[] = [];
  let burstEnded = 0;

  it('answers every request before the bound: 2xx, or 503 problem+json with Retry-After', async () => {
    const started = performance.now();
    results = await Promise.all(Array.from({ length: burstSize }, (_, i) => get(routes[i % routes.length]!)));
    burstEnded = performance.now();

    const byService = new Map<string, Record<string, number>>();
    for (const r of results) {
      const counts = byService.get(r.route.service) ?? {};
      const key =
        r.status === 0
          ? `no answer (${r.error})`
          : r.status === 503
            ? `503 ${(r.body as { code?: string })?.code ?? '?'}`
            : String(r.status);
      counts[key] = (counts[key] ?? 0) + 1;
      byService.set(r.route.service, counts);
    }
    const ok = results
      .filter((r) => r.status >= 200 && r.status < 300)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    const all = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `[load] ${burstSize} requests over ${routes.length} routes in ${Math.round(burstEnded - started)} ms; ` +
        `2xx ${ok.length} (p50 ${percentile(ok, 0.5)} ms, p95 ${percentile(ok, 0.95)} ms); all answers p50 ${percentile(all, 0.5)} ms, p95 ${percentile(all, 0.95)} ms, max ${percentile(all, 1)} ms`,
    );
    for (const [service, counts] of byService) console.log(`[load]   ${service}: ${JSON.stringify(counts)}`);

    const unanswered = results.filter((r) => r.status === 0);
    expect(unanswered.map((r) => `${r.route.service} ${r.route.path}: ${r.error} after ${Math.round(r.ms)} ms`)).toEqual([]);
    const wrong = results.filter((r) => !(r.status >= 200 && r.status < 300) && r.status !== 503);
    expect(wrong.map((r) => `${r.route.service} ${r.route.path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)).toEqual([]);
    for (const refused of results.filter((r) => r.status === 503)) {
      expect(Number(refused.retryAfter), `${refused.route.service} ${refused.route.path}: Retry-After`).toBeGreaterThan(0);
      expect(refused.contentType).toContain('application/problem+json');
      expect((refused.body as { code?: string }).code).toMatch(/^(overloaded|deadline-exceeded|store-unavailable|busy)$/);
    }
    expect(ok.length).toBeGreaterThan(0);
  });

  it('10 s after the burst, an ordinary request to every service answers', async () => {
    await sleep(Math.max(0, burstEnded + 10_000 - performance.now()));
    const calm = lists.filter((list, i) => lists.findIndex((l) => l.service === list.service) === i);
    const after = await Promise.all(calm.map((route) => get(route)));
    console.log(`[load] 10 s after: ${after.map((r) => `${r.route.service} ${r.status} in ${Math.round(r.ms)} ms`).join('; ')}`);
    for (const r of after) expect(r.status, `${r.route.service} ${r.route.path}`).toBe(200);
  });

  it('restarted no service process', () => {
    const now = servicePids();
    expect(now).toEqual(pidsBefore);
    for (const [file, pid] of Object.entries(now)) expect(alive(pid), `${file} (${pid}) is alive`).toBe(true);
  });
});
