import { registerMessages } from '@hamgam/ui-kit';
import en from './locales/en.json';
import fa from './locales/fa.json';

/** The institute fund's messages (namespace `institute-funding`): edit the JSON of each locale; both hold the same keys. */
export const messages = registerMessages('institute-funding', { fa, en });

// The fund’s keys are what t() accepts in this module's code (a typo is a type error).
declare module '@hamgam/ui-kit' {
  interface MessageCatalogue extends Record<keyof typeof fa, true> {}
}
