import {
  Badge,
  Card,
  Code,
  ErrorCard,
  ListControls,
  PagedTable,
  Select,
  useApiQuery,
  useI18n,
  usePagedQuery,
  type Column,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  PURPOSES,
  SUPPORT_KINDS,
  SUPPORT_STATUSES,
  useReliefApi,
  type RequestFilter,
  type SupportKind,
  type SupportRequest,
  type SupportStatus,
} from '../api';
import { StatusBadge, usePlaces, useRials, useRoles } from '../common';
import { BenefitFlags } from './BenefitFlags';
import { NewRequestForm } from './NewRequestForm';

/**
 * The support requests — found by request number or tracking code, filtered by status, kind, need and
 * neighbourhood, newest or oldest first, paged by the API — and the households funded twice; officers
 * start new ones here.
 */
export function RequestList({ root }: { root: string }) {
  const api = useReliefApi();
  const { t, lookup, formatDate } = useI18n();
  const rials = useRials();
  const roles = useRoles();
  const places = usePlaces();
  const [filter, setFilter] = useState<RequestFilter>({});
  const change = (part: Partial<RequestFilter>) => setFilter((current) => ({ ...current, ...part }));
  const requests = usePagedQuery(['relief-partnerships', 'requests', filter], (after) => api.requests(filter, after), { module: 'relief' });
  const flags = useApiQuery(['relief-partnerships', 'benefit-flags'], () => api.duplicateFlags(), { module: 'relief' });
  const all = (label: string) => ({ value: '', label });

  const columns: Column<SupportRequest>[] = [
    {
      key: 'number',
      header: t('relief.number'),
      render: (r) => (
        <>
          <Link to={`${root}/${r.requestId}`} data-testid={`support-link-${r.requestId}`}>
            <Code testId={`support-number-${r.requestId}`}>{r.requestNumber}</Code>
          </Link>
          {r.trackingCode && <small className="hg-muted"> {t('relief.trackingCodeShort', { code: r.trackingCode })}</small>}
        </>
      ),
    },
    { key: 'kind', header: t('relief.kind'), render: (r) => t(`relief.kind.${r.kind}`) },
    { key: 'purpose', header: t('relief.purpose'), render: (r) => lookup(`relief.purpose.${r.purpose}`) ?? r.purpose },
    { key: 'where', header: t('relief.projects.neighbourhood'), render: (r) => places.nameOf(r.neighbourhoodId) },
    { key: 'amount', header: t('relief.requested'), render: (r) => rials(r.requestedRials) },
    { key: 'origin', header: t('relief.origin'), render: (r) => (r.referralId ? t('relief.fromReferral') : t('relief.direct')) },
    {
      key: 'status',
      header: t('relief.status'),
      render: (r) => (
        <>
          <StatusBadge status={r.status} testId={`support-status-${r.requestId}`} />{' '}
          {r.duplicateBenefits > 0 && (
            <Badge tone="warning" testId={`support-duplicate-${r.requestId}`}>
              {t('relief.duplicate')}
            </Badge>
          )}{' '}
          {r.unverified && (
            <Badge tone="warning" testId={`support-unverified-${r.requestId}`}>
              {t('relief.unverified')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'submitted', header: t('relief.submitted'), render: (r) => formatDate(r.submittedAt) },
  ];
  return (
    <>
      {roles.relief && <NewRequestForm root={root} />}
      <Card title={t('relief.requests.title')}>
        <ListControls
          testId="support-controls"
          search={{
            onSearch: (q) => change({ q: q || undefined }),
            label: t('relief.requests.search'),
            placeholder: t('relief.requests.searchHint'),
          }}
          sort={{
            value: filter.order ?? 'desc',
            onChange: (order) => change({ order: order as 'asc' | 'desc' }),
            options: [
              { value: 'desc', label: t('relief.requests.newest') },
              { value: 'asc', label: t('relief.requests.oldest') },
            ],
          }}
          filters={
            <>
              <Select
                label={t('relief.status')}
                data-testid="support-filter-status"
                value={filter.state ?? ''}
                onChange={(e) => change({ state: (e.target.value || undefined) as SupportStatus | undefined })}
                options={[all(t('relief.all')), ...SUPPORT_STATUSES.map((s) => ({ value: s, label: t(`relief.status.${s}`) }))]}
              />
              <Select
                label={t('relief.kind')}
                data-testid="support-filter-kind"
                value={filter.kind ?? ''}
                onChange={(e) => change({ kind: (e.target.value || undefined) as SupportKind | undefined })}
                options={[all(t('relief.all')), ...SUPPORT_KINDS.map((k) => ({ value: k, label: t(`relief.kind.${k}`) }))]}
              />
              <Select
                label={t('relief.purpose')}
                data-testid="support-filter-purpose"
                value={filter.purpose ?? ''}
                onChange={(e) => change({ purpose: e.target.value || undefined })}
                options={[all(t('relief.all')), ...PURPOSES.map((p) => ({ value: p, label: lookup(`relief.purpose.${p}`) ?? p }))]}
              />
              <Select
                label={t('relief.projects.neighbourhood')}
                data-testid="support-filter-neighbourhood"
                value={filter.neighbourhoodId ?? ''}
                onChange={(e) => change({ neighbourhoodId: e.target.value || undefined })}
                options={[all(t('relief.all')), ...places.options]}
              />
            </>
          }
        />
        <PagedTable
          testId="support-table"
          label={t('relief.requests.title')}
          paged={requests}
          columns={columns}
          rowKey={(r) => r.requestId}
          rowTestId={(r) => `support-row-${r.requestId}`}
          empty={t('relief.requests.empty')}
        />
      </Card>
      {flags.error ? <ErrorCard error={flags.error} onRetry={flags.reload} /> : <BenefitFlags flags={flags.data ?? []} />}
    </>
  );
}
