import { defineMessages } from '@hamgam/ui-kit';

export const messages = defineMessages({
  fa: { 'welfare.title': 'بهزیستی' },
  en: { 'welfare.title': 'Welfare Organisation' },
});
