import { screen } from '@testing-library/react';
import { renderWithKit } from '@hamgam/ui-kit/testing';
import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import '../messages';
import { fallbackPlugin } from './fallback';
import { retryPlugin } from './retry';

type Hook<K extends 'loadEntryError' | 'errorLoadRemote'> = NonNullable<ReturnType<typeof retryPlugin>[K]>;

describe('retryPlugin', () => {
  it('drops the failed load and tries again until the entry arrives', async () => {
    const exports = { get: vi.fn(), init: vi.fn() };
    const getRemoteEntry = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(exports);
    const globalLoading: Record<string, Promise<undefined> | undefined> = { 'clinics:entry': Promise.resolve(undefined) };
    const hook = retryPlugin({ retries: 3, delayMs: 0 }).loadEntryError as Hook<'loadEntryError'>;

    const result = await hook({ getRemoteEntry, globalLoading, uniqueKey: 'clinics:entry' } as unknown as Parameters<Hook<'loadEntryError'>>[0]);

    expect(result).toBe(exports);
    expect(getRemoteEntry).toHaveBeenCalledTimes(2);
    expect(globalLoading['clinics:entry']).toBeUndefined();
  });

  it('gives up after the configured retries', async () => {
    const getRemoteEntry = vi.fn().mockRejectedValue(new Error('down'));
    const hook = retryPlugin({ retries: 2, delayMs: 0 }).loadEntryError as Hook<'loadEntryError'>;
    const result = await hook({ getRemoteEntry, globalLoading: {}, uniqueKey: 'k' } as unknown as Parameters<Hook<'loadEntryError'>>[0]);
    expect(result).toBeUndefined();
    expect(getRemoteEntry).toHaveBeenCalledTimes(2);
  });
});

describe('fallbackPlugin', () => {
  const hook = fallbackPlugin().errorLoadRemote as Hook<'errorLoadRemote'>;
  const args = (lifecycle: string) =>
    ({ id: 'welfare/App', error: new Error('RUNTIME-008'), lifecycle, from: 'runtime' }) as Parameters<Hook<'errorLoadRemote'>>[0];

  it('answers a failed load with a module that renders the fallback card', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const module = (await hook(args('onLoad'))) as { default: ComponentType };
    renderWithKit(<module.default />, { locale: 'en' });
    expect(screen.getByTestId('remote-fallback-welfare').textContent).toContain('This module is unavailable');
  });

  it('leaves other failures to the caller', async () => {
    expect(await hook(args('beforeRequest'))).toBeUndefined();
  });
});
