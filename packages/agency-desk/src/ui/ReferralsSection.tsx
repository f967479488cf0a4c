import { today } from '@hamgam/contracts/days';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  Checkbox,
  Code,
  type Column,
  DateInput,
  ErrorCard,
  ListControls,
  PagedTable,
  Select,
  useApiMutation,
  useFieldProblem,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { referralSorts, type Referral, type ReferralSort } from './api';
import { useDesk } from './context';
import { useFilterInUrl } from './filterInUrl';
import { usePlaces } from './places';
import {
  declineReasons,
  needCategories,
  type NeedCategory,
  referralOutcomes,
  referralStates,
  type DeclineReason,
  type ReferralOutcome,
  type ReferralState,
} from './vocabulary';

/** The received referrals' filter as the URL holds it. */
const referralFilterSpec = {
  state: referralStates,
  overdue: 'flag',
  q: 'text',
  neighbourhoodId: 'text',
  needCategory: needCategories,
  sort: referralSorts,
} as const;

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

/** The inbox of referrals the clinics made to this agency, with the closed loop's three answers: found, narrowed, ordered and paged by the API. */
export function ReferralsSection() {
  const { api, service } = useDesk();
  const { t, localize, formatDate } = useI18n();
  const places = usePlaces();
  // In the URL: the home's links (`?state=received`, `?overdue=true`) open the list filtered.
  const [filter, change] = useFilterInUrl(referralFilterSpec);
  const referrals = usePagedQuery([service, 'desk', 'referrals', filter], (after) => api.referrals(filter, after), { module: 'desk' });

  const columns: Column<Referral>[] = [
    {
      key: 'code',
      header: t('desk.referrals.code'),
      render: (r) => <Code testId={`desk-referral-code-${r.referralId}`}>{r.trackingCode}</Code>,
    },
    { key: 'offer', header: t('desk.referrals.offer'), render: (r) => (r.offerTitle ? localize(r.offerTitle) : t('desk.place.unknown')) },
    {
      key: 'where',
      header: t('desk.referrals.where'),
      render: (r) => (
        <span data-testid={`desk-referral-where-${r.referralId}`}>
          {r.clinicName ? localize(r.clinicName) : places.neighbourhoodName(r.neighbourhoodId, r.neighbourhoodName)}
        </span>
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
    { key: 'actions', header: t('desk.referrals.actions'), render: (r) => <ReferralActions referral={r} /> },
  ];

  return (
    <Card title={t('desk.referrals.title')} testId="desk-referrals">
      <p className="hg-muted">{t('desk.referrals.privacy')}</p>
      <ListControls
        testId="desk-referrals-controls"
        search={{
          onSearch: (q) => change({ q: q || undefined }, { typed: true }),
          initial: filter.q ?? '',
          label: t('desk.referrals.search'),
          placeholder: t('desk.referrals.searchHint'),
        }}
        sort={{
          value: filter.sort ?? 'newest',
          onChange: (sort) => change({ sort: sort === 'newest' ? undefined : (sort as ReferralSort) }),
          options: referralSorts.map((s) => ({ value: s, label: t(`desk.referrals.sort.${s}`) })),
        }}
        filters={
          <>
            <Select
              label={t('desk.referrals.state')}
              data-testid="desk-referrals-state"
              value={filter.state ?? ''}
              onChange={(event) => change({ state: (event.target.value || undefined) as ReferralState | undefined })}
              options={[{ value: '', label: t('desk.all') }, ...referralStates.map((s) => ({ value: s, label: t(`desk.state.${s}`) }))]}
            />
            <Select
              label={t('desk.referrals.neighbourhood')}
              data-testid="desk-referrals-neighbourhood"
              value={filter.neighbourhoodId ?? ''}
              onChange={(event) => change({ neighbourhoodId: event.target.value || undefined })}
              options={[
                { value: '', label: t('desk.all') },
                ...places.neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) })),
              ]}
            />
            <Select
              label={t('desk.referrals.need')}
              data-testid="desk-referrals-need"
              value={filter.needCategory ?? ''}
              onChange={(event) => change({ needCategory: (event.target.value || undefined) as NeedCategory | undefined })}
              options={[{ value: '', label: t('desk.all') }, ...needCategories.map((n) => ({ value: n, label: t(`desk.need.${n}`) }))]}
            />
            <Checkbox
              label={t('desk.referrals.onlyOverdue')}
              data-testid="desk-referrals-overdue"
              checked={filter.overdue ?? false}
              onCheckedChange={(on) => change({ overdue: on || undefined })}
            />
          </>
        }
      />
      <PagedTable
        testId="desk-referrals-table"
        label={t('desk.referrals.title')}
        paged={referrals}
        columns={columns}
        rowKey={(r) => r.referralId}
        rowTestId={(r) => `desk-referral-${r.referralId}`}
        empty={t('desk.referrals.empty')}
      />
    </Card>
  );
}

type Mode = 'accept' | 'decline' | 'complete';

/** What staff may do with one referral now: accept (with a date) or decline (with a reason), then complete (with an outcome). */
function ReferralActions({ referral }: { referral: Referral }) {
  const { api, canAct, service } = useDesk();
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>();
  const [completeBy, setCompleteBy] = useState(today(60));
  const [reason, setReason] = useState<DeclineReason>(declineReasons[0]);
  const [outcome, setOutcome] = useState<ReferralOutcome>(referralOutcomes[0]);
  const id = referral.referralId;
  const problems = useFieldProblem('desk');
  const step = useApiMutation(
    (chosen: Mode) =>
      chosen === 'accept' ? api.accept(id, completeBy) : chosen === 'decline' ? api.decline(id, reason) : api.complete(id, outcome),
    { invalidates: [[service, 'desk', 'referrals']], onSuccess: () => setMode(undefined) },
  );
  // A refusal about one field is said under that field; any other above the buttons.
  const atField = problems.of(step.error, 'completeBy');
  const elsewhere = step.error ? problems.rest(step.error, ['completeBy']) : undefined;

  const possible: Mode[] = referral.state === 'received' ? ['accept', 'decline'] : referral.state === 'accepted' ? ['complete'] : [];
  if (!canAct || possible.length === 0) return null;

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
      {elsewhere !== undefined && <ErrorCard error={elsewhere} />}
      {mode === 'accept' && (
        <DateInput
          label={t('desk.referrals.completeBy')}
          data-testid={`desk-complete-by-${id}`}
          value={completeBy}
          onChange={setCompleteBy}
          error={atField}
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
        <Button busy={step.busy} data-testid={`desk-confirm-${id}`} onClick={() => void step.run(mode)}>
          {t(`desk.referrals.${mode}`)}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            step.reset();
            setMode(undefined);
          }}
        >
          {t('desk.cancel')}
        </Button>
      </div>
    </div>
  );
}
