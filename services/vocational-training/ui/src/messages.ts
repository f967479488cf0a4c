import { registerMessages } from '@hamgam/ui-kit';
import en from './locales/en.json';
import fa from './locales/fa.json';

/** TVTO's messages (namespace `vocational-training`): edit the JSON of each locale; both hold the same keys. */
export const messages = registerMessages('vocational-training', { fa, en });

// The TVTO’s keys are what t() accepts in this module's code (a typo is a type error).
declare module '@hamgam/ui-kit' {
  interface MessageCatalogue extends Record<keyof typeof fa, true> {}
}
