import {
  Button,
  Card,
  ErrorCard,
  ListControls,
  Loading,
  Page,
  PagedTable,
  Select,
  useApiMutation,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  personText,
  referralSorts,
  referralStates,
  useReferralsApi,
  withdrawReasons,
  type Referral,
  type ReferralSort,
  type ReferralState,
  type WithdrawReason,
} from './api';
import { ClinicPicker, useClinicChoice } from './ClinicPicker';
import { ReferForm } from './ReferForm';
import { StateBadges } from './StateBadges';

/**
 * The state and overdue filters live in the URL (`?state=declined`, `?overdue=true`): the home's cards link
 * straight to the filtered list, and a filtered list can be bookmarked or sent back to with the browser.
 */
function useReferralFilters() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('state');
  const state = referralStates.find((s) => s === asked) ?? '';
  const overdueOnly = params.get('overdue') === 'true';
  const set = (key: 'state' | 'overdue', value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return {
    state,
    overdueOnly,
    setState: (value: ReferralState | '') => set('state', value || undefined),
    setOverdueOnly: (value: boolean) => set('overdue', value ? 'true' : undefined),
  };
}

/** The clinic's referrals: counts, search (tracking code, file number, name, national id), filters, sort, pages; refer, withdraw, print a slip. */
export function ReferralsPage({ basePath = '/clinics' }: { basePath?: string }) {
  const api = useReferralsApi();
  const { t, localize, formatDate } = useI18n();
  const canWrite = useAuth().hasRole('clinic-worker');
  const choice = useClinicChoice();
  const clinicId = choice.clinic?.id ?? '';
  const { state, setState, overdueOnly, setOverdueOnly } = useReferralFilters();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<ReferralSort>('newest');
  const [referring, setReferring] = useState(false);
  const [withdrawing, setWithdrawing] = useState<{ id: string; reason: WithdrawReason }>();
  const [notice, setNotice] = useState<string>();

  const summary = useApiQuery(['clinics', 'referrals', 'summary', clinicId], () => api.summary(clinicId), { enabled: !!clinicId });
  const filter = { clinicId, state: state || undefined, overdue: overdueOnly, q: q || undefined, sort };
  // Nothing is asked before the clinic is known (the list is always one clinic's).
  const referrals = usePagedQuery(['clinics', 'referrals', filter], (after) =>
    clinicId ? api.referralsPage(filter, after) : Promise.resolve({ items: [], next: null }),
  );
  const withdraw = useApiMutation(
    (request: { referral: Referral; reason: WithdrawReason }) => api.withdraw(request.referral.id, request.reason),
    {
      invalidates: [['clinics', 'referrals']],
      onSuccess: (referral) => {
        setWithdrawing(undefined);
        setNotice(t('referrals.withdrawn', { code: referral.trackingCode }));
      },
    },
  );

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
        <ClinicPicker {...choice} />
        {counts && <p data-testid="referrals-summary">{t('referrals.summary', { open: counts.open, overdue: counts.overdue })}</p>}
      </Card>
      {referring && canWrite && (
        <ReferForm clinicId={choice.clinic.id} neighbourhoodId={choice.clinic.neighbourhoodId} slipBase={`${basePath}/referrals`} />
      )}
      {notice && (
        <p role="status" data-testid="referrals-notice">
          {notice}
        </p>
      )}
      {withdraw.error && <ErrorCard error={withdraw.error} />}
      <Card>
        <ListControls
          search={{ onSearch: setQ, placeholder: t('referrals.searchHint') }}
          sort={{
            value: sort,
            onChange: (value) => setSort(value as ReferralSort),
            options: referralSorts.map((value) => ({ value, label: t(`referrals.sort.${value}`) })),
          }}
          filters={
            <>
              <Select
                label={t('referrals.filter.state')}
                data-testid="referrals-state-filter"
                value={state}
                onChange={(event) => setState(event.target.value as ReferralState | '')}
                options={[
                  { value: '', label: t('referrals.filter.all') },
                  ...referralStates.map((s) => ({ value: s, label: t(`referrals.state.${s}`) })),
                ]}
              />
              <label className="hg-field">
                <span>
                  <input
                    type="checkbox"
                    data-testid="referrals-overdue-filter"
                    checked={overdueOnly}
                    onChange={(event) => setOverdueOnly(event.target.checked)}
                  />{' '}
                  {t('referrals.filter.overdue')}
                </span>
              </label>
            </>
          }
        />
        <PagedTable
          paged={referrals}
          testId="referrals-table"
          label={t('referrals.title')}
          rowKey={(r) => r.id}
          rowTestId={(r) => `referral-${r.trackingCode}`}
          empty={t('referrals.empty')}
          columns={[
            {
              key: 'code',
              header: t('referrals.code'),
              render: (r) => (
                <Link to={`${basePath}/referrals/${r.id}/slip`} data-testid={`slip-${r.trackingCode}`} title={t('referrals.slip')}>
                  <bdi dir="ltr">{r.trackingCode}</bdi>
                </Link>
              ),
            },
            {
              key: 'resident',
              header: t('referrals.resident'),
              render: (r) => (
                <span data-testid={`referral-${r.trackingCode}-resident`}>{personText(r.resident, t('referrals.fileWord'))}</span>
              ),
            },
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
                    <span className="hg-form__row">
                      <Select
                        label={t('referrals.withdrawReason')}
                        data-testid={`withdraw-reason-${r.trackingCode}`}
                        value={withdrawing.reason}
                        onChange={(event) => setWithdrawing({ id: r.id, reason: event.target.value as WithdrawReason })}
                        options={withdrawReasons.map((reason) => ({ value: reason, label: t(`referrals.reason.${reason}`) }))}
                      />
                      <Button
                        data-testid={`withdraw-confirm-${r.trackingCode}`}
                        busy={withdraw.busy}
                        onClick={() => void withdraw.run({ referral: r, reason: withdrawing.reason })}
                      >
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
      </Card>
    </Page>
  );
}
