import { registerMessages } from '@hamgam/ui-kit';
import en from './locales/en.json';
import fa from './locales/fa.json';

/** The shell's messages: its frame, the auditor's page and public tracking (namespace `shell`): edit the JSON of each locale; both hold the same keys. */
export const messages = registerMessages('shell', { fa, en });
