import { Button, Card, Code, DataTable, ErrorCard, useApiMutation, useApiQuery, useI18n, type Column } from '@hamgam/ui-kit';
import { useNavigate } from 'react-router-dom';
import { useWelfareApi, type OpenableReferral } from '../api';
import { useNeighbourhoodName } from '../parts';

/** Accepted social-care referrals of the desk without a case yet: one click opens the case. */
export function OpenableReferrals({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t, localize, formatDate } = useI18n();
  const navigate = useNavigate();
  const nameOf = useNeighbourhoodName();
  const referrals = useApiQuery(['welfare', 'openable'], () => api.openable(), { module: 'welfare' });
  const open = useApiMutation((referralId: string) => api.openFromReferral(referralId), {
    module: 'welfare',
    invalidates: [
      ['welfare', 'openable'],
      ['welfare', 'caseload'],
    ],
    onSuccess: (opened) => navigate(`${base}/${opened.caseId}`),
  });
  const busy = open.busy ? open.variables : undefined;

  if (referrals.error) return <ErrorCard error={referrals.error} onRetry={referrals.reload} />;
  if (!referrals.data || referrals.data.length === 0) return null;
  const columns: Column<OpenableReferral>[] = [
    { key: 'code', header: t('welfare.openable.code'), render: (r) => <Code>{r.trackingCode}</Code> },
    { key: 'offer', header: t('welfare.openable.offer'), render: (r) => localize(r.offerTitle) },
    { key: 'neighbourhood', header: t('welfare.case.neighbourhood'), render: (r) => nameOf(r.neighbourhoodId) },
    { key: 'completeBy', header: t('welfare.openable.completeBy'), render: (r) => (r.completeBy ? formatDate(r.completeBy) : '—') },
    {
      key: 'open',
      header: '',
      render: (r) => (
        <Button
          busy={busy === r.referralId}
          data-testid={`welfare-open-referral-${r.referralId}`}
          onClick={() => void open.run(r.referralId)}
        >
          {t('welfare.openable.open')}
        </Button>
      ),
    },
  ];
  return (
    <Card title={t('welfare.openable.title')} testId="welfare-openable">
      {open.error && <ErrorCard error={open.error} />}
      <DataTable
        testId="welfare-openable-table"
        columns={columns}
        rows={referrals.data}
        rowKey={(r) => r.referralId}
        rowTestId={(r) => `welfare-openable-${r.referralId}`}
      />
    </Card>
  );
}
