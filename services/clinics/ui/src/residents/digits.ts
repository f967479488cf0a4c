import { useI18n } from '@hamgam/ui-kit';

/**
 * A string of digits that is not an amount (a phone number) in the locale's digits, kept as written: never
 * grouped, leading zeros kept (formatNumber would drop them). The kit's DigitsInput shows typed digits so.
 */
export function useLocaleDigits(): (text: string) => string {
  const { locale } = useI18n();
  return (text) => (locale === 'fa' ? text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!) : text);
}
