import { useI18n } from '@hamgam/ui-kit';

/** An id or code: left-to-right and unbroken inside right-to-left text. */
export const Code = ({ children, testId }: { children: string; testId?: string }) => (
  <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
    {children}
  </bdi>
);

/** Names for the ids this module shows; an id without a name is shown as itself. */
export function useLabels() {
  const { t, formatNumber } = useI18n();
  const named = (prefix: string, id: string) => {
    const key = `${prefix}.${id}`;
    const text = t(key);
    return text === key ? id : text;
  };
  return {
    neighbourhood: (id: string) => named('if.nbh', id),
    trade: (id: string) => named('if.trade', id),
    trades: (ids: readonly string[]) => ids.map((id) => named('if.trade', id)).join('، '),
    rials: (amount: number) => t('if.rials', { amount: formatNumber(amount) }),
    /** Comma-separated ids typed by a user (Persian or Latin commas). */
    parseList: (text: string) =>
      text
        .split(/[,،]/)
        .map((s) => s.trim())
        .filter(Boolean),
  };
}
