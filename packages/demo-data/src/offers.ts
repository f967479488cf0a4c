import { today as days } from '@hamgam/contracts/days';
import type { OfferPublishedV1 } from '@hamgam/contracts';

/** A catalogue entry as an agency's seed creates it; revision and time are the agency's own. */
export type DemoOffer = Omit<OfferPublishedV1, 'revision' | 'publishedAt'>;

const allNeighbourhoods: string[] = [];

/** What each partner agency offers the clinics' residents in the demo (BRIEF items 4–8). */
export const demoOffers: readonly DemoOffer[] = [
  {
    offerId: 'tvto-home-tailoring-1405', agency: 'vocational-training', kind: 'course',
    title: { fa: 'دوره خیاطی خانگی', en: 'Home-based tailoring course' },
    eligibility: { fa: 'ساکنان ۱۸ سال به بالا، بدون پیش‌نیاز', en: 'Residents aged 18+, no prerequisites' },
    answers: ['skills-training', 'employment'], neighbourhoodIds: allNeighbourhoods,
    place: { fa: 'کلینیک مددکاری سرآسیاب', en: 'Sar Asiab social-work clinic' },
    schedule: { fa: 'شنبه و دوشنبه ۹ تا ۱۲، ۱۲۰ ساعت', en: 'Sat & Mon 9–12, 120 hours' },
    startsOn: days(14), endsOn: days(104), capacity: 20, available: 20, status: 'open',
  },
  {
    offerId: 'tvto-pastry-home-1405', agency: 'vocational-training', kind: 'course',
    title: { fa: 'دوره شیرینی‌پزی خانگی', en: 'Home pastry-making course' },
    eligibility: { fa: 'ساکنان محله‌های هدف', en: 'Residents of the target neighbourhoods' },
    answers: ['skills-training', 'employment'], neighbourhoodIds: ['nbh-motahari', 'nbh-fajr'],
    place: { fa: 'مرکز فنی و حرفه‌ای شماره ۲ کرمان', en: 'Kerman TVTO centre no. 2' },
    schedule: { fa: 'یکشنبه و سه‌شنبه ۱۴ تا ۱۷، ۸۰ ساعت', en: 'Sun & Tue 14–17, 80 hours' },
    startsOn: days(21), endsOn: days(81), capacity: 16, available: 16, status: 'open',
  },
  {
    offerId: 'tvto-career-counselling', agency: 'vocational-training', kind: 'counselling',
    title: { fa: 'مشاوره شغلی در کلینیک', en: 'Career counselling at the clinic' },
    eligibility: { fa: 'همه ساکنان جویای کار', en: 'Every resident looking for work' },
    answers: ['employment'], neighbourhoodIds: allNeighbourhoods,
    place: { fa: 'کلینیک محله، یک روز در هفته', en: 'The neighbourhood clinic, one day a week' },
    schedule: { fa: 'نوبت‌های ۴۵ دقیقه‌ای', en: '45-minute appointments' },
    startsOn: null, endsOn: null, capacity: 24, available: 24, status: 'open',
  },
  {
    offerId: 'tvto-apprentice-carpentry', agency: 'vocational-training', kind: 'apprenticeship',
    title: { fa: 'شاگرد–استادی نجاری با صنف درودگران', en: 'Carpentry apprenticeship with the carpenters’ guild' },
    eligibility: { fa: 'جوانان ۱۸ تا ۳۰ سال', en: 'Young people aged 18–30' },
    answers: ['employment', 'skills-training'], neighbourhoodIds: allNeighbourhoods,
    place: { fa: 'کارگاه‌های استادکاران صنف', en: 'Guild masters’ workshops' },
    schedule: { fa: 'شش ماه، روزانه', en: 'Six months, daily' },
    startsOn: days(30), endsOn: days(210), capacity: 6, available: 6, status: 'open',
  },
  {
    offerId: 'tvto-workshop-permit', agency: 'vocational-training', kind: 'workshop-permit',
    title: { fa: 'مجوز کارگاه فنی و حرفه‌ای در محله', en: 'Technical & vocational workshop permit' },
    eligibility: { fa: 'دارندگان مهارت با نشانی کارگاه در محله هدف', en: 'Skilled residents with a workshop address in a target neighbourhood' },
    answers: ['workshop-space'], neighbourhoodIds: allNeighbourhoods,
    place: { fa: 'اداره کل فنی و حرفه‌ای', en: 'TVTO provincial office' },
    schedule: { fa: 'بررسی پرونده ظرف ۳۰ روز', en: 'Application reviewed within 30 days' },
    startsOn: null, endsOn: null, capacity: 40, available: 40, status: 'open',
  },
  {
    offerId: 'welfare-social-case', agency: 'welfare', kind: 'social-care',
    title: { fa: 'پرونده مددکاری خانوار', en: 'Household social-work case' },
    eligibility: { fa: 'خانوارهای آسیب‌پذیر به تشخیص مددکار', en: 'Vulnerable households, assessed by a social worker' },
    answers: ['social-care', 'income-support'], neighbourhoodIds: allNeighbourhoods,
    place: { fa: 'کلینیک محله', en: 'The neighbourhood clinic' },
    schedule: { fa: 'پیگیری ماهانه', en: 'Monthly follow-up' },
    startsOn: null, endsOn: null, capacity: 60, available: 60, status: 'open',
  },
  {
    offerId: 'relief-home-business-loan', agency: 'relief-partnerships', kind: 'micro-loan',
    title: { fa: 'وام خرد کسب‌وکار خانگی', en: 'Home-business micro-loan' },
    eligibility: { fa: 'دارندگان گواهی دوره مهارتی و تأیید بهزیستی یا کمیته', en: 'Holders of a skills certificate with a welfare or relief flag' },
    answers: ['income-support', 'employment'], neighbourhoodIds: allNeighbourhoods,
    place: { fa: 'کمیته امداد شهرستان کرمان', en: 'Kerman county Relief Committee' },
    schedule: { fa: 'بازپرداخت ۳۶ ماهه', en: 'Repaid over 36 months' },
    startsOn: null, endsOn: null, capacity: 30, available: 30, status: 'open',
  },
  {
    offerId: 'basij-workshop-space-prep', agency: 'relief-partnerships', kind: 'construction',
    title: { fa: 'آماده‌سازی فضای کارگاه با بسیج سازندگی', en: 'Workshop space preparation by Basij Construction' },
    eligibility: { fa: 'کارگاه‌های دارای مجوز در محله هدف', en: 'Permitted workshops in a target neighbourhood' },
    answers: ['workshop-space', 'housing-repair'], neighbourhoodIds: allNeighbourhoods,
    place: { fa: 'محل کارگاه', en: 'At the workshop' },
    schedule: { fa: 'اردوهای جهادی ماهانه', en: 'Monthly volunteer camps' },
    startsOn: null, endsOn: null, capacity: 10, available: 10, status: 'open',
  },
  {
    offerId: 'fund-institute-seats-1405', agency: 'institute-funding', kind: 'course',
    title: { fa: 'کلاس رایگان در آموزشگاه آزاد محله', en: 'Free seats at a neighbourhood private institute' },
    eligibility: { fa: 'ساکنان محله‌های هدف', en: 'Residents of the target neighbourhoods' },
    answers: ['skills-training'], neighbourhoodIds: allNeighbourhoods,
    place: { fa: 'آموزشگاه آزاد نگین، خیابان مطهری', en: 'Negin private institute, Motahari St' },
    schedule: { fa: 'ترم پاییز', en: 'Autumn term' },
    startsOn: days(10), endsOn: days(100), capacity: 25, available: 25, status: 'open',
  },
];
