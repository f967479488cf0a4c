import { defineMessages } from '@hamgam/ui-kit';

export const messages = defineMessages({
  fa: { 'vocational-training.title': 'آموزش فنی و حرفه‌ای' },
  en: { 'vocational-training.title': 'Technical and Vocational Training' },
});
