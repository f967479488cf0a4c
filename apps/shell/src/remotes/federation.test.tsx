import { screen } from '@testing-library/react';
import { renderWithKit } from '@hamgam/ui-kit/testing';
import { init, registerPlugins } from '@module-federation/enhanced/runtime';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import '../messages';
import { testModules } from '../testModules';
import { loadComponent, registerModules } from './federation';

/** remoteEntry.js downloads per remote: how many more fail, and how many were tried. */
const downloads = new Map<string, { failuresLeft: number; tried: number }>();

/** A remote's container, as its remoteEntry.js would define it. */
const container = (name: string) => ({
  init: () => undefined,
  get: (expose: string) => () => Promise.resolve({ default: () => <p data-testid={`${name}-app`}>{expose}</p> }),
});

/** Stands in for the browser's script download; RUNTIME-008 is how the runtime reports a failed one. */
function network(name: string, failures: number) {
  downloads.set(name, { failuresLeft: failures, tried: 0 });
}

beforeAll(() => {
  // The retry plugin logs each attempt, the fallback plugin each failure.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  init({ name: 'shell', remotes: [] });
  registerModules(testModules);
  registerPlugins([
    {
      name: 'test-network',
      async loadEntry({ remoteInfo }) {
        const download = downloads.get(remoteInfo.name)!;
        download.tried++;
        if (download.failuresLeft-- > 0) throw new Error(`RUNTIME-008: ${remoteInfo.entry} failed`);
        return container(remoteInfo.name);
      },
    },
  ]);
});

describe('loading a remote module', () => {
  it('downloads a remoteEntry.js that failed again, and renders the module once it arrives', async () => {
    network('clinics', 2);
    const { default: App } = await loadComponent<object>('clinics/App');
    renderWithKit(<App />);
    expect(screen.getByTestId('clinics-app').textContent).toBe('./App');
    expect(downloads.get('clinics')!.tried).toBe(3);
  });

  it('shows the "module unavailable" card for a remote that stays down', async () => {
    network('welfare', Infinity);
    const { default: App } = await loadComponent<object>('welfare/App');
    renderWithKit(<App />, { locale: 'en' });
    expect(screen.getByTestId('remote-fallback-welfare').textContent).toContain('This module is unavailable');
    expect(downloads.get('welfare')!.tried).toBe(4);
  });
});
