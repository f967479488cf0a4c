// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SERVICES } from '@hamgam/registry';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShellServer } from './main.js';

// Bodies well above the compressor's 1 KiB threshold, as real bundles and lists are.
const script = `console.log(${JSON.stringify('x'.repeat(8000))});`;
const list = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: `item-${i}`, name: 'همگام' })) });

const distDir = mkdtempSync(path.join(tmpdir(), 'shell-dist-'));
const hashedName = 'main.0123456789abcdef.js';
writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(distDir, hashedName), script);
writeFileSync(path.join(distDir, 'mf-manifest.json'), '{}');

/** Stands in for a service: its UI bundle (headers as the kit sets them) and API answers. */
const upstream = createServer((req, res) => {
  if (req.url === '/ui/remoteEntry.js') {
    res.setHeader('ETag', 'W/"entry-1"');
    res.setHeader('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === 'W/"entry-1"') return res.writeHead(304).end();
    res.setHeader('Content-Type', 'application/javascript; charset=UTF-8');
    return res.end(script);
  }
  if (req.url === '/ui/__federation_expose_App.fedcba9876543210.js') {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Content-Type', 'application/javascript; charset=UTF-8');
    return res.end(script);
  }
  if (req.url === '/api/v1/already-gzipped') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' });
    return res.end(gzipSync(list));
  }
  if (req.url === '/api/v1/events') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    return res.end(`data: ${list}\n\n`);
  }
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(list);
});
let upstreamPort = 0;
beforeAll(async () => {
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = upstream.address().port;
});
afterAll(() => new Promise((resolve) => upstream.close(resolve)));

const shell = () =>
  createShellServer({
    distDir,
    env: {},
    modules: SERVICES.map((row) => (row.service === 'clinics' ? { ...row, port: upstreamPort } : row)),
  });

describe("the shell's own files", () => {
  it('sends a content-hashed file compressed, brotli or gzip as the browser accepts, cached for a year', async () => {
    for (const encoding of ['br', 'gzip']) {
      const res = await request(shell()).get(`/${hashedName}`).set('Accept-Encoding', encoding).expect(200);
      expect(res.headers['content-encoding'], encoding).toBe(encoding);
      expect(res.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
      expect(res.headers['vary'], encoding).toContain('Accept-Encoding');
      expect(res.text, encoding).toBe(script);
    }
  });

  it('sends it as it is to a browser that accepts no encoding', async () => {
    const res = await request(shell()).get(`/${hashedName}`).set('Accept-Encoding', 'identity').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe(script);
  });

  it('has the page, the federation manifest and the module list revalidated on every load, a 304 when unchanged', async () => {
    for (const url of ['/', '/clinics/referrals', '/index.html', '/mf-manifest.json', '/config/remotes.json']) {
      const first = await request(shell()).get(url).expect(200);
      expect(first.headers['cache-control'], url).toBe('no-cache');
      expect(first.headers['etag'], url).toBeTruthy();
      await request(shell()).get(url).set('If-None-Match', first.headers['etag']).expect(304);
    }
  });
});

describe('what the shell proxies', () => {
  it("compresses a module's bundle and keeps the service's caching: the entry revalidated, hashed chunks immutable", async () => {
    const entry = await request(shell()).get('/remotes/clinics/remoteEntry.js').set('Accept-Encoding', 'br').expect(200);
    expect(entry.headers['content-encoding']).toBe('br');
    expect(entry.headers['cache-control']).toBe('no-cache');
    expect(entry.text).toBe(script);
    await request(shell()).get('/remotes/clinics/remoteEntry.js').set('If-None-Match', 'W/"entry-1"').expect(304);

    const chunk = await request(shell())
      .get('/remotes/clinics/__federation_expose_App.fedcba9876543210.js')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(chunk.headers['content-encoding']).toBe('gzip');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.text).toBe(script);
  });

  it('compresses API answers and keeps them no-store', async () => {
    const res = await request(shell()).get('/api/clinics/v1/referrals').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual(JSON.parse(list));
  });

  it('passes on an answer the service already encoded, not compressing it twice', async () => {
    const res = await request(shell()).get('/api/clinics/v1/already-gzipped').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body).toEqual(JSON.parse(list));
  });

  it('leaves server-sent events uncompressed, so each event goes out when sent', async () => {
    const res = await request(shell()).get('/api/clinics/v1/events').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
