import { Card, DataTable, ErrorCard, Loading, useApiQuery, useI18n, type Column } from '@hamgam/ui-kit';
import { caseStates, eligibilityFlags, useWelfareApi, type CaseloadSummary } from './api';
import { useNeighbourhoodName } from './parts';

type Row = CaseloadSummary['neighbourhoods'][number];

/**
 * Welfare's casework in numbers, for coordinators and auditors (and the case workers): counts per
 * neighbourhood by stage and vulnerability level, overdue work, active flags. No case is shown.
 */
export function SummarySection() {
  const api = useWelfareApi();
  const { t, formatNumber, formatDate } = useI18n();
  const nameOf = useNeighbourhoodName();
  const summary = useApiQuery(['welfare', 'summary'], () => api.summary(), { module: 'welfare' });
  if (summary.error) return <ErrorCard error={summary.error} onRetry={summary.reload} />;
  if (!summary.data) return <Loading />;
  const { neighbourhoods, totals, activeFlags, asOf } = summary.data;
  const n = (value: number) => formatNumber(value);
  const columns: Column<Row>[] = [
    {
      key: 'neighbourhood',
      header: t('welfare.case.neighbourhood'),
      render: (r) => (r.neighbourhoodId === '' ? <strong>{t('welfare.summary.total')}</strong> : nameOf(r.neighbourhoodId)),
    },
    { key: 'total', header: t('welfare.summary.cases'), render: (r) => n(r.total) },
    ...caseStates.map((s) => ({ key: s, header: t(`welfare.state.${s}`), render: (r: Row) => n(r.byState[s]) })),
    { key: 'high', header: t('welfare.level.high'), render: (r) => n(r.byLevel.high) },
    { key: 'medium', header: t('welfare.level.medium'), render: (r) => n(r.byLevel.medium) },
    { key: 'low', header: t('welfare.level.low'), render: (r) => n(r.byLevel.low) },
    { key: 'unassessed', header: t('welfare.level.unassessed'), render: (r) => n(r.byLevel.unassessed) },
    {
      key: 'overdue',
      header: t('welfare.summary.overdue'),
      render: (r) => <span data-testid={`welfare-summary-overdue-${r.neighbourhoodId || 'total'}`}>{n(r.withOverdueWork)}</span>,
    },
  ];
  const rows: Row[] = neighbourhoods.length > 0 ? [...neighbourhoods, { neighbourhoodId: '', ...totals }] : [];
  return (
    <>
      <Card title={t('welfare.summary.title')} testId="welfare-summary">
        <p className="hg-muted">{t('welfare.summary.explain', { date: formatDate(asOf) })}</p>
        <DataTable
          testId="welfare-summary-table"
          columns={columns}
          rows={rows}
          rowKey={(r) => r.neighbourhoodId || 'total'}
          rowTestId={(r) => `welfare-summary-${r.neighbourhoodId || 'total'}`}
          empty={t('welfare.summary.empty')}
        />
      </Card>
      <Card title={t('welfare.summary.flags')} testId="welfare-summary-flags">
        <ul>
          {eligibilityFlags.map((f) => (
            <li key={f} data-testid={`welfare-summary-flag-${f}`}>
              {t(`welfare.flag.${f}`)}: {n(activeFlags[f])}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
