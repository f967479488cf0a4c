import express, { type RequestHandler } from 'express';

/**
 * A built file whose name carries its content hash (build-config names chunks and entries
 * `[name].[contenthash:16].js`): a new release gives it a new name, so browsers may keep it for a year.
 */
const contentHashed = /\.[0-9a-f]{16}\.(?:js|css)$/;

/**
 * The service's federated UI module (mounted at /ui/, reached by browsers through the shell, which
 * compresses it). Hashed files are immutable for a year; the federation entry (remoteEntry.js), its
 * manifest and index.html keep their names across releases and are revalidated on every use (a 304 by
 * ETag when unchanged), so the shell picks up a deploy at once.
 */
export function serveUi(dist: string): RequestHandler {
  return express.static(dist, {
    cacheControl: false,
    setHeaders: (res, file) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.setHeader('Cache-Control', contentHashed.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
