import { defineMessages } from '@hamgam/ui-kit';

export const messages = defineMessages({
  fa: {
    'coordination.title': 'هماهنگی و پایش برنامه',
    'coordination.board.title': 'اولویت‌های منتشرشدهٔ محله‌ها',
    'coordination.board.empty': 'هنوز هیچ کلینیکی فهرست اولویت منتشر نکرده است.',
    'coordination.board.meta': 'سال {period}، نسخهٔ {version}، منتشرشده در {date}',
    'coordination.board.households': '{count} خانوار',
    'coordination.board.households.one': '{count} خانوار',
    'coordination.category.employment': 'اشتغال',
    'coordination.category.skills-training': 'آموزش مهارت و مشاغل خانگی',
    'coordination.category.workshop-space': 'مجوز و فضای کارگاه',
    'coordination.category.income-support': 'حمایت معیشتی',
    'coordination.category.housing-repair': 'بهسازی مسکن',
    'coordination.category.social-care': 'مددکاری و مراقبت اجتماعی',
  },
  en: {
    'coordination.title': 'Programme coordination',
    'coordination.board.title': 'Published neighbourhood priorities',
    'coordination.board.empty': 'No clinic has published a priority list yet.',
    'coordination.board.meta': '{period}, version {version}, published {date}',
    'coordination.board.households': '{count} households',
    'coordination.board.households.one': '{count} household',
    'coordination.category.employment': 'Employment',
    'coordination.category.skills-training': 'Skills and home-based-job training',
    'coordination.category.workshop-space': 'Workshop permit and space',
    'coordination.category.income-support': 'Income support',
    'coordination.category.housing-repair': 'Housing repair',
    'coordination.category.social-care': 'Social care',
  },
});
