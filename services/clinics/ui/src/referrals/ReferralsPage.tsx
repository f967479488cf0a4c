import { Button, Card, DataTable, ErrorCard, Loading, Page, Select, useAsync, useAuth, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useReferralsApi, referralStates, withdrawReasons, type Referral, type WithdrawReason } from './api';
import { ClinicPicker, useClinicChoice } from './ClinicPicker';
import { ReferForm } from './ReferForm';
import { shortId, StateBadges } from './StateBadges';

/** The clinic's referrals: counts with the overdue ones, filters, a refer form and withdrawal. */
export function ReferralsPage() {
  const api = useReferralsApi();
  const { t, localize, formatDate } = useI18n();
  const canWrite = useAuth().hasRole('clinic-worker');
  const choice = useClinicChoice();
  const clinicId = choice.clinic?.id;
  const [state, setState] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [referring, setReferring] = useState(false);
  const [withdrawing, setWithdrawing] = useState<{ id: string; reason: WithdrawReason }>();
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();

  const summary = useAsync(() => (clinicId ? api.summary(clinicId) : Promise.resolve([])), [api, clinicId]);
  const referrals = useAsync(
    () => (clinicId ? api.referrals({ clinicId, state: state || undefined, overdue: overdueOnly }) : Promise.resolve([])),
    [api, clinicId, state, overdueOnly],
  );
  const reload = () => {
    summary.reload();
    referrals.reload();
  };

  const withdraw = async (referral: Referral, reason: WithdrawReason) => {
    setActionError(undefined);
    try {
      await api.withdraw(referral.id, reason);
      setWithdrawing(undefined);
      setNotice(t('referrals.withdrawn', { code: referral.trackingCode }));
      reload();
    } catch (error) {
      setActionError(error);
    }
  };

  if (choice.clinics.error)
    return (
      <Page title={t('referrals.title')}>
        <ErrorCard error={choice.clinics.error} onRetry={choice.clinics.reload} />
      </Page>
    );
  if (!choice.clinic)
    return <Page title={t('referrals.title')}>{choice.clinics.loading ? <Loading /> : <Card>{t('clinics.noNeighbourhoods')}</Card>}</Page>;
  const counts = summary.data?.[0];

  return (
    <Page
      title={t('referrals.title')}
      actions={
        canWrite && (
          <Button data-testid="referrals-new" onClick={() => setReferring((r) => !r)}>
            {t('referrals.new')}
          </Button>
        )
      }
    >
      <Card>
        <div className="hg-form__row">
          <ClinicPicker {...choice} />
          <Select
            label={t('referrals.filter.state')}
            data-testid="referrals-state-filter"
            value={state}
            onChange={(event) => setState(event.target.value)}
            options={[
              { value: '', label: t('referrals.filter.all') },
              ...referralStates.map((s) => ({ value: s, label: t(`referrals.state.${s}`) })),
            ]}
          />
          <label>
            <input
              type="checkbox"
              data-testid="referrals-overdue-filter"
              checked={overdueOnly}
              onChange={(event) => setOverdueOnly(event.target.checked)}
            />{' '}
            {t('referrals.filter.overdue')}
          </label>
        </div>
        {counts && <p data-testid="referrals-summary">{t('referrals.summary', { open: counts.open, overdue: counts.overdue })}</p>}
      </Card>
      {referring && canWrite && (
        <ReferForm clinicId={choice.clinic.id} neighbourhoodId={choice.clinic.neighbourhoodId} onReferred={reload} />
      )}
      {notice && (
        <p role="status" data-testid="referrals-notice">
          {notice}
        </p>
      )}
      {actionError !== undefined && <ErrorCard error={actionError} />}
      <Card>
        {referrals.error ? (
          <ErrorCard error={referrals.error} onRetry={referrals.reload} />
        ) : !referrals.data ? (
          <Loading />
        ) : (
          <DataTable
            testId="referrals-table"
            rows={referrals.data}
            rowKey={(r) => r.id}
            rowTestId={(r) => `referral-${r.trackingCode}`}
            empty={t('referrals.empty')}
            columns={[
              { key: 'code', header: t('referrals.code'), render: (r) => <span dir="ltr">{r.trackingCode}</span> },
              { key: 'resident', header: t('referrals.resident'), render: (r) => <span dir="ltr">{shortId(r.residentId)}</span> },
              { key: 'service', header: t('referrals.service'), render: (r) => `${localize(r.offerTitle)} — ${localize(r.agencyName)}` },
              {
                key: 'state',
                header: t('referrals.state'),
                render: (r) => <StateBadges state={r.state} overdue={r.overdue} testId={`referral-${r.trackingCode}`} />,
              },
              { key: 'due', header: t('referrals.due'), render: (r) => (r.dueOn ? formatDate(r.dueOn) : t('common.none')) },
              { key: 'made', header: t('referrals.madeAt'), render: (r) => formatDate(r.madeAt) },
              {
                key: 'actions',
                header: t('referrals.actions'),
                render: (r) =>
                  canWrite && (r.state === 'sent' || r.state === 'accepted') ? (
                    withdrawing?.id === r.id ? (
                      <span style={{ display: 'inline-flex', gap: '0.4rem', alignItems: 'end' }}>
                        <Select
                          label={t('referrals.withdrawReason')}
                          data-testid={`withdraw-reason-${r.trackingCode}`}
                          value={withdrawing.reason}
                          onChange={(event) => setWithdrawing({ id: r.id, reason: event.target.value as WithdrawReason })}
                          options={withdrawReasons.map((reason) => ({ value: reason, label: t(`referrals.reason.${reason}`) }))}
                        />
                        <Button data-testid={`withdraw-confirm-${r.trackingCode}`} onClick={() => void withdraw(r, withdrawing.reason)}>
                          {t('referrals.withdrawConfirm')}
                        </Button>
                      </span>
                    ) : (
                      <Button
                        variant="secondary"
                        data-testid={`withdraw-${r.trackingCode}`}
                        onClick={() => setWithdrawing({ id: r.id, reason: 'resident-request' })}
                      >
                        {t('referrals.withdraw')}
                      </Button>
                    )
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </Page>
  );
}
