import { defineMessages } from '@hamgam/ui-kit';

defineMessages({
  fa: {
    'track.title': 'پیگیری درخواست',
    'track.intro':
      'کد پیگیری‌ای را که کلینیک یا اداره فنی و حرفه‌ای (برای مجوز کارگاه) به شما داده است وارد کنید تا وضعیت و گام بعدی را ببینید.',
    'track.code': 'کد پیگیری',
    'track.codeHint': 'هشت حرف و رقم، مانند K7QM-3XWA',
    'track.codeInvalid': 'کد پیگیری هشت حرف و رقم است، مانند K7QM-3XWA',
    'track.submit': 'پیگیری',
    'track.status': 'وضعیت',
    'track.nextStep': 'گام بعدی',
    'track.lastUpdate': 'آخرین تغییر',
    'track.notFound': 'درخواستی با این کد پیدا نشد. کد را دوباره بررسی کنید.',
    'track.tooMany': 'تعداد پرسش‌ها زیاد بوده است. یک دقیقه دیگر دوباره امتحان کنید.',
    'track.failed': 'پیگیری اکنون ممکن نیست. کمی بعد دوباره امتحان کنید.',
    'track.login': 'ورود کارکنان',
  },
  en: {
    'track.title': 'Follow your request',
    'track.intro':
      'Enter the tracking code the clinic (or the TVTO office, for a workshop permit) gave you to see its status and the next step.',
    'track.code': 'Tracking code',
    'track.codeHint': 'Eight letters and digits, like K7QM-3XWA',
    'track.codeInvalid': 'A tracking code is eight letters and digits, like K7QM-3XWA',
    'track.submit': 'Track',
    'track.status': 'Status',
    'track.nextStep': 'Next step',
    'track.lastUpdate': 'Last change',
    'track.notFound': 'No request has this code. Please check it again.',
    'track.tooMany': 'Too many look-ups. Please try again in a minute.',
    'track.failed': 'Tracking is not possible right now. Please try again later.',
    'track.login': 'Staff sign-in',
  },
});
