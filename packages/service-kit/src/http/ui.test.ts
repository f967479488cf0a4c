import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { serveUi } from './ui.js';

const dist = mkdtempSync(path.join(tmpdir(), 'ui-dist-'));
const files = {
  'remoteEntry.js': 'var clinics;',
  'mf-manifest.json': '{}',
  'index.html': '<!doctype html>',
  '__federation_expose_App.0123456789abcdef.js': 'export default 1;',
  '285.fedcba9876543210.js': 'export default 2;',
};
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dist, name), text);
const app = express().use('/ui', serveUi(dist));

describe('a service’s built UI under /ui/', () => {
  it('lets browsers keep content-hashed files for a year', async () => {
    for (const name of ['__federation_expose_App.0123456789abcdef.js', '285.fedcba9876543210.js']) {
      const res = await request(app).get(`/ui/${name}`).expect(200);
      expect(res.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
      expect(res.headers['access-control-allow-origin'], name).toBe('*');
    }
  });

  it('has the federation entry, its manifest and the page revalidated on every use, a 304 when unchanged', async () => {
    for (const name of ['remoteEntry.js', 'mf-manifest.json', 'index.html']) {
      const first = await request(app).get(`/ui/${name}`).expect(200);
      expect(first.headers['cache-control'], name).toBe('no-cache');
      await request(app).get(`/ui/${name}`).set('If-None-Match', first.headers['etag']!).expect(304);
    }
  });
});
