import { toPersianDigits, useI18n } from '@hamgam/ui-kit';

/**
 * A string of digits that is not an amount (a phone number) in the locale's digits, kept as written: never
 * grouped, leading zeros kept (formatNumber would drop them), as the kit's DigitsInput shows typed digits.
 */
export function useLocaleDigits(): (text: string) => string {
  const { locale } = useI18n();
  return (text) => (locale === 'fa' ? toPersianDigits(text) : text);
}
