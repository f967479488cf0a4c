// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICES } from '@hamgam/registry';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLifecycle, drain } from './drain.js';
import { createShellServer } from './main.js';
import { upstreamHost, upstreamOrigins } from './remotes.js';

const distDir = mkdtempSync(path.join(tmpdir(), 'shell-dist-'));
writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(distDir, 'main.js'), 'console.log("shell")');

/** Stands in for a service: echoes what the proxy sent it. */
const upstream = createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ method: req.method, url: req.url, authorization: req.headers.authorization ?? null }));
});
let upstreamPort = 0;

beforeAll(async () => {
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = upstream.address().port;
});
afterAll(() => new Promise((resolve) => upstream.close(resolve)));

function appWithClinicsAt(port, env = {}, lifecycle = createLifecycle()) {
  const modules = SERVICES.map((row) => (row.service === 'clinics' ? { ...row, port } : row));
  return createShellServer({ distDir, env, modules, lifecycle });
}

describe('config endpoints', () => {
  it('lists the six modules with same-origin entries, roles, labels and paths', async () => {
    const res = await request(createShellServer({ distDir, env: {} }))
      .get('/config/remotes.json')
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.map((r) => r.name)).toEqual([
      'clinics',
      'vocational_training',
      'welfare',
      'relief_partnerships',
      'institute_funding',
      'coordination',
    ]);
    expect(res.body[0]).toEqual({
      name: 'clinics',
      entry: '/remotes/clinics/remoteEntry.js',
      roles: ['clinic-worker', 'coordinator', 'representative', 'auditor'],
      label: { fa: 'کلینیک‌های مددکاری', en: 'Social-work clinics' },
      path: '/clinics',
    });
    const relief = res.body.find((r) => r.name === 'relief_partnerships');
    expect(relief).toMatchObject({ entry: '/remotes/relief-partnerships/remoteEntry.js', path: '/relief' });
    expect(relief.roles).toEqual(['relief-officer', 'basij-liaison', 'coordinator', 'auditor']);
  });

  it('serves the Keycloak settings, overridable by env', async () => {
    const defaults = await request(createShellServer({ distDir, env: {} }))
      .get('/config/shell.json')
      .expect(200);
    expect(defaults.body).toEqual({ keycloakUrl: 'http://localhost:8080', realm: 'hamgam', clientId: 'hamgam-shell' });
    const custom = await request(createShellServer({ distDir, env: { KEYCLOAK_URL: 'http://kc:8080' } })).get('/config/shell.json');
    expect(custom.body.keycloakUrl).toBe('http://kc:8080');
  });

  it('answers /healthz', async () => {
    await request(createShellServer({ distDir, env: {} }))
      .get('/healthz')
      .expect(200, { status: 'ok' });
  });
});

describe('proxies', () => {
  it('rewrites /api/<service>/* to the service /api/* and passes the token on', async () => {
    const res = await request(appWithClinicsAt(upstreamPort))
      .get('/api/clinics/v1/neighbourhoods?x=1')
      .set('Authorization', 'Bearer abc')
      .expect(200);
    expect(res.body).toEqual({ method: 'GET', url: '/api/v1/neighbourhoods?x=1', authorization: 'Bearer abc' });
  });

  it('forwards request bodies untouched', async () => {
    const res = await request(appWithClinicsAt(upstreamPort)).post('/api/clinics/v1/assessments').send({ a: 1 }).expect(200);
    expect(res.body).toMatchObject({ method: 'POST', url: '/api/v1/assessments' });
  });

  it('rewrites /remotes/<service>/* to the service /ui/*', async () => {
    const res = await request(appWithClinicsAt(upstreamPort)).get('/remotes/clinics/remoteEntry.js').expect(200);
    expect(res.body.url).toBe('/ui/remoteEntry.js');
  });

  it('answers 502 problem+json when the service is down', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));

    const res = await request(appWithClinicsAt(deadPort)).get('/api/clinics/v1/neighbourhoods').expect(502);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 502, title: 'Bad Gateway', detail: 'clinics is not reachable' });
  });

  it('answers 404 problem+json for an unknown service', async () => {
    const res = await request(createShellServer({ distDir, env: {} }))
      .get('/api/nope/v1/x')
      .expect(404);
    expect(res.body.title).toBe('Not Found');
  });

  it('picks hosts from SERVICE_HOST_<NAME>, then SERVICE_HOST, then 127.0.0.1', () => {
    const [tvto, welfare] = ['vocational-training', 'welfare'].map((name) => SERVICES.find((row) => row.service === name));
    expect(upstreamHost(tvto, { SERVICE_HOST_VOCATIONAL_TRAINING: 'tvto', SERVICE_HOST: 'all' })).toBe('tvto');
    expect(upstreamHost(welfare, { SERVICE_HOST: 'all' })).toBe('all');
    expect(upstreamHost(welfare, {})).toBe('127.0.0.1');
  });
});

