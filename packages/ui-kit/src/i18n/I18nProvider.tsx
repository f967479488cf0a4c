import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { UiKitStyles } from '../styles';
import {
  directionOf,
  formatDate,
  formatDateTime,
  formatList,
  formatNumber,
  formatTime,
  LOCALES,
  type Direction,
  type Locale,
  type LocalizedText,
} from './format';
import { I18nextProvider } from 'react-i18next';
import { i18n, isMessageKey, translate, type MessageKey, type MessageParams } from './messages';

export interface I18n {
  locale: Locale;
  dir: Direction;
  setLocale(locale: Locale): void;
  /** Message for `key` in the current locale; numbers in `params` are formatted for the locale. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The message for a key built from data (a server's code, a role), or undefined when no module has one. */
  lookup(key: string, params?: MessageParams): string | undefined;
  /** The current locale's side of a `{ fa, en }` value from an API or config. */
  localize(text: LocalizedText): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  /** A day `YYYY-MM-DD` or an instant's Iran day, e.g. «۱۶ آذر ۱۴۰۵» / «7 Dec 2026». */
  formatDate(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  /** An instant's Iran day and time, e.g. «۱۶ آذر ۱۴۰۵، ۹:۰۰» / «7 Dec 2026, 09:00». */
  formatDateTime(instant: Date | string | number): string;
  /** An instant's Iran time of day, e.g. «۹:۰۰» / «09:00». */
  formatTime(instant: Date | string | number): string;
  formatList(items: readonly string[], options?: Intl.ListFormatOptions): string;
}

export const LOCALE_STORAGE_KEY = 'hamgam.locale';

function storedLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
  return LOCALES.find((l) => l === stored) ?? 'fa';
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? storedLocale());

  const setLocale = useCallback((next: Locale) => {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    // Modules may also use react-i18next's useTranslation(namespace) directly.
    void i18n.changeLanguage(locale);
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const number = (n: number, options?: Intl.NumberFormatOptions) => formatNumber(n, locale, options);
    return {
      locale,
      dir: directionOf(locale),
      setLocale,
      t: (key, params) => translate(locale, key, params),
      lookup: (key, params) => (isMessageKey(key) ? translate(locale, key, params) : undefined),
      localize: (text) => text[locale],
      formatNumber: number,
      formatDate: (value, options) => formatDate(value, locale, options),
      formatDateTime: (instant) => formatDateTime(instant, locale),
      formatTime: (instant) => formatTime(instant, locale),
      formatList: (items, options) => formatList(items, locale, options),
    };
  }, [locale, setLocale]);

  return (
    <I18nextProvider i18n={i18n}>
      <I18nContext value={value}>
        <UiKitStyles />
        {children}
      </I18nContext>
    </I18nextProvider>
  );
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it (the shell renders one)');
  return i18n;
}
