// One place that decides how every front end is built and what it shares at run time,
// so the shell and the six remotes can never disagree about React, the router or ui-kit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rspack } from '@rspack/core';
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';
import { SERVICES } from '@hamgam/registry';

/** Packages that must exist exactly once on a page; the `/` entries cover react/jsx-runtime, react-dom/client etc. */
export const SINGLETONS = /** @type {const} */ ({
  react: 'react',
  'react/': 'react',
  'react-dom': 'react-dom',
  'react-dom/': 'react-dom',
  'react-router-dom': 'react-router-dom',
  '@hamgam/ui-kit': '@hamgam/ui-kit',
  // One query cache per page: a second copy would give a remote its own QueryClient context and an empty cache.
  '@tanstack/react-query': '@tanstack/react-query',
  // One i18next instance and one react-i18next context on the page, whichever module calls useTranslation.
  i18next: 'i18next',
  'react-i18next': 'react-i18next',
});

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The version range a package asks for, from its own package.json. Workspace packages are
 * declared as "*", which would accept anything, so use the installed version's caret range.
 */
function requiredVersion(dir, pkgName) {
  const manifest = readJson(path.join(dir, 'package.json'));
  const declared = manifest.dependencies?.[pkgName] ?? manifest.peerDependencies?.[pkgName];
  if (declared && declared !== '*') return declared;
  const require = createRequire(path.join(dir, 'package.json'));
  return `^${readJson(require.resolve(`${pkgName}/package.json`)).version}`;
}

/** @param {string} dir absolute folder of the package being built */
export function sharedConfig(dir) {
  return Object.fromEntries(
    Object.entries(SINGLETONS).map(([key, pkgName]) => [key, { singleton: true, requiredVersion: requiredVersion(dir, pkgName) }]),
  );
}

/**
 * Module Federation options shared by host and remotes.
 * @param {{ dir: string, name: string, exposes?: Record<string, string>, remotes?: Record<string, string> }} options
 */
export function federationOptions({ dir, name, exposes, remotes }) {
  return {
    name,
    filename: 'remoteEntry.js',
    exposes,
    remotes,
    shared: sharedConfig(dir),
    // Only load shared code that is already on the page or asked for, so one offline
    // remote cannot break the shell at start-up.
    shareStrategy: /** @type {const} */ ('loaded-first'),
    // Types reach consumers through tsconfig paths; downloading them would need remotes running.
    dts: false,
  };
}

function baseConfig({ dir, name, plugins, exposes, remotes }) {
  return {
    mode: 'production',
    context: dir,
    entry: { main: './src/index.ts' },
    output: {
      // Absolute, or federation artefacts end up in dist/dist.
      path: path.join(dir, 'dist'),
      publicPath: 'auto',
      clean: true,
      uniqueName: name,
      // A file's name changes with its content, so the servers can let browsers keep it for a year
      // (immutable). The federation entry (remoteEntry.js) and index.html keep stable names and are
      // revalidated: they are what points at the hashed files of the current release.
      filename: '[name].[contenthash:16].js',
      chunkFilename: '[name].[contenthash:16].js',
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: 'builtin:swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
            },
          },
          type: 'javascript/auto',
        },
      ],
    },
    plugins: [new ModuleFederationPlugin(federationOptions({ dir, name, exposes, remotes })), ...plugins],
    performance: { hints: false },
  };
}

/**
 * An agency's federated module. Its container is named as the registry says (the shell loads it by that
 * name from /config/remotes.json), so the two can never disagree.
 * @param {{ service: string, exposes: Record<string, string>, dir: string }} options
 */
export function createRemoteConfig({ service, exposes, dir }) {
  const entry = SERVICES.find((s) => s.service === service);
  if (!entry) throw new Error(`createRemoteConfig: ${service} is not in @hamgam/registry`);
  return baseConfig({
    dir,
    name: entry.module,
    exposes,
    plugins: [
      // The remote's own page (served at /ui/ by its service) only points visitors to the shell.
      new rspack.HtmlRspackPlugin({
        templateContent:
          '<!doctype html><html lang="fa" dir="rtl"><head><link rel="icon" href="data:,"></head><body><div id="root"></div></body></html>',
      }),
    ],
  });
}

/**
 * The shell: no build-time remotes (they are registered at run time from /config/remotes.json).
 * @param {{ dir: string, name?: string, title?: string }} options
 */
export function createHostConfig({ dir, name = 'shell', title = 'همگام' }) {
  return baseConfig({
    dir,
    name,
    remotes: {},
    plugins: [
      new rspack.HtmlRspackPlugin({
        template: path.join(dir, 'index.html'),
        title,
        // Absolute so deep links served by the SPA fallback (/clinics/...) still find main.js.
        publicPath: '/',
      }),
    ],
  });
}
