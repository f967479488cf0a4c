import type { ModuleFederationRuntimePlugin } from '@module-federation/enhanced/runtime';
import { createElement } from 'react';
import { RemoteFallback } from '../remotes/RemoteFallback';

/**
 * When a remote cannot be loaded, answer with a module whose component is the fallback card,
 * so the page around it renders normally. Errors thrown while rendering are the error boundary's job.
 */
export function fallbackPlugin(): ModuleFederationRuntimePlugin {
  return {
    name: 'hamgam-fallback',
    errorLoadRemote({ id, error, lifecycle }) {
      if (lifecycle !== 'onLoad') return undefined;
      console.warn(`[shell] ${id} could not be loaded`, error);
      const name = id.split('/')[0] ?? id;
      return { default: () => createElement(RemoteFallback, { name }) };
    },
  };
}
