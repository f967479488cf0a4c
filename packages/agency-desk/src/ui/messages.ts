import { registerMessages } from '@hamgam/ui-kit';
import en from './locales/en.json';
import fa from './locales/fa.json';

/** The agency desk's messages (namespace `desk`): edit the JSON of each locale; both hold the same keys. */
export const messages = registerMessages('desk', { fa, en });
