import { Badge, useAsync, useI18n } from '@hamgam/ui-kit';
import { useCoordinationApi } from './api';
import './messages';
import { PrioritiesBoard } from './PrioritiesBoard';

/** How many commitments the user may see are overdue (left out if it cannot be read: the board below shows its own error). */
function OverdueCount() {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const overdue = useAsync(() => api.commitments({ overdue: 'true' }), [api]);
  if (!overdue.data) return null;
  return (
    <p data-testid="home-overdue" data-count={overdue.data.length}>
      <Badge tone={overdue.data.length > 0 ? 'danger' : 'success'}>{t('coordination.home.overdue', { count: overdue.data.length })}</Badge>
    </p>
  );
}

/** The coordinator's and representative's home: what the clinics asked for, per neighbourhood, and what is overdue. */
export default function HomeWidget() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="coordination-home-title" data-testid="coordination-home">
      <h2 id="coordination-home-title" className="hg-card__title">
        {t('coordination.board.title')}
      </h2>
      <OverdueCount />
      <PrioritiesBoard />
    </section>
  );
}
