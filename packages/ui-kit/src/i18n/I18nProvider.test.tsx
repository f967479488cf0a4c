import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider, LOCALE_STORAGE_KEY, useI18n } from './I18nProvider';
import { registerMessages } from './messages';
import '../testing';

registerMessages('test', {
  fa: { 'test.greeting': 'سلام {name}، {count} پیام', 'test.greeting.one': 'سلام {name}، {count} پیام' },
  en: { 'test.greeting': 'Hello {name}, {count} messages', 'test.greeting.one': 'Hello {name}, {count} message' },
});

declare module './messages' {
  interface MessageCatalogue extends Record<'test.greeting' | 'test.greeting.one', true> {}
}

function Probe() {
  const { t, lookup, locale, dir, setLocale } = useI18n();
  return (
    <div>
      <p data-testid="text">{t('test.greeting', { name: 'Ali', count: 3 })}</p>
      {/* @ts-expect-error a key no module defines is a type error; at run time it shows itself, not a blank */}
      <p data-testid="missing">{t('test.not-defined')}</p>
      <p data-testid="looked-up">{[lookup('test.greeting', { name: 'Ali', count: 1 }), lookup('role.nobody') ?? 'none'].join(' | ')}</p>
      <p data-testid="dir">{dir}</p>
      <button onClick={() => setLocale(locale === 'fa' ? 'en' : 'fa')}>switch</button>
    </div>
  );
}

describe('I18nProvider', () => {
  beforeEach(() => localStorage.clear());

  it('defaults to Persian, right to left, with Persian digits in messages', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('text').textContent).toBe('سلام Ali، ۳ پیام');
    expect(screen.getByTestId('dir').textContent).toBe('rtl');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('fa');
  });

  it('picks the plural variant for count when the locale has one', () => {
    function Counts() {
      const { t } = useI18n();
      return <p data-testid="counts">{[1, 2].map((count) => t('test.greeting', { name: 'A', count })).join(' | ')}</p>;
    }
    render(
      <I18nProvider initialLocale="en">
        <Counts />
      </I18nProvider>,
    );
    expect(screen.getByTestId('counts').textContent).toBe('Hello A, 1 message | Hello A, 2 messages');
  });

  it('falls back to the key for a missing message', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('missing').textContent).toBe('test.not-defined');
  });

  it('looks up a key built from data: its message when a module has one, undefined when none has', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('looked-up').textContent).toBe('سلام Ali، ۱ پیام | none');
  });

  it('flips direction and language on switch, and remembers the choice', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    act(() => fireEvent.click(screen.getByText('switch')));
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByTestId('text').textContent).toBe('Hello Ali, 3 messages');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the stored locale', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(document.documentElement.dir).toBe('ltr');
  });
});
