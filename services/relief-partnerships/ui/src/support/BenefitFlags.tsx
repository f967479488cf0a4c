import { Card, useI18n } from '@hamgam/ui-kit';
import type { DuplicateFlag } from '../api';
import { ShortId } from '../common';

/** Households funded more than once for the same purpose, by relief or institute funding (opaque ids only). */
export function BenefitFlags({ flags }: { flags: DuplicateFlag[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <Card title={t('relief.flags.title')} testId="benefit-flags">
      {flags.length === 0 ? (
        <p className="hg-empty">{t('relief.flags.empty')}</p>
      ) : (
        <ul>
          {flags.map((f) => (
            <li key={`${f.householdRef}-${f.purpose}`} data-testid={`benefit-flag-${f.householdRef}`}>
              <ShortId id={f.householdRef} /> · {t(`relief.purpose.${f.purpose}`)} · {t('relief.flags.count', { count: f.benefits.length })}
              : {f.benefits.map((b) => `${t(`relief.source.${b.source}`)} ${formatNumber(b.amountRials)}`).join('، ')}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
