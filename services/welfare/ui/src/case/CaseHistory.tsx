import { Card, useI18n } from '@hamgam/ui-kit';
import type { CaseView } from '../api';

/** Everything done to the case, oldest first, with who did it. */
export function CaseHistory({ c }: { c: CaseView }) {
  const { t, lookup, formatDate } = useI18n();
  return (
    <Card title={t('welfare.history.title')} testId="welfare-history">
      <ol>
        {c.history.map((h, i) => (
          <li key={i}>
            {formatDate(h.at)} — {lookup(`welfare.action.${h.action}`) ?? h.action} <small className="hg-muted">({h.by})</small>
          </li>
        ))}
      </ol>
    </Card>
  );
}
