import { defineMessages } from '@hamgam/ui-kit';

defineMessages({
  fa: {
    'shell.appName': 'همگام',
    'shell.menu': 'بخش‌ها',
    'shell.menu.home': 'خانه',
    'shell.logout': 'خروج',
    'shell.switchLocale': 'English',
    'shell.home.title': 'خوش آمدید، {name}',
    'shell.home.modules': 'بخش‌های شما',
    'shell.home.noModules': 'هنوز بخشی برای نقش شما تعریف نشده است.',
    'shell.remote.unavailable': 'این بخش در دسترس نیست',
    'shell.remote.unavailableDetail': 'شاید سرویس این بخش موقتاً خاموش باشد. بخش‌های دیگر کار می‌کنند.',
    'shell.notFound': 'این صفحه پیدا نشد',
    'shell.notFound.back': 'بازگشت به خانه',
    'shell.startup.failed': 'همگام بالا نیامد',
  },
  en: {
    'shell.appName': 'Hamgam',
    'shell.menu': 'Modules',
    'shell.menu.home': 'Home',
    'shell.logout': 'Log out',
    'shell.switchLocale': 'فارسی',
    'shell.home.title': 'Welcome, {name}',
    'shell.home.modules': 'Your modules',
    'shell.home.noModules': 'No module is set up for your role yet.',
    'shell.remote.unavailable': 'This module is unavailable',
    'shell.remote.unavailableDetail': 'Its service may be down for a moment. The rest of Hamgam keeps working.',
    'shell.notFound': 'Page not found',
    'shell.notFound.back': 'Back to home',
    'shell.startup.failed': 'Hamgam could not start',
  },
});
