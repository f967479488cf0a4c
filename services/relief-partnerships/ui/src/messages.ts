import { registerMessages } from '@hamgam/ui-kit';
import en from './locales/en.json';
import fa from './locales/fa.json';

/** Relief partnerships' messages (namespace `relief-partnerships`): edit the JSON of each locale; both hold the same keys. */
export const messages = registerMessages('relief-partnerships', { fa, en });
