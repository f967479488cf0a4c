import { Card, useI18n } from '@hamgam/ui-kit';
import type { DuplicateFlag } from '../api';
import { useRials } from '../common';

/** Households funded more than once for the same purpose, by relief or institute funding: each benefit by its source, amount, day and (relief's) request number; no household id is shown. */
export function BenefitFlags({ flags }: { flags: DuplicateFlag[] }) {
  const { t, lookup, formatNumber, formatDate } = useI18n();
  const rials = useRials();
  return (
    <Card title={t('relief.flags.title')} testId="benefit-flags">
      {flags.length === 0 ? (
        <p className="hg-empty">{t('relief.flags.empty')}</p>
      ) : (
        <ul>
          {flags.map((f) => (
            <li key={`${f.householdRef}-${f.purpose}`} data-testid={`benefit-flag-${f.householdRef}`}>
              {lookup(`relief.purpose.${f.purpose}`) ?? f.purpose} · {t('relief.flags.count', { count: formatNumber(f.benefits.length) })}:{' '}
              {f.benefits
                .map((b) =>
                  [t(`relief.source.${b.source}`), rials(b.amountRials), formatDate(b.grantedAt), b.requestNumber]
                    .filter(Boolean)
                    .join(' '),
                )
                .join('، ')}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
