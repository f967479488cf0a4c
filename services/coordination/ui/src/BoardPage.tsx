import { Badge, BarChart, Card, DataTable, ErrorCard, Loading, useApiQuery, useI18n, type Column } from '@hamgam/ui-kit';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useCoordinationApi, type Board, type BoardItem, type NeighbourhoodRef } from './api';
import { ExportButtons } from './ExportButtons';
import { statusTone, useLabels } from './labels';
import { NeighbourhoodPicker } from './NeighbourhoodPicker';
import { keys, useNeighbourhoods } from './queries';

/** Picks the neighbourhood (every one of the hierarchy in the user's scope, from the API) and shows its programme board. */
export function BoardPage({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { neighbourhoodId } = useParams();
  const neighbourhoods = useNeighbourhoods();
  if (neighbourhoods.error) return <ErrorCard error={neighbourhoods.error} onRetry={neighbourhoods.reload} />;
  if (!neighbourhoods.data) return <Loading />;
  const list = neighbourhoods.data;
  const chosen = list.find((n) => n.id === neighbourhoodId);
  if (!chosen) {
    const first = list.find((n) => n.hasPriorities) ?? list[0];
    if (!first) return <Card testId="board-empty">{t('coordination.noNeighbourhoods')}</Card>;
    return <Navigate to={`${basePath}/board/${first.id}`} replace />;
  }
  return (
    <>
      <Card>
        <div className="hg-form__row">
          <NeighbourhoodPicker
            neighbourhoods={list}
            value={chosen.id}
            onChange={(id) => navigate(`${basePath}/board/${id}`)}
            testId="board-neighbourhood"
          />
          <ExportButtons path={`/neighbourhoods/${chosen.id}/board/export`} params={{}} name={`board-${chosen.id}`} testId="board-export" />
        </div>
      </Card>
      <BoardView key={chosen.id} neighbourhoodId={chosen.id} neighbourhoods={list} />
    </>
  );
}

function BoardView({ neighbourhoodId, neighbourhoods }: { neighbourhoodId: string; neighbourhoods: readonly NeighbourhoodRef[] }) {
  const api = useCoordinationApi();
  const board = useApiQuery(keys.board(neighbourhoodId), () => api.board(neighbourhoodId), { module: 'coordination' });
  if (board.error) return <ErrorCard error={board.error} onRetry={board.reload} />;
  if (!board.data) return <Loading />;
  return <BoardContent board={board.data} neighbourhoods={neighbourhoods} />;
}

function CommitmentChip({ item }: { item: BoardItem }) {
  const labels = useLabels();
  const { t } = useI18n();
  return (
    <li data-testid={`board-item-${item.id}`} data-status={item.status} data-overdue={item.overdue}>
      <span>{item.title}</span> <Badge tone={statusTone[item.status]}>{labels.status(item.status)}</Badge>{' '}
      {item.overdue && <Badge tone="danger">{t('coordination.overdue')}</Badge>}
    </li>
  );
}

function ItemList({ items, empty, testId }: { items: BoardItem[]; empty: string; testId: string }) {
  const labels = useLabels();
  const { t, formatDate } = useI18n();
  const columns: Column<BoardItem>[] = [
    { key: 'agency', header: t('coordination.commitments.agency'), render: (i) => labels.agency(i.agency) },
    { key: 'title', header: t('coordination.commitments.what'), render: (i) => i.title },
    { key: 'answers', header: t('coordination.commitments.answers'), render: (i) => labels.category(i.answers) },
    {
      key: 'status',
      header: t('coordination.commitments.status'),
      render: (i) => <Badge tone={statusTone[i.status]}>{labels.status(i.status)}</Badge>,
    },
    { key: 'due', header: t('coordination.commitments.due'), render: (i) => formatDate(i.effectiveDueOn) },
  ];
  return (
    <DataTable columns={columns} rows={items} rowKey={(i) => i.id} empty={empty} testId={testId} rowTestId={(i) => `${testId}-${i.id}`} />
  );
}

export function BoardContent({ board, neighbourhoods }: { board: Board; neighbourhoods: readonly NeighbourhoodRef[] }) {
  const { t, formatNumber, locale } = useI18n();
  const labels = useLabels();
  const agencies = board.rates.map((r) => r.agency);
  const percent = (rate: number) => formatNumber(rate, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <>
      <Card title={`${t('coordination.programme.title')} — ${labels.neighbourhood(board.neighbourhoodId, neighbourhoods)}`} testId="board">
        {board.period && board.listVersion !== null ? (
          <p className="hg-empty">
            {t('coordination.programme.list', {
              period: formatNumber(Number(board.period), { useGrouping: false }),
              version: board.listVersion,
            })}
          </p>
        ) : (
          <p className="hg-empty" data-testid="board-no-list">
            {t('coordination.programme.noList')}
          </p>
        )}
        {board.rows.length > 0 && (
          <div className="hg-table-wrap">
            <table className="hg-table" data-testid="board-matrix" aria-label={t('coordination.programme.matrix')}>
              <thead>
                <tr>
                  <th scope="col">{t('coordination.programme.priority')}</th>
                  {agencies.map((agency) => (
                    <th key={agency} scope="col">
                      {labels.agency(agency)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {board.rows.map((row) => (
                  <tr
                    key={row.category}
                    data-testid={`board-row-${row.category}`}
                    data-covered={row.covered}
                    data-duplicated={row.duplicated}
                  >
                    <th scope="row">
                      <div>
                        {formatNumber(row.rank)}. {labels.category(row.category)}
                      </div>
                      <div className="hg-empty">{t('coordination.board.households', { count: row.households })}</div>
                      {!row.covered && (
                        <Badge tone="danger" testId={`board-uncovered-${row.category}`}>
                          {t('coordination.programme.uncovered')}
                        </Badge>
                      )}
                      {row.duplicated && (
                        <Badge tone="warning" testId={`board-duplicated-${row.category}`}>
                          {t('coordination.programme.duplicated')}
                        </Badge>
                      )}
                      {row.covered && !row.duplicated && (
                        <Badge tone="success" testId={`board-covered-${row.category}`}>
                          {t('coordination.programme.covered')}
                        </Badge>
                      )}
                    </th>
                    {row.cells.map((cell) => (
                      <td
                        key={cell.agency}
                        data-testid={`board-cell-${row.category}-${cell.agency}`}
                        data-label={labels.agency(cell.agency)}
                        data-count={cell.commitments.length}
                        data-live={row.agencies.includes(cell.agency)}
                      >
                        {cell.commitments.length === 0 ? (
                          <span className="hg-empty">{t('common.none')}</span>
                        ) : (
                          <ul className="hg-tags" style={{ flexDirection: 'column' }}>
                            {cell.commitments.map((item) => (
                              <CommitmentChip key={item.id} item={item} />
                            ))}
                          </ul>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {board.rows.length > 0 && (
          <BarChart
            title={t('coordination.programme.coverageChart')}
            testId="board-coverage-chart"
            max={agencies.length}
            data={board.rows.map((row) => ({
              key: row.category,
              label: labels.category(row.category),
              value: row.agencies.length,
              valueLabel: t('coordination.programme.agencies', { count: row.agencies.length }),
              tone: row.agencies.length === 0 ? 'danger' : row.agencies.length >= 2 ? 'warning' : 'success',
            }))}
          />
        )}
      </Card>
      <Card title={t('coordination.programme.overdueTitle')}>
        <ItemList items={board.overdue} empty={t('coordination.programme.noOverdue')} testId="board-overdue" />
      </Card>
      <Card title={t('coordination.programme.unlinkedTitle')}>
        <ItemList items={board.unlinked} empty={t('coordination.programme.noUnlinked')} testId="board-unlinked" />
      </Card>
      <Card title={t('coordination.programme.ratesTitle')}>
        <BarChart
          key={locale}
          title={t('coordination.programme.rateFormula')}
          testId="board-rate"
          max={1}
          data={board.rates.map((r) => ({
            key: r.agency,
            label: labels.agency(r.agency),
            value: r.rate,
            valueLabel:
              r.rate === null
                ? t('coordination.programme.noRate')
                : t('coordination.programme.rate', { rate: percent(r.rate), onTime: r.deliveredOnTime, counted: r.counted }),
            tone: r.rate === null ? 'neutral' : r.rate >= 0.8 ? 'success' : r.rate >= 0.5 ? 'warning' : 'danger',
          }))}
        />
      </Card>
    </>
  );
}
