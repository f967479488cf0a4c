import { Badge, Card, DataTable, ErrorCard, Loading, useAsync, useI18n, type Column } from '@hamgam/ui-kit';
import { Link } from 'react-router-dom';
import { useReliefApi, type SupportRequest } from '../api';
import { ShortId, StatusBadge, useRials, useRoles } from '../common';
import { BenefitFlags } from './BenefitFlags';
import { NewRequestForm } from './NewRequestForm';

/** The support requests (each with its status and warnings) and the households funded twice; officers start new ones here. */
export function RequestList({ root }: { root: string }) {
  const api = useReliefApi();
  const { t, formatDate } = useI18n();
  const rials = useRials();
  const roles = useRoles();
  const data = useAsync(() => Promise.all([api.requests(), api.duplicateFlags()]), [api]);
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [requests, flags] = data.data;
  const columns: Column<SupportRequest>[] = [
    {
      key: 'id',
      header: t('relief.ref'),
      render: (r) => (
        <Link to={`${root}/${r.requestId}`} data-testid={`support-link-${r.requestId}`}>
          <ShortId id={r.requestId} />
        </Link>
      ),
    },
    { key: 'kind', header: t('relief.kind'), render: (r) => t(`relief.kind.${r.kind}`) },
    { key: 'purpose', header: t('relief.purpose'), render: (r) => t(`relief.purpose.${r.purpose}`) },
    { key: 'amount', header: t('relief.requested'), render: (r) => rials(r.requestedRials) },
    { key: 'origin', header: '', render: (r) => (r.referralId ? t('relief.fromReferral') : t('relief.direct')) },
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
        <DataTable
          columns={columns}
          rows={requests}
          rowKey={(r) => r.requestId}
          empty={t('relief.requests.empty')}
          testId="support-table"
          rowTestId={(r) => `support-row-${r.requestId}`}
        />
      </Card>
      <BenefitFlags flags={flags} />
    </>
  );
}
