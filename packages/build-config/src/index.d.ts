import type { Configuration } from '@rspack/core';

export declare const SINGLETONS: Readonly<Record<string, string>>;
export declare function sharedConfig(dir: string): Record<string, { singleton: true; requiredVersion: string }>;
export declare function federationOptions(options: {
  dir: string;
  name: string;
  exposes?: Record<string, string>;
  remotes?: Record<string, string>;
}): {
  name: string;
  filename: 'remoteEntry.js';
  exposes?: Record<string, string>;
  remotes?: Record<string, string>;
  shared: ReturnType<typeof sharedConfig>;
  shareStrategy: 'loaded-first';
  dts: false;
};
export declare function createRemoteConfig(options: {
  /** The service as the registry names it (@hamgam/registry); the container takes the registry's module name. */
  service: string;
  exposes: Record<string, string>;
  dir: string;
}): Configuration;
export declare function createHostConfig(options: { dir: string; name?: string; title?: string }): Configuration;
