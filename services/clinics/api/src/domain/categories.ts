import type { LocalizedName, NeedCategory } from '@hamgam/contracts';

/** How the needs assessment names each need category to clinic staff and residents. */
export const needCategoryLabels: Record<NeedCategory, LocalizedName> = {
  employment: { fa: 'اشتغال', en: 'Employment' },
  'skills-training': { fa: 'آموزش مهارت و مشاغل خانگی', en: 'Skills and home-based-job training' },
  'workshop-space': { fa: 'مجوز و فضای کارگاه', en: 'Workshop permit and space' },
  'income-support': { fa: 'حمایت معیشتی', en: 'Income support' },
  'housing-repair': { fa: 'بهسازی مسکن', en: 'Housing repair' },
  'social-care': { fa: 'مددکاری و مراقبت اجتماعی', en: 'Social care' },
};
