import { Card, ErrorCard, Loading, useApi, useAsync, useI18n } from '@hamgam/ui-kit';
import { NEIGHBOURHOOD_PRIORITIES, type NeighbourhoodPriorities } from './api';
import './messages';

function NeighbourhoodCard({ row }: { row: NeighbourhoodPriorities }) {
  const { t, localize, formatDate, formatNumber } = useI18n();
  return (
    <Card title={localize(row.neighbourhoodName)} testId={`nbh-priorities-${row.neighbourhoodId}`}>
      <p className="hg-empty" data-testid={`nbh-version-${row.neighbourhoodId}`} data-version={row.version}>
        {t('coordination.board.meta', {
          period: formatNumber(Number(row.period), { useGrouping: false }),
          version: formatNumber(row.version),
          date: formatDate(row.publishedAt),
        })}
      </p>
      <ol>
        {row.priorities.map((p) => (
          <li key={p.category} data-testid={`priority-${row.neighbourhoodId}-${p.category}`}>
            {t(`coordination.category.${p.category}`)} — {t('coordination.board.households', { count: p.households })}
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** Every neighbourhood's latest published priorities the user may see, one card each. */
export function PrioritiesBoard() {
  const api = useApi();
  const { t } = useI18n();
  const board = useAsync(() => api.get<NeighbourhoodPriorities[]>(NEIGHBOURHOOD_PRIORITIES), [api]);
  if (board.error) return <ErrorCard error={board.error} onRetry={board.reload} />;
  if (!board.data) return <Loading />;
  if (board.data.length === 0) return <Card testId="priorities-board">{t('coordination.board.empty')}</Card>;
  return (
    <div className="hg-page__body" data-testid="priorities-board">
      {board.data.map((row) => (
        <NeighbourhoodCard key={row.neighbourhoodId} row={row} />
      ))}
    </div>
  );
}
