import { Badge, Card, DataTable, ErrorCard, Loading, Select, useAsync, useI18n, type Column } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { caseStates, useWelfareApi, type CaseState, type CaseSummary } from '../api';
import { LevelBadge, ShortRef, StateBadge, useNeighbourhoodName } from '../parts';
import { OpenableReferrals } from './OpenableReferrals';
import { OpenCaseForm } from './OpenCaseForm';

/** The worker's caseload, filtered by state or overdue work, between the referrals to open and the form opening a case. */
export function Caseload({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t, formatDate, formatNumber } = useI18n();
  const nameOf = useNeighbourhoodName();
  const [state, setState] = useState<CaseState | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const cases = useAsync(() => api.caseload({ state: state || undefined, overdue: overdueOnly }), [api, state, overdueOnly]);

  const columns: Column<CaseSummary>[] = [
    {
      key: 'household',
      header: t('welfare.case.household'),
      render: (c) => (
        <Link to={`${base}/${c.caseId}`} data-testid={`welfare-case-link-${c.caseId}`}>
          <ShortRef value={c.householdRef} />
        </Link>
      ),
    },
    {
      key: 'verified',
      header: '',
      render: (c) =>
        c.unverified && (
          <Badge tone="warning" testId={`welfare-case-unverified-${c.caseId}`}>
            {t('welfare.case.unverified')}
          </Badge>
        ),
    },
    { key: 'neighbourhood', header: t('welfare.case.neighbourhood'), render: (c) => nameOf(c.neighbourhoodId) },
    {
      key: 'state',
      header: t('welfare.case.state'),
      render: (c) => <StateBadge state={c.state} testId={`welfare-case-state-${c.caseId}`} />,
    },
    {
      key: 'level',
      header: t('welfare.case.level'),
      render: (c) => <LevelBadge level={c.level} testId={`welfare-case-level-${c.caseId}`} />,
    },
    {
      key: 'work',
      header: t('welfare.case.work'),
      render: (c) => (
        <>
          {c.nextVisitOn && <small>{t('welfare.case.nextVisit', { date: formatDate(c.nextVisitOn) })} </small>}
          {c.overdueTasks > 0 && (
            <Badge tone="danger" testId={`welfare-case-overdue-tasks-${c.caseId}`}>
              {t('welfare.case.overdueTasks', { count: formatNumber(c.overdueTasks) })}
            </Badge>
          )}{' '}
          {c.visitOverdue && (
            <Badge tone="danger" testId={`welfare-case-visit-overdue-${c.caseId}`}>
              {t('welfare.case.visitOverdue')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'flags', header: t('welfare.case.flags'), render: (c) => c.activeFlags.map((f) => t(`welfare.flag.${f}`)).join('، ') || '—' },
    { key: 'opened', header: t('welfare.case.opened'), render: (c) => formatDate(c.openedAt) },
  ];

  return (
    <>
      <OpenableReferrals base={base} />
      <Card title={t('welfare.caseload.title')} testId="welfare-caseload">
        <div className="hg-form__row">
          <Select
            label={t('welfare.case.state')}
            data-testid="welfare-caseload-state"
            value={state}
            onChange={(e) => setState(e.target.value as CaseState | '')}
            options={[
              { value: '', label: t('welfare.caseload.allStates') },
              ...caseStates.map((s) => ({ value: s, label: t(`welfare.state.${s}`) })),
            ]}
          />
          <label className="hg-field">
            <span className="hg-field__label">{t('welfare.caseload.overdueOnly')}</span>
            <input
              type="checkbox"
              data-testid="welfare-caseload-overdue"
              checked={overdueOnly}
              onChange={(e) => setOverdueOnly(e.target.checked)}
            />
          </label>
        </div>
        {cases.error ? (
          <ErrorCard error={cases.error} onRetry={cases.reload} />
        ) : !cases.data ? (
          <Loading />
        ) : (
          <DataTable
            testId="welfare-caseload-table"
            columns={columns}
            rows={cases.data}
            rowKey={(c) => c.caseId}
            rowTestId={(c) => `welfare-case-row-${c.caseId}`}
            empty={t('welfare.caseload.empty')}
          />
        )}
      </Card>
      <OpenCaseForm base={base} />
    </>
  );
}
