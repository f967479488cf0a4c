import { Badge, Card, ErrorCard, ListControls, Loading, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
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
 * On its own page (`searchable`) the API searches the neighbourhoods' names.
 */
export function PrioritiesBoard({ searchable = false }: { searchable?: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const neighbourhoods = useNeighbourhoods(q);
  const priorities = usePriorities();
  const error = neighbourhoods.error ?? priorities.error;
  const search = searchable && (
    <Card>
      <ListControls testId="priorities-controls" search={{ onSearch: setQ, placeholder: t('coordination.priorities.searchHint') }} />
    </Card>
  );
  // The search box stays put (and keeps its text) while a new answer loads.
  const content = error ? (
    <ErrorCard error={error} onRetry={() => (neighbourhoods.reload(), priorities.reload())} />
  ) : !neighbourhoods.data || !priorities.data ? (
    <Loading />
  ) : neighbourhoods.data.length === 0 ? (
    <Card testId="priorities-none">{t(q ? 'coordination.priorities.noMatch' : 'coordination.noNeighbourhoods')}</Card>
  ) : (
    neighbourhoods.data.map((n) => (
      <NeighbourhoodCard key={n.id} neighbourhood={n} list={priorities.data.find((l) => l.neighbourhoodId === n.id)} />
    ))
  );
  return (
    <div className="hg-page__body" data-testid="priorities-board">
      {search}
      {content}
    </div>
  );
}
