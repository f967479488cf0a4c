import { Badge, DataTable, useI18n, type Column } from '@hamgam/ui-kit';
import type { Commitment, NeighbourhoodRef } from './api';
import { CommitmentStatusForm } from './CommitmentStatusForm';
import { statusTone, useCanWrite, useLabels } from './labels';

/** The commitments with their status and overdue flag; coordinators record a status on each open one. */
export function CommitmentsTable({
  rows,
  neighbourhoods,
  onChanged,
  oneNeighbourhood = false,
}: {
  rows: readonly Commitment[];
  neighbourhoods: readonly NeighbourhoodRef[];
  onChanged: () => void;
  /** Leave out the neighbourhood column (a page about one neighbourhood). */
  oneNeighbourhood?: boolean;
}) {
  const { t, formatDate } = useI18n();
  const labels = useLabels();
  const canWrite = useCanWrite();
  const columns: Column<Commitment>[] = [
    ...(oneNeighbourhood
      ? []
      : [
          {
            key: 'neighbourhood',
            header: t('coordination.neighbourhood'),
            render: (c: Commitment) => labels.neighbourhood(c.neighbourhoodId, neighbourhoods),
          },
        ]),
    { key: 'agency', header: t('coordination.commitments.agency'), render: (c) => labels.agency(c.agency) },
    {
      key: 'what',
      header: t('coordination.commitments.what'),
      render: (c) => (
        <>
          <div>{c.title}</div>
          <div className="hg-empty">{t(`coordination.commitments.source.${c.source}`)}</div>
        </>
      ),
    },
    { key: 'answers', header: t('coordination.commitments.answers'), render: (c) => labels.category(c.answers) },
    {
      key: 'status',
      header: t('coordination.commitments.status'),
      render: (c) => (
        <>
          <Badge tone={statusTone[c.status]} testId={`commitment-status-${c.id}`}>
            {labels.status(c.status)}
          </Badge>{' '}
          {c.overdue && (
            <Badge tone="danger" testId={`commitment-overdue-${c.id}`}>
              {t('coordination.overdue')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'due',
      header: t('coordination.commitments.due'),
      render: (c) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }}>{formatDate(c.effectiveDueOn)}</div>
          {c.deliveredOn && <div className="hg-empty">{t('coordination.commitments.delivered', { date: formatDate(c.deliveredOn) })}</div>}
        </>
      ),
    },
    { key: 'evidence', header: t('coordination.commitments.evidence'), render: (c) => c.evidence ?? t('common.none') },
  ];
  if (canWrite) {
    columns.push({
      key: 'update',
      header: t('coordination.commitments.newStatus'),
      render: (c) => (c.status === 'delivered' ? null : <CommitmentStatusForm commitment={c} onChanged={onChanged} />),
    });
  }
  // Not DataTable: each row carries its status and overdue flag as data attributes for the browser story. The kit's
  // table styles still turn each row into a card on a phone, its cells labelled by `data-label`.
  return rows.length === 0 ? (
    <DataTable columns={columns} rows={rows} rowKey={(c) => c.id} empty={t('coordination.commitments.empty')} testId="commitments-table" />
  ) : (
    <div className="hg-table-wrap">
      <table className="hg-table" data-testid="commitments-table" aria-label={t('coordination.commitments.title')}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={`commitment-row-${row.id}`} data-overdue={row.overdue} data-status={row.status}>
              {columns.map((c) => (
                <td key={c.key} data-label={typeof c.header === 'string' ? c.header : undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
