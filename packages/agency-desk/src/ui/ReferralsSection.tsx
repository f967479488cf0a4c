import { today } from '@hamgam/contracts/days';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  Code,
  type Column,
  DataTable,
  DateInput,
  ErrorCard,
  Loading,
  Select,
  useAsync,
  useI18n,
  useProblemSentence,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import type { Referral } from './api';
import { useDesk } from './context';
import {
  declineReasons,
  referralOutcomes,
  referralStates,
  type DeclineReason,
  type ReferralOutcome,
  type ReferralState,
} from './vocabulary';

const stateTone: Record<ReferralState, BadgeTone> = {
  received: 'info',
  accepted: 'warning',
  declined: 'neutral',
  completed: 'success',
  withdrawn: 'neutral',
};

export function StateBadges({ referral }: { referral: Referral }) {
  const { t } = useI18n();
  return (
    <>
      <Badge tone={stateTone[referral.state]} testId={`desk-referral-state-${referral.referralId}`}>
        {t(`desk.state.${referral.state}`)}
      </Badge>{' '}
      {referral.overdue && (
        <Badge tone="danger" testId={`desk-referral-overdue-${referral.referralId}`}>
          {t('desk.overdue')}
        </Badge>
      )}
    </>
  );
}

/** The inbox of referrals the clinics made to this agency, with the closed loop's three answers. */
export function ReferralsSection() {
  const { api } = useDesk();
  const { t, localize, formatDate } = useI18n();
  const [state, setState] = useState<ReferralState | ''>('');
  const [overdue, setOverdue] = useState(false);
  const referrals = useAsync(() => api.referrals({ state: state || undefined, overdue }), [api, state, overdue]);

  const columns: Column<Referral>[] = [
    {
      key: 'code',
      header: t('desk.referrals.code'),
      render: (r) => <Code testId={`desk-referral-code-${r.referralId}`}>{r.trackingCode}</Code>,
    },
    { key: 'offer', header: t('desk.referrals.offer'), render: (r) => (r.offerTitle ? localize(r.offerTitle) : r.offerId) },
    {
      key: 'where',
      header: t('desk.referrals.where'),
      render: (r) => (
        <>
          <Code>{r.clinicId}</Code>
          <br />
          <Code>{r.neighbourhoodId}</Code>
        </>
      ),
    },
    { key: 'need', header: t('desk.referrals.need'), render: (r) => t(`desk.need.${r.needCategory}`) },
    { key: 'made', header: t('desk.referrals.made'), render: (r) => formatDate(r.madeAt) },
    {
      key: 'due',
      header: t('desk.referrals.due'),
      render: (r) =>
        r.state === 'received'
          ? t('desk.referrals.respondBy', { date: formatDate(r.respondBy) })
          : r.state === 'accepted' && r.completeBy
            ? t('desk.referrals.completeByShort', { date: formatDate(r.completeBy) })
            : t('common.none'),
    },
    { key: 'state', header: t('desk.referrals.state'), render: (r) => <StateBadges referral={r} /> },
    { key: 'actions', header: t('desk.referrals.actions'), render: (r) => <ReferralActions referral={r} onDone={referrals.reload} /> },
  ];

  return (
    <Card title={t('desk.referrals.title')} testId="desk-referrals">
      <p className="hg-muted">{t('desk.referrals.privacy')}</p>
      <div className="hg-form__row">
        <Select
          label={t('desk.referrals.state')}
          data-testid="desk-referrals-state"
          value={state}
          onChange={(event) => setState(event.target.value as ReferralState | '')}
          options={[{ value: '', label: t('desk.all') }, ...referralStates.map((s) => ({ value: s, label: t(`desk.state.${s}`) }))]}
        />
        <label className="hg-field">
          <span className="hg-field__label">{t('desk.referrals.onlyOverdue')}</span>
          <input
            type="checkbox"
            data-testid="desk-referrals-overdue"
            checked={overdue}
            onChange={(event) => setOverdue(event.target.checked)}
          />
        </label>
      </div>
      {referrals.error ? (
        <ErrorCard error={referrals.error} onRetry={referrals.reload} />
      ) : !referrals.data ? (
        <Loading />
      ) : (
        <DataTable
          testId="desk-referrals-table"
          columns={columns}
          rows={referrals.data}
          rowKey={(r) => r.referralId}
          rowTestId={(r) => `desk-referral-${r.referralId}`}
          empty={t('desk.referrals.empty')}
        />
      )}
    </Card>
  );
}

type Mode = 'accept' | 'decline' | 'complete';

/** What staff may do with one referral now: accept (with a date) or decline (with a reason), then complete (with an outcome). */
function ReferralActions({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { api, canAct } = useDesk();
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>();
  const [completeBy, setCompleteBy] = useState(today(60));
  const [reason, setReason] = useState<DeclineReason>(declineReasons[0]);
  const [outcome, setOutcome] = useState<ReferralOutcome>(referralOutcomes[0]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const sentence = useProblemSentence('desk');

  const possible: Mode[] = referral.state === 'received' ? ['accept', 'decline'] : referral.state === 'accepted' ? ['complete'] : [];
  if (!canAct || possible.length === 0) return null;
  const id = referral.referralId;

  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'accept') await api.accept(id, completeBy);
      if (mode === 'decline') await api.decline(id, reason);
      if (mode === 'complete') await api.complete(id, outcome);
      setMode(undefined);
      onDone();
    } catch (failure) {
      setError(sentence(failure));
    } finally {
      setBusy(false);
    }
  }

  if (!mode) {
    return (
      <div className="hg-form__row">
        {possible.map((m) => (
          <Button key={m} variant={m === 'decline' ? 'secondary' : 'primary'} data-testid={`desk-${m}-${id}`} onClick={() => setMode(m)}>
            {t(`desk.referrals.${m}`)}
          </Button>
        ))}
      </div>
    );
  }
  return (
    <div data-testid={`desk-action-${id}`}>
      {error !== undefined && <ErrorCard error={error} />}
      {mode === 'accept' && (
        <DateInput
          label={t('desk.referrals.completeBy')}
          data-testid={`desk-complete-by-${id}`}
          value={completeBy}
          onChange={setCompleteBy}
        />
      )}
      {mode === 'decline' && (
        <Select
          label={t('desk.referrals.reason')}
          data-testid={`desk-decline-reason-${id}`}
          value={reason}
          onChange={(event) => setReason(event.target.value as DeclineReason)}
          options={declineReasons.map((r) => ({ value: r, label: t(`desk.decline.${r}`) }))}
        />
      )}
      {mode === 'complete' && (
        <Select
          label={t('desk.referrals.outcome')}
          data-testid={`desk-outcome-${id}`}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as ReferralOutcome)}
          options={referralOutcomes.map((o) => ({ value: o, label: t(`desk.outcome.${o}`) }))}
        />
      )}
      <div className="hg-form__row">
        <Button busy={busy} data-testid={`desk-confirm-${id}`} onClick={confirm}>
          {t(`desk.referrals.${mode}`)}
        </Button>
        <Button variant="secondary" onClick={() => setMode(undefined)}>
          {t('desk.cancel')}
        </Button>
      </div>
    </div>
  );
}
