import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';
import { rspack } from '@rspack/core';
import { describe, expect, it } from 'vitest';
import { createHostConfig, createRemoteConfig, federationOptions, sharedConfig } from './index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shellDir = path.join(repo, 'apps/shell');
const clinicsUiDir = path.join(repo, 'services/clinics/ui');

describe('sharedConfig', () => {
  it('shares react, react-dom, their subpaths, the router, ui-kit and the query cache as singletons', () => {
    const shared = sharedConfig(shellDir);
    for (const key of [
      'react',
      'react-dom',
      'react/',
      'react-dom/',
      'react-router-dom',
      '@hamgam/ui-kit',
      '@tanstack/react-query',
      'i18next',
      'react-i18next',
    ]) {
      expect(shared[key], key).toMatchObject({ singleton: true });
      expect(shared[key].requiredVersion, key).toMatch(/^\^\d/);
    }
  });

  it('takes versions from package.json, and ui-kit from its installed version rather than "*"', () => {
    const shared = sharedConfig(shellDir);
    expect(shared.react.requiredVersion).toBe('^19.3.1');
    expect(shared['react/'].requiredVersion).toBe(shared.react.requiredVersion);
    expect(shared['@hamgam/ui-kit'].requiredVersion).toBe('^0.1.0');
    expect(shared['@tanstack/react-query'].requiredVersion).toMatch(/^\^5\./);
  });

  it('gives the host and a remote identical shared settings', () => {
    expect(sharedConfig(clinicsUiDir)).toEqual(sharedConfig(shellDir));
  });
});

describe('federationOptions', () => {
  it('uses loaded-first sharing, no type download and the standard entry file name', () => {
    const options = federationOptions({ dir: clinicsUiDir, name: 'clinics', exposes: { './App': './src/App.tsx' } });
    expect(options).toMatchObject({
      name: 'clinics',
      filename: 'remoteEntry.js',
      shareStrategy: 'loaded-first',
      dts: false,
      exposes: { './App': './src/App.tsx' },
    });
    expect(options.shared).toEqual(sharedConfig(clinicsUiDir));
  });
});

describe('createRemoteConfig / createHostConfig', () => {
  it('builds a remote in production with an absolute output path and auto public path', () => {
    const config = createRemoteConfig({ service: 'clinics', exposes: { './App': './src/App.tsx' }, dir: clinicsUiDir });
    expect(config.mode).toBe('production');
    expect(config.output.path).toBe(path.join(clinicsUiDir, 'dist'));
    expect(config.output.publicPath).toBe('auto');
    expect(config.entry).toEqual({ main: './src/index.ts' });
    expect(config.module.rules[0].loader).toBe('builtin:swc-loader');
    expect(config.plugins.some((p) => p instanceof ModuleFederationPlugin)).toBe(true);
    expect(config.plugins.some((p) => p instanceof rspack.HtmlRspackPlugin)).toBe(true);
  });

  it('names every built file but the federation entry and the page by its content, so servers may cache it for a year', () => {
    for (const config of [
      createHostConfig({ dir: shellDir }),
      createRemoteConfig({ service: 'clinics', exposes: { './App': './src/App.tsx' }, dir: clinicsUiDir }),
    ]) {
      expect(config.output.filename).toBe('[name].[contenthash:16].js');
      expect(config.output.chunkFilename).toBe('[name].[contenthash:16].js');
    }
  });

  it('builds the host with federation and an HTML page', () => {
    const config = createHostConfig({ dir: shellDir });
    expect(config.plugins.some((p) => p instanceof ModuleFederationPlugin)).toBe(true);
    expect(config.plugins.some((p) => p instanceof rspack.HtmlRspackPlugin)).toBe(true);
  });
});
