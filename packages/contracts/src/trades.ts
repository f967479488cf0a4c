import type { LocalizedName } from './shared.js';

/** A trade a course teaches, a workshop practises or a funding call pays for. */
export interface ReferenceTrade {
  id: string;
  name: LocalizedName;
}

/**
 * The trades the programme trains for (TVTO's courses, apprenticeships and workshop permits, the fund's
 * calls and awards, the livelihood events' `trade`). Reference data every service may serve, so a screen
 * labels a trade by its name and a person picks one from this list; the slug never reaches the screen.
 */
export const referenceTrades: readonly ReferenceTrade[] = [
  { id: 'tailoring', name: { fa: 'خیاطی', en: 'Tailoring' } },
  { id: 'pastry', name: { fa: 'شیرینی‌پزی', en: 'Pastry-making' } },
  { id: 'handicrafts', name: { fa: 'صنایع دستی', en: 'Handicrafts' } },
  { id: 'carpentry', name: { fa: 'نجاری', en: 'Carpentry' } },
  { id: 'hairdressing', name: { fa: 'آرایشگری', en: 'Hairdressing' } },
  { id: 'computer-skills', name: { fa: 'رایانه و فروش اینترنتی', en: 'Computer skills and online selling' } },
  { id: 'welding', name: { fa: 'جوشکاری', en: 'Welding' } },
  { id: 'auto-repair', name: { fa: 'تعمیر خودرو', en: 'Car repair' } },
  { id: 'carpet-weaving', name: { fa: 'قالی‌بافی', en: 'Carpet weaving' } },
  { id: 'cooking', name: { fa: 'آشپزی', en: 'Cooking' } },
  { id: 'embroidery', name: { fa: 'گلدوزی', en: 'Embroidery' } },
];

export const referenceTradeIds = referenceTrades.map((t) => t.id);
