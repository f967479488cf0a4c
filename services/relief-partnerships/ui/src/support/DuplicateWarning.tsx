import { Card, useI18n } from '@hamgam/ui-kit';
import type { SupportRequestPage } from '../api';
import { useRials } from '../common';

/** The household's earlier benefits for the same purpose, shown before anything is approved. */
export function DuplicateWarning({ request }: { request: SupportRequestPage }) {
  const { t, lookup, formatDate } = useI18n();
  const rials = useRials();
  return (
    <Card title={t('relief.duplicate')} tone="error" testId="support-duplicate-warning" role="alert">
      <p>{t('relief.page.duplicateWarning')}</p>
      <ul>
        {request.priorBenefits.map((b) => (
          <li key={b.benefitId}>
            {t(`relief.source.${b.source}`)} · {lookup(`relief.purpose.${b.purpose}`) ?? b.purpose} · {rials(b.amountRials)} ·{' '}
            {formatDate(b.grantedAt)}
            {b.requestNumber && ` · ${b.requestNumber}`}
          </li>
        ))}
      </ul>
    </Card>
  );
}