/** A service stand-in that never answers /slow and says when the shell dropped such a request. */
function stuckUpstream() {
  const dropped = [];
  const server = createServer((req, res) => {
    if (req.url?.includes('/slow')) {
      res.on('close', () => dropped.push(req.url));
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ url: req.url }));
  });
  return { server, dropped };
}

/** A service whose /slow answers only when the test says so. */
function releasableUpstream() {
  const waiting = [];
  const server = createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    waiting.push(() => res.end(JSON.stringify({ url: req.url })));
  });
  return { server, release: () => waiting.splice(0).forEach((answer) => answer()) };
}

async function listening(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server.address().port;
}

const close = (server) => new Promise((resolve) => server.close(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('proxy limits', () => {
  it('answers 504 problem+json with Retry-After when a service does not answer in time, and drops the upstream request', async () => {
    const { server, dropped } = stuckUpstream();
    const port = await listening(server);
    try {
      const started = Date.now();
      const res = await request(appWithClinicsAt(port, { SHELL_UPSTREAM_TIMEOUT_MS: '300' }))
        .get('/api/clinics/v1/slow')
        .expect(504);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({
        status: 504,
        title: 'Gateway Timeout',
        code: 'upstream-timeout',
        detail: 'clinics did not answer within 1 s',
      });
      await sleep(100);
      expect(dropped).toEqual(['/api/v1/slow']);
      // A prompt answer is not affected.
      await request(appWithClinicsAt(port, { SHELL_UPSTREAM_TIMEOUT_MS: '300' }))
        .get('/api/clinics/v1/fast')
        .expect(200);
    } finally {
      server.closeAllConnections();
      await close(server);
    }
  });

  it('aborts the upstream request when the browser goes away', async () => {
    const { server, dropped } = stuckUpstream();
    const port = await listening(server);
    const shell = appWithClinicsAt(port).listen(0, '127.0.0.1');
    await new Promise((resolve) => shell.once('listening', resolve));
    try {
      const gone = new AbortController();
      const pending = fetch(`http://127.0.0.1:${shell.address().port}/api/clinics/v1/slow`, { signal: gone.signal }).catch((e) => e.name);
      await sleep(200);
      expect(dropped).toEqual([]);
      gone.abort();
      expect(await pending).toBe('AbortError');
      for (let i = 0; i < 50 && dropped.length === 0; i++) await sleep(50);
      expect(dropped).toEqual(['/api/v1/slow']);
    } finally {
      shell.closeAllConnections();
      server.closeAllConnections();
      await Promise.all([close(shell), close(server)]);
    }
  });

  it('lets at most SHELL_MAX_INFLIGHT_PER_ORIGIN API requests through to a service at once; the rest get 503 overloaded with Retry-After at once', async () => {
    const { server, dropped } = stuckUpstream();
    const port = await listening(server);
    const shell = appWithClinicsAt(port, { SHELL_MAX_INFLIGHT_PER_ORIGIN: '2' }).listen(0, '127.0.0.1');
    await new Promise((resolve) => shell.once('listening', resolve));
    const base = `http://127.0.0.1:${shell.address().port}`;
    try {
      const gone = new AbortController();
      const held = [1, 2].map(() => fetch(`${base}/api/clinics/v1/slow`, { signal: gone.signal }).catch((e) => e.name));
      await sleep(200);
      const refused = await fetch(`${base}/api/clinics/v1/fast`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(await refused.json()).toMatchObject({ status: 503, code: 'overloaded' });
      // Other services and the shell's own routes are not affected.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      gone.abort();
      await Promise.all(held);
      for (let i = 0; i < 50 && dropped.length < 2; i++) await sleep(50);
      expect((await fetch(`${base}/api/clinics/v1/fast`)).status).toBe(200);
    } finally {
      shell.closeAllConnections();
      server.closeAllConnections();
      await Promise.all([close(shell), close(server)]);
    }
  });

  it('spreads requests over the replicas in UPSTREAMS_<SERVICE>, round-robin', async () => {
    const replica = (name) => createServer((req, res) => res.end(JSON.stringify({ replica: name, url: req.url })));
    const a = replica('a');
    const b = replica('b');
    const [portA, portB] = await Promise.all([listening(a), listening(b)]);
    try {
      const app = createShellServer({ distDir, env: { UPSTREAMS_CLINICS: `http://127.0.0.1:${portA}, http://127.0.0.1:${portB}/` } });
      const seen = [];
      for (let i = 0; i < 4; i++) seen.push(JSON.parse((await request(app).get('/api/clinics/v1/households')).text));
      expect(seen.map((r) => r.replica)).toEqual(['a', 'b', 'a', 'b']);
      expect(seen[0].url).toBe('/api/v1/households');
    } finally {
      await Promise.all([close(a), close(b)]);
    }
  });

  it('passes over a replica that cannot be reached, so after one failed request the others take its share', async () => {
    const live = createServer((req, res) => res.end(JSON.stringify({ replica: 'live' })));
    const gone = createServer();
    const [livePort, gonePort] = await Promise.all([listening(live), listening(gone)]);
    await close(gone);
    try {
      const app = createShellServer({ distDir, env: { UPSTREAMS_CLINICS: `http://127.0.0.1:${gonePort},http://127.0.0.1:${livePort}` } });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await request(app).get('/api/clinics/v1/households')).status);
      expect(statuses).toEqual([502, 200, 200, 200, 200, 200]);
    } finally {
      await close(live);
    }
  });

  it('reads UPSTREAMS_<SERVICE> (upper-cased, - as _), else the one origin; refuses what is not an origin', () => {
    const tvto = SERVICES.find((row) => row.service === 'vocational-training');
    expect(upstreamOrigins(tvto, { UPSTREAMS_VOCATIONAL_TRAINING: 'http://127.0.0.1:4002,http://127.0.0.1:4102' })).toEqual([
      'http://127.0.0.1:4002',
      'http://127.0.0.1:4102',
    ]);
    expect(upstreamOrigins(tvto, {})).toEqual(['http://127.0.0.1:4002']);
    expect(upstreamOrigins(tvto, { UPSTREAMS_VOCATIONAL_TRAINING: '' })).toEqual(['http://127.0.0.1:4002']);
    expect(() => upstreamOrigins(tvto, { UPSTREAMS_VOCATIONAL_TRAINING: 'http://x:1/api' })).toThrow(/not an origin/);
  });
});

describe('static files and SPA fallback', () => {
  const app = () => createShellServer({ distDir, env: {} });

  it('serves built files', async () => {
    const res = await request(app()).get('/main.js').expect(200);
    expect(res.text).toContain('shell');
  });

  it('serves index.html for client-side routes', async () => {
    for (const route of ['/', '/clinics', '/clinics/neighbourhoods/nbh-sarasiab']) {
      const res = await request(app()).get(route).expect(200);
      expect(res.text, route).toContain('<div id="root">');
    }
  });

  it('keeps 404 for missing files', async () => {
    await request(app()).get('/missing.js').expect(404);
  });
});

describe('shutdown (drain.js)', () => {
  it('says not ready at once, lets the request in flight finish, then closes', async () => {
    const { server: slow, release } = releasableUpstream();
    const port = await listening(slow);
    const lifecycle = createLifecycle();
    const shell = appWithClinicsAt(port, {}, lifecycle).listen(0, '127.0.0.1');
    await new Promise((resolve) => shell.once('listening', resolve));
    try {
      const inFlight = fetch(`http://127.0.0.1:${shell.address().port}/api/clinics/v1/slow`);
      await sleep(200);
      const drained = drain(shell, lifecycle, 10_000);
      const probe = await request(appWithClinicsAt(port, {}, lifecycle))
        .get('/readyz')
        .expect(503);
      expect(probe.body).toMatchObject({ code: 'draining' });
      release();
      expect((await inFlight).status).toBe(200);
      expect(await drained).toBe('drained');
      expect(shell.listening).toBe(false);
    } finally {
      slow.closeAllConnections();
      await close(slow);
    }
  });

  it('cuts what is still in flight once the bound has passed', async () => {
    const { server: stuck } = stuckUpstream();
    const port = await listening(stuck);
    const lifecycle = createLifecycle();
    const shell = appWithClinicsAt(port, {}, lifecycle).listen(0, '127.0.0.1');
    await new Promise((resolve) => shell.once('listening', resolve));
    try {
      const inFlight = fetch(`http://127.0.0.1:${shell.address().port}/api/clinics/v1/slow`).then(
        (res) => res.status,
        () => 'cut',
      );
      await sleep(200);
      expect(await drain(shell, lifecycle, 300)).toBe('timed-out');
      expect(await inFlight).toBe('cut');
    } finally {
      stuck.closeAllConnections();
      await close(stuck);
    }
  });

  it('is ready while not shutting down', async () => {
    await request(appWithClinicsAt(upstreamPort)).get('/readyz').expect(200);
  });
});
