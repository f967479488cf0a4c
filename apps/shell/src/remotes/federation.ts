import { loadRemote, registerPlugins, registerRemotes } from '@module-federation/enhanced/runtime';
import { RetryPlugin } from '@module-federation/retry-plugin';
import type { ComponentType } from 'react';
import type { RemoteModuleConfig } from '../config';
import { fallbackPlugin } from '../runtime-plugins/fallback';

/**
 * A remoteEntry.js (or an exposed chunk) that failed to download, say while its service restarts, is
 * fetched again at once, then twice more 400 ms apart, before the fallback plugin answers with the
 * "module unavailable" card (whose button starts the whole round again).
 */
const retry = { retryTimes: 2, retryDelay: 400 };

/** Registers the modules this user may see; nothing is downloaded until one is opened. */
export function registerModules(modules: readonly RemoteModuleConfig[]): void {
  registerPlugins([RetryPlugin({ script: retry }), fallbackPlugin()]);
  registerRemotes(modules.map(({ name, entry }) => ({ name, entry: new URL(entry, window.location.href).href })));
}

export interface ComponentModule<P> {
  default: ComponentType<P>;
}

/** Loads an exposed component such as "clinics/App"; shaped for React.lazy. */
export async function loadComponent<P>(id: string): Promise<ComponentModule<P>> {
  const module = await loadRemote<ComponentModule<P>>(id);
  if (!module?.default) throw new Error(`${id} does not export a component`);
  return module;
}
