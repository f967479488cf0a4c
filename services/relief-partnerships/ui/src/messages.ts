import { defineMessages } from '@hamgam/ui-kit';

export const messages = defineMessages({
  fa: { 'relief-partnerships.title': 'کمیته امداد و بسیج سازندگی' },
  en: { 'relief-partnerships.title': 'Relief Committee and Basij Construction' },
});
