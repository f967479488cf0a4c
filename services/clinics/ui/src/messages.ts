import { registerMessages } from '@hamgam/ui-kit';
import en from './locales/en.json';
import fa from './locales/fa.json';

/** The clinics' messages: the clinic, its residents and its referrals (namespace `clinics`): edit the JSON of each locale; both hold the same keys. */
export const messages = registerMessages('clinics', { fa, en });

// The clinics’ keys are what t() accepts in this module's code (a typo is a type error).
declare module '@hamgam/ui-kit' {
  interface MessageCatalogue extends Record<keyof typeof fa, true> {}
}
