import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import kitEn from '../locales/en.json';
import kitFa from '../locales/fa.json';
import { formatNumber, LOCALES, type Locale } from './format';

/** A module's messages: one JSON file per locale (`src/locales/fa.json`, `en.json`) with the same keys. */
export type Messages<K extends string = string> = { fa: Record<K, string>; en: Record<K, string> };
export type MessageParams = Record<string, string | number>;

/**
 * The keys `t()` accepts, typed: the kit's, and those of every module in the program. A module adds its
 * JSON's keys by augmenting this interface next to its `registerMessages` call:
 * `declare module '@hamgam/ui-kit' { interface MessageCatalogue extends Record<keyof typeof fa, true> {} }`.
 */
export interface MessageCatalogue extends Record<keyof typeof kitFa, true> {}
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A plural message is asked for by its base key (`x` for `x.one`/`x.other`), with `count`. */
type Askable<K extends string> = K | (K extends `${infer Base}.${PluralCategory}` ? Base : never);
export type MessageKey = Askable<Extract<keyof MessageCatalogue, string>>;

/**
 * The one i18next instance of the page. ui-kit is a federation singleton, so every remote that
 * registers its namespace here makes its keys available to the shell's provider too.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'fa',
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  resources: {},
  ns: [],
  // Keys are flat and prefixed with their module (`welfare.nav.cases`), so dots and colons are plain text.
  keySeparator: false,
  nsSeparator: false,
  // `key.one` / `key.other`: the CLDR plural category of `count` picks the variant when the locale has one.
  pluralSeparator: '.',
  initAsync: false,
  returnNull: false,
  interpolation: {
    prefix: '{',
    suffix: '}',
    // React escapes what it renders.
    escapeValue: false,
  },
});

const namespaces: string[] = [];

/**
 * Adds a module's namespace to the page's i18next instance; call it once at module level with the
 * module's JSON files. Both locales must hold the same keys (typed here, tested in `infra/test/locales.test.ts`).
 */
export function registerMessages<K extends string>(namespace: string, messages: Messages<K>): Messages<K> {
  for (const locale of LOCALES) i18n.addResourceBundle(locale, namespace, messages[locale], true, true);
  if (!namespaces.includes(namespace)) namespaces.push(namespace);
  return messages;
}

registerMessages('kit', { fa: kitFa, en: kitEn });

/** Whether `key` (built from data: a server's code, a role) has a message: then it is a typed key. */
export function isMessageKey(key: string): key is MessageKey {
  return i18n.exists(key, { ns: namespaces }) || i18n.exists(`${key}.other`, { ns: namespaces });
}

/** Looks a key up in every registered namespace, falling back to the key itself so a missing message is visible, not blank. */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  // `count` picks the plural variant as a number; `replace` writes every number in the locale's digits («۳ پیام»).
  const replace =
    params &&
    Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(value, locale) : value]),
    );
  return i18n.t(key, { lng: locale, ns: namespaces, count: typeof params?.count === 'number' ? params.count : undefined, replace });
}
