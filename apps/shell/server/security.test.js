// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { SERVICES } from '@hamgam/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShellServer } from './main.js';

const distDir = mkdtempSync(path.join(tmpdir(), 'shell-dist-'));
writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');

/** Stands in for a service: echoes the forwarding headers the shell sent it. */
const upstream = createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  const { 'x-forwarded-for': forwardedFor = null, forwarded = null, 'x-real-ip': realIp = null } = req.headers;
  res.end(JSON.stringify({ forwardedFor, forwarded, realIp }));
});
let upstreamPort = 0;
beforeAll(async () => {
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = upstream.address().port;
});
afterAll(() => new Promise((resolve) => upstream.close(resolve)));

const shell = (env = {}) =>
  createShellServer({ distDir, env, modules: SERVICES.map((row) => (row.service === 'clinics' ? { ...row, port: upstreamPort } : row)) });

describe('the client address the services get', () => {
  it('is the address the shell saw: an incoming X-Forwarded-For is replaced, not appended to', async () => {
    const res = await request(shell())
      .get('/api/clinics/v1/tracking/ABCD2345')
      .set('X-Forwarded-For', '198.51.100.7')
      .set('Forwarded', 'for=198.51.100.8')
      .set('X-Real-IP', '198.51.100.9')
      .expect(200);
    // supertest reaches the shell over loopback; the client's claims are gone.
    expect(res.body).toEqual({ forwardedFor: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/), forwarded: null, realIp: null });
  });

  it('behind TRUST_PROXY_HOPS proxies (the cluster ingress), is the address the last of them saw', async () => {
    const res = await request(shell({ TRUST_PROXY_HOPS: '1' }))
      .get('/api/clinics/v1/tracking/ABCD2345')
      .set('X-Forwarded-For', '198.51.100.7, 203.0.113.20')
      .expect(200);
    expect(res.body.forwardedFor).toBe('203.0.113.20');
  });

  it('refuses a nonsense TRUST_PROXY_HOPS at start', () => {
    expect(() => shell({ TRUST_PROXY_HOPS: 'all' })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe('errors', () => {
  it('answers a malformed URL with a problem, never a stack or a path', async () => {
    for (const url of ['/%ff', '/clinics/%ff', '/config/%ff']) {
      const res = await request(shell()).get(url);
      expect(res.status, url).toBe(url.startsWith('/config') ? 404 : 400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.text, url).not.toMatch(/node_modules|URIError|\bat \w|\/work\//);
    }
  });

  it('answers a missing file with a problem', async () => {
    const res = await request(shell()).get('/missing.js').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('security headers', () => {
  it('fit the federated modules (same-origin scripts) and Keycloak (its origin from KEYCLOAK_URL)', async () => {
    const res = await request(shell({ KEYCLOAK_URL: 'https://login.example.org/auth' }))
      .get('/clinics')
      .expect(200);
    const csp = Object.fromEntries(res.headers['content-security-policy'].split(';').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'https://login.example.org']);
    expect(csp['frame-src']).toEqual(["'self'", 'https://login.example.org']);
    expect(csp['frame-ancestors']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('are on the shell’s own answers of every kind', async () => {
    for (const url of ['/config/shell.json', '/healthz', '/%ff', '/api/nope/v1/x']) {
      const res = await request(shell()).get(url);
      expect(res.headers['content-security-policy'], url).toContain("connect-src 'self' http://localhost:8080");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});

describe('bind address', () => {
  it('listens only where HOST says', async () => {
    const main = fileURLToPath(new URL('./main.js', import.meta.url));
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = await once(child.stdout, 'data');
      expect(String(line)).toMatch(/^\[shell\] listening on 127\.0\.0\.1:\d+/);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
