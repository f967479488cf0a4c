import { Badge, Card, Checkbox, Code, ListControls, PagedTable, Select, useI18n, usePagedQuery, type Column } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { caseStates, useWelfareApi, type CaseloadFilter, type CaseState, type CaseSummary } from '../api';
import { LevelBadge, StateBadge, usePlaces } from '../parts';
import { OpenableReferrals } from './OpenableReferrals';
import { OpenCaseForm } from './OpenCaseForm';

/**
 * The worker's caseload — found by file number or tracking code, filtered by stage, neighbourhood or overdue
 * work, newest or oldest first, paged by the API — between the referrals to open and the form opening a case.
 */
export function Caseload({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t, formatDate, formatNumber, localize } = useI18n();
  const places = usePlaces();
  const nameOf = places.nameOf;
  const [filter, setFilter] = useState<CaseloadFilter>({});
  const change = (part: Partial<CaseloadFilter>) => setFilter((current) => ({ ...current, ...part }));
  const cases = usePagedQuery(['welfare', 'caseload', filter], (after) => api.caseload(filter, after), { module: 'welfare' });

  const columns: Column<CaseSummary>[] = [
    {
      key: 'household',
      header: t('welfare.case.file'),
      render: (c) => (
        <>
          <Link to={`${base}/${c.caseId}`} data-testid={`welfare-case-link-${c.caseId}`}>
            <Code testId={`welfare-case-file-${c.caseId}`}>{c.fileNumber}</Code>
          </Link>
          {c.trackingCode && <small className="hg-muted"> {t('welfare.case.trackingCode', { code: c.trackingCode })}</small>}
        </>
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
        <ListControls
          testId="welfare-caseload-controls"
          search={{
            onSearch: (q) => change({ q: q || undefined }),
            label: t('welfare.caseload.search'),
            placeholder: t('welfare.caseload.searchHint'),
          }}
          sort={{
            value: filter.order ?? 'desc',
            onChange: (order) => change({ order: order as 'asc' | 'desc' }),
            options: [
              { value: 'desc', label: t('welfare.caseload.newest') },
              { value: 'asc', label: t('welfare.caseload.oldest') },
            ],
          }}
          filters={
            <>
              <Select
                label={t('welfare.case.state')}
                data-testid="welfare-caseload-state"
                value={filter.state ?? ''}
                onChange={(e) => change({ state: (e.target.value || undefined) as CaseState | undefined })}
                options={[
                  { value: '', label: t('welfare.caseload.allStates') },
                  ...caseStates.map((s) => ({ value: s, label: t(`welfare.state.${s}`) })),
                ]}
              />
              <Select
                label={t('welfare.case.neighbourhood')}
                data-testid="welfare-caseload-neighbourhood"
                value={filter.neighbourhoodId ?? ''}
                onChange={(e) => change({ neighbourhoodId: e.target.value || undefined })}
                options={[
                  { value: '', label: t('welfare.caseload.allNeighbourhoods') },
                  ...places.neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) })),
                ]}
              />
              <Checkbox
                label={t('welfare.caseload.overdueOnly')}
                data-testid="welfare-caseload-overdue"
                checked={filter.overdue ?? false}
                onCheckedChange={(on) => change({ overdue: on || undefined })}
              />
            </>
          }
        />
        <PagedTable
          testId="welfare-caseload-table"
          label={t('welfare.caseload.title')}
          paged={cases}
          columns={columns}
          rowKey={(c) => c.caseId}
          rowTestId={(c) => `welfare-case-row-${c.caseId}`}
          empty={t('welfare.caseload.empty')}
        />
      </Card>
      <OpenCaseForm base={base} />
    </>
  );
}
