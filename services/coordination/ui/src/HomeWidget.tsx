import { Card, ErrorCard, Loading, useI18n } from '@hamgam/ui-kit';
import { Link } from 'react-router-dom';
import './messages';
import { OverdueCard } from './OverdueCard';
import { PrioritiesBoard } from './PrioritiesBoard';
import { useNeighbourhoods } from './queries';
import { useAccess } from './access';

/** Where the shell mounts the module (the registry's path): the home links into it. */
const modulePath = '/coordination';

/**
 * The coordinator's and the representative's home: what is overdue (count and items from one answer),
 * then every neighbourhood with its published priorities or "no published list yet". A representative
 * sees their neighbourhood's and a link to the page made for them.
 */
export default function HomeWidget() {
  const { t } = useI18n();
  const access = useAccess();
  const neighbourhoods = useNeighbourhoods();
  return (
    <section aria-labelledby="coordination-home-title" data-testid="coordination-home" className="hg-page__body">
      <h2 id="coordination-home-title" className="hg-card__title">
        {t(access.isRepresentative ? 'coordination.rep.homeTitle' : 'coordination.home.title')}
      </h2>
      {access.isRepresentative && (
        <Card testId="rep-home-link">
          <Link to={`${modulePath}/promises`}>{t('coordination.rep.open')}</Link>
        </Card>
      )}
      {neighbourhoods.error ? (
        <ErrorCard error={neighbourhoods.error} onRetry={neighbourhoods.reload} />
      ) : !neighbourhoods.data ? (
        <Loading />
      ) : (
        <OverdueCard
          neighbourhoods={neighbourhoods.data}
          listPath={access.isRepresentative ? `${modulePath}/promises?overdue=true` : `${modulePath}/commitments?overdue=true`}
        />
      )}
      <h3 className="hg-card__title">{t('coordination.board.title')}</h3>
      <PrioritiesBoard />
    </section>
  );
}
