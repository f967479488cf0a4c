import { Badge, Card, ErrorCard, Loading, useI18n } from '@hamgam/ui-kit';
import type { NeighbourhoodPriorities, NeighbourhoodRef } from './api';
import './messages';
import { useNeighbourhoods, usePriorities } from './queries';

export function NeighbourhoodCard({ neighbourhood, list }: { neighbourhood: NeighbourhoodRef; list: NeighbourhoodPriorities | undefined }) {
  const { t, localize, formatDate, formatNumber } = useI18n();
  const id = neighbourhood.id;
  return (
    <Card
      title={neighbourhood.name ? localize(neighbourhood.name) : t('coordination.neighbourhoodUnnamed')}
      testId={`nbh-priorities-${id}`}
    >
      {list ? (
        <>
          <p className="hg-empty" data-testid={`nbh-version-${id}`} data-version={list.version}>
            {t('coordination.board.meta', {
              period: formatNumber(Number(list.period), { useGrouping: false }),
              version: formatNumber(list.version),
              date: formatDate(list.publishedAt),
            })}
          </p>
          <ol>
            {list.priorities.map((p) => (
              <li key={p.category} data-testid={`priority-${id}-${p.category}`}>
                {t(`coordination.category.${p.category}`)} — {t('coordination.board.households', { count: p.households })}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p data-testid={`nbh-no-list-${id}`}>
          <Badge tone="neutral">{t('coordination.board.noListYet')}</Badge>
        </p>
      )}
    </Card>
  );
}

/**
 * Every neighbourhood the user may read, from the API's reference list, each with its latest published
 * priorities — or "no published list yet", so a neighbourhood whose clinic has not published is never missing.
 */
export function PrioritiesBoard() {
  const { t } = useI18n();
  const neighbourhoods = useNeighbourhoods();
  const priorities = usePriorities();
  const error = neighbourhoods.error ?? priorities.error;
  if (error) return <ErrorCard error={error} onRetry={() => (neighbourhoods.reload(), priorities.reload())} />;
  if (!neighbourhoods.data || !priorities.data) return <Loading />;
  if (neighbourhoods.data.length === 0) return <Card testId="priorities-board">{t('coordination.noNeighbourhoods')}</Card>;
  const lists = new Map(priorities.data.map((l) => [l.neighbourhoodId, l]));
  return (
    <div className="hg-page__body" data-testid="priorities-board">
      {neighbourhoods.data.map((n) => (
        <NeighbourhoodCard key={n.id} neighbourhood={n} list={lists.get(n.id)} />
      ))}
    </div>
  );
}
