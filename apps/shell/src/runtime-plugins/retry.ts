import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';

type LoadEntryError = NonNullable<ModuleFederationRuntimePlugin['loadEntryError']>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries a remoteEntry.js that failed to download (a service restarting, a flaky network)
 * a few times with growing delays before the fallback plugin takes over.
 */
export function retryPlugin({ retries = 2, delayMs = 400 } = {}): ModuleFederationRuntimePlugin {
  async function retry({ getRemoteEntry, origin, remoteInfo, remoteEntryExports, globalLoading, uniqueKey }: Parameters<LoadEntryError>[0]) {
    for (let attempt = 1; attempt <= retries; attempt++) {
      await sleep(delayMs * attempt);
      // The failed load is still registered under this key; left there, the retry would await it.
      delete globalLoading[uniqueKey];
      const exports = await getRemoteEntry({ origin, remoteInfo, remoteEntryExports }).catch(() => undefined);
      if (exports) return exports;
    }
    return undefined;
  }
  return {
    name: 'hamgam-retry',
    // The hook is declared as a promise of a promise; the runtime awaits whatever comes back.
    loadEntryError: (args) => retry(args) as ReturnType<LoadEntryError>,
  };
}
