// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShellServer } from './main.js';
import { MODULES, upstreamHost } from './remotes.js';

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

function appWithClinicsAt(port, env = {}) {
  const modules = MODULES.map((row) => (row.service === 'clinics' ? { ...row, port } : row));
  return createShellServer({ distDir, env, modules });
}

describe('config endpoints', () => {
  it('lists the six modules with same-origin entries, roles, labels and paths', async () => {
    const res = await request(createShellServer({ distDir, env: {} })).get('/config/remotes.json').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
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
    const defaults = await request(createShellServer({ distDir, env: {} })).get('/config/shell.json').expect(200);
    expect(defaults.body).toEqual({ keycloakUrl: 'http://localhost:8080', realm: 'hamgam', clientId: 'hamgam-shell' });
    const custom = await request(createShellServer({ distDir, env: { KEYCLOAK_URL: 'http://kc:8080' } })).get('/config/shell.json');
    expect(custom.body.keycloakUrl).toBe('http://kc:8080');
  });

  it('answers /healthz', async () => {
    await request(createShellServer({ distDir, env: {} })).get('/healthz').expect(200, { status: 'ok' });
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
    const res = await request(createShellServer({ distDir, env: {} })).get('/api/nope/v1/x').expect(404);
    expect(res.body.title).toBe('Not Found');
  });

  it('picks hosts from SERVICE_HOST_<NAME>, then SERVICE_HOST, then 127.0.0.1', () => {
    expect(upstreamHost('vocational-training', { SERVICE_HOST_VOCATIONAL_TRAINING: 'tvto', SERVICE_HOST: 'all' })).toBe('tvto');
    expect(upstreamHost('welfare', { SERVICE_HOST: 'all' })).toBe('all');
    expect(upstreamHost('welfare', {})).toBe('127.0.0.1');
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
