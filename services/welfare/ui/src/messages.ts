import { registerMessages } from '@hamgam/ui-kit';
import en from './locales/en.json';
import fa from './locales/fa.json';

/** Welfare's messages (namespace `welfare`): edit the JSON of each locale; both hold the same keys. */
export const messages = registerMessages('welfare', { fa, en });
