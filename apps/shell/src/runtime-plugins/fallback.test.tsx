import { screen } from '@testing-library/react';
import { renderWithKit } from '@hamgam/ui-kit/testing';
import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import '../messages';
import { fallbackPlugin } from './fallback';

type ErrorLoadRemote = NonNullable<ReturnType<typeof fallbackPlugin>['errorLoadRemote']>;

describe('fallbackPlugin', () => {
  const hook = fallbackPlugin().errorLoadRemote as ErrorLoadRemote;
  const args = (lifecycle: string) =>
    ({ id: 'welfare/App', error: new Error('RUNTIME-008'), lifecycle, from: 'runtime' }) as Parameters<ErrorLoadRemote>[0];

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
