import { useI18n } from '@hamgam/ui-kit';
import './messages';
import { PrioritiesBoard } from './PrioritiesBoard';

/** The coordinator's and representative's home: what the clinics asked for, per neighbourhood. */
export default function HomeWidget() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="coordination-home-title" data-testid="coordination-home">
      <h2 id="coordination-home-title" className="hg-card__title">
        {t('coordination.board.title')}
      </h2>
      <PrioritiesBoard />
    </section>
  );
}
