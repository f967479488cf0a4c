import { defineMessages } from '@hamgam/ui-kit';

export const messages = defineMessages({
  fa: { 'institute-funding.title': 'حمایت مالی از آموزشگاه‌های آزاد' },
  en: { 'institute-funding.title': 'Private institute funding' },
});
