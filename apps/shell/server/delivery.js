import compression from 'compression';

/**
 * A built file whose name carries its content hash (build-config names chunks and entries
 * `[name].[contenthash:16].js`): a new release gives it a new name, so browsers may keep it for a year.
 */
const contentHashed = /\.[0-9a-f]{16}\.(?:js|css)$/;

/**
 * How long a browser may keep a file of the shell's build: hashed files for a year, without asking;
 * anything else (index.html, the federation manifest) is revalidated on every use (its ETag makes
 * that a 304 when nothing changed), so a release is seen at once.
 * @param {string} file
 */
export function cacheControlFor(file) {
  return contentHashed.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Every answer the browser gets from the shell — its own files, the modules' bundles and the API
 * answers it proxies — compressed with brotli (or gzip) when the browser accepts it. An answer that
 * arrives already encoded is passed on as it is, so nothing is compressed twice. Server-sent events
 * are left alone: a compressor would hold them back until its buffer fills.
 */
export function compress() {
  return compression({
    filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
  });
}
