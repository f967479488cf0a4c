import { Badge, Card, DataTable, ErrorCard, Loading, useApiQuery, useI18n, type Column } from '@hamgam/ui-kit';
import { Link } from 'react-router-dom';
import { useCoordinationApi, type Commitment, type NeighbourhoodRef } from './api';
import { useLabels } from './labels';
import { keys } from './queries';

/** How many overdue commitments one answer brings: the badge says "100+" past it, and the full list is one link away. */
const OVERDUE_PAGE = 100;

/**
 * The overdue commitments and their count, both from ONE answer of the API's overdue list (the rule each
 * row's flag follows), so the badge can never say "3 overdue" above "nothing is overdue".
 */
export function OverdueCard({
  neighbourhoods,
  neighbourhoodId,
  listPath,
  shown = 10,
}: {
  neighbourhoods: readonly NeighbourhoodRef[];
  /** One neighbourhood's (a representative's page), else every one the user may read. */
  neighbourhoodId?: string;
  /** Where the whole overdue list is (the commitments page filtered to overdue). */
  listPath: string;
  shown?: number;
}) {
  const api = useCoordinationApi();
  const { t, formatDate, formatNumber } = useI18n();
  const labels = useLabels();
  const filter = { overdue: 'true' as const, ...(neighbourhoodId ? { neighbourhoodId } : {}) };
  const overdue = useApiQuery([...keys.commitments, 'overdue', filter], () => api.commitmentsPage(filter, 'dueOn', null, OVERDUE_PAGE), {
    module: 'coordination',
  });
  if (overdue.error) return <ErrorCard error={overdue.error} onRetry={overdue.reload} />;
  if (!overdue.data) return <Loading />;
  const { items, next } = overdue.data;
  const count = next ? `${formatNumber(OVERDUE_PAGE)}+` : formatNumber(items.length);
  const columns: Column<Commitment>[] = [
    ...(neighbourhoodId
      ? []
      : [
          {
            key: 'neighbourhood',
            header: t('coordination.neighbourhood'),
            render: (c: Commitment) => labels.neighbourhood(c.neighbourhoodId, neighbourhoods),
          },
        ]),
    { key: 'agency', header: t('coordination.commitments.agency'), render: (c) => labels.agency(c.agency) },
    { key: 'what', header: t('coordination.commitments.what'), render: (c) => c.title },
    { key: 'due', header: t('coordination.commitments.due'), render: (c) => formatDate(c.effectiveDueOn) },
    { key: 'status', header: t('coordination.commitments.status'), render: (c) => labels.status(c.status) },
  ];
  return (
    <Card
      title={t('coordination.programme.overdueTitle')}
      testId="overdue-card"
      actions={
        <span data-testid="overdue-count" data-count={items.length}>
          <Badge tone={items.length > 0 ? 'danger' : 'success'}>{count}</Badge>
        </span>
      }
    >
      <DataTable
        columns={columns}
        rows={items.slice(0, shown)}
        rowKey={(c) => c.id}
        empty={t('coordination.programme.noOverdue')}
        testId="overdue-list"
        rowTestId={(c) => `overdue-${c.id}`}
        label={t('coordination.programme.overdueTitle')}
      />
      {items.length > shown && (
        <p>
          <Link to={listPath} data-testid="overdue-all">
            {t('coordination.home.allOverdue', { count })}
          </Link>
        </p>
      )}
    </Card>
  );
}
