import { Button, Card, Code, DataTable, ErrorCard, useAsync, useI18n, type Column } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWelfareApi, type OpenableReferral } from '../api';
import { useNeighbourhoodName } from '../parts';
import { useProblemSentence } from '../problems';

/** Accepted social-care referrals of the desk without a case yet: one click opens the case. */
export function OpenableReferrals({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t, localize, formatDate } = useI18n();
  const navigate = useNavigate();
  const nameOf = useNeighbourhoodName();
  const referrals = useAsync(() => api.openable(), [api]);
  const sentence = useProblemSentence();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  async function open(referralId: string) {
    setBusy(referralId);
    setError(undefined);
    try {
      const opened = await api.openFromReferral(referralId);
      navigate(`${base}/${opened.caseId}`);
    } catch (failure) {
      setError(sentence(failure));
      setBusy(undefined);
    }
  }

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
        <Button busy={busy === r.referralId} data-testid={`welfare-open-referral-${r.referralId}`} onClick={() => open(r.referralId)}>
          {t('welfare.openable.open')}
        </Button>
      ),
    },
  ];
  return (
    <Card title={t('welfare.openable.title')} testId="welfare-openable">
      {error !== undefined && <ErrorCard error={error} />}
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
