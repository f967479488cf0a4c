import { today } from '@hamgam/contracts/days';
import {
  AmountInput,
  Badge,
  type BadgeTone,
  Button,
  Card,
  type Column,
  DataTable,
  DateInput,
  ErrorCard,
  Form,
  ListControls,
  Loading,
  NumberInput,
  PagedTable,
  Select,
  TextInput,
  useAction,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
  useProblemSentence,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import {
  useFundingApi,
  type Application,
  type ApplicationState,
  type ConditionKind,
  type FundingCall,
  type Institute,
  type PlanItem,
} from '../api';
import { CheckList, useFieldProblems, useLabels, useOptions } from '../labels';

/** Read again whenever a screen opens (what another screen changed shows), the cached answer meanwhile; refusals in the module's words. */
const fresh = { module: 'if', staleTime: 0 };

const statusTone: Record<FundingCall['status'], BadgeTone> = { upcoming: 'neutral', open: 'success', closed: 'warning' };
const stateTone: Record<ApplicationState, BadgeTone> = {
  submitted: 'info',
  'under-review': 'warning',
  awarded: 'success',
  rejected: 'danger',
};

/** Funding calls (budget, what is awarded and left) and, for the chosen call, its applications and their review. */
export function CallsSection() {
  const api = useFundingApi();
  const { t, localize, formatDate } = useI18n();
  const labels = useLabels();
  const canAct = useAuth().hasRole('fund-officer');
  const data = useApiQuery(['institute-funding', 'calls'], () => Promise.all([api.calls(), api.institutes()]), fresh);
  const [chosen, setChosen] = useState<string>();
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [calls, institutes] = data.data;
  const call = calls.find((c) => c.callId === (chosen ?? calls[0]?.callId));

  const columns: Column<FundingCall>[] = [
    { key: 'title', header: t('if.calls.call'), render: (c) => localize(c.title) },
    { key: 'budget', header: t('if.calls.budget'), render: (c) => labels.rials(c.budgetRials) },
    { key: 'awarded', header: t('if.calls.awarded'), render: (c) => labels.rials(c.awardedRials) },
    {
      key: 'available',
      header: t('if.calls.available'),
      render: (c) => <span data-testid={`if-call-available-${c.callId}`}>{labels.rials(c.availableRials)}</span>,
    },
    { key: 'period', header: t('if.calls.period'), render: (c) => `${formatDate(c.opensOn)} – ${formatDate(c.closesOn)}` },
    { key: 'targets', header: t('if.calls.targets'), render: (c) => c.neighbourhoodIds.map(labels.neighbourhood).join('، ') },
    {
      key: 'status',
      header: t('if.calls.status'),
      render: (c) => <Badge tone={statusTone[c.status]}>{t(`if.calls.status.${c.status}`)}</Badge>,
    },
    {
      key: 'show',
      header: t('if.actions'),
      render: (c) => (
        <Button variant="secondary" data-testid={`if-call-show-${c.callId}`} onClick={() => setChosen(c.callId)}>
          {t('if.calls.show')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Card title={t('if.calls.title')} testId="if-calls">
        <DataTable
          testId="if-calls-table"
          columns={columns}
          rows={calls}
          rowKey={(c) => c.callId}
          rowTestId={(c) => `if-call-${c.callId}`}
          empty={t('if.calls.empty')}
        />
      </Card>
      {call && <Applications key={call.callId} call={call} institutes={institutes} canAct={canAct} onChange={data.reload} />}
      {canAct && <OpenCallForm onDone={data.reload} />}
    </>
  );
}

function Applications({
  call,
  institutes,
  canAct,
  onChange,
}: {
  call: FundingCall;
  institutes: Institute[];
  canAct: boolean;
  onChange: () => void;
}) {
  const api = useFundingApi();
  const { t, localize, formatNumber } = useI18n();
  const labels = useLabels();
  const [state, setState] = useState<ApplicationState | ''>('');
  const paged = usePagedQuery(
    ['institute-funding', 'applications', call.callId, state],
    (after) => api.applicationPage({ callId: call.callId, state }, after),
    { module: 'if' },
  );
  const [awarding, setAwarding] = useState<Application>();
  const [rejecting, setRejecting] = useState<string>();
  const [reason, setReason] = useState('');
  const sentence = useProblemSentence('if');
  const [error, setError] = useState<unknown>();
  const nameOf = new Map(institutes.map((i) => [i.instituteId, localize(i.name)]));
  const refresh = () => (paged.reload(), onChange());

  async function act(work: () => Promise<unknown>) {
    setError(undefined);
    try {
      await work();
      setRejecting(undefined);
      setReason('');
      refresh();
    } catch (failure) {
      setError(failure);
    }
  }

  const columns: Column<Application>[] = [
    { key: 'institute', header: t('if.applications.institute'), render: (a) => nameOf.get(a.instituteId) ?? '—' },
    { key: 'trades', header: t('if.institutes.trades'), render: (a) => labels.trades(a.trades) },
    { key: 'seats', header: t('if.applications.seats'), render: (a) => formatNumber(a.proposedSeats) },
    { key: 'requested', header: t('if.applications.requested'), render: (a) => labels.rials(a.amountRequestedRials) },
    {
      key: 'state',
      header: t('if.applications.state'),
      render: (a) => (
        <>
          <Badge tone={stateTone[a.state]} testId={`if-application-state-${a.applicationId}`}>
            {t(`if.applications.state.${a.state}`)}
          </Badge>
          {a.rejectionReason && (
            <>
              <br />
              <small>{a.rejectionReason}</small>
            </>
          )}
          {a.award && (
            <>
              <br />
              <small>{t('if.awards.summary', { amount: formatNumber(a.award.amountRials), seats: a.award.seats })}</small>
            </>
          )}
        </>
      ),
    },
    ...(canAct
      ? [
          {
            key: 'actions',
            header: t('if.actions'),
            render: (a: Application) =>
              rejecting === a.applicationId ? (
                <div>
                  <TextInput
                    label={t('if.applications.reason')}
                    data-testid={`if-reject-reason-${a.applicationId}`}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  <Button
                    data-testid={`if-reject-confirm-${a.applicationId}`}
                    disabled={!reason.trim()}
                    onClick={() => act(() => api.reject(a.applicationId, reason.trim()))}
                  >
                    {t('if.applications.reject')}
                  </Button>{' '}
                  <Button variant="secondary" onClick={() => setRejecting(undefined)}>
                    {t('if.cancel')}
                  </Button>
                </div>
              ) : (
                <>
                  {a.state === 'submitted' && (
                    <Button
                      variant="secondary"
                      data-testid={`if-review-${a.applicationId}`}
                      onClick={() => act(() => api.review(a.applicationId))}
                    >
                      {t('if.applications.review')}
                    </Button>
                  )}{' '}
                  {a.state === 'under-review' && (
                    <Button data-testid={`if-award-${a.applicationId}`} onClick={() => setAwarding(a)}>
                      {t('if.applications.award')}
                    </Button>
                  )}{' '}
                  {(a.state === 'submitted' || a.state === 'under-review') && (
                    <Button variant="secondary" data-testid={`if-reject-${a.applicationId}`} onClick={() => setRejecting(a.applicationId)}>
                      {t('if.applications.reject')}
                    </Button>
                  )}
                </>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Card title={t('if.applications.title', { call: localize(call.title) })} testId="if-applications">
        {error !== undefined && <ErrorCard error={sentence(error)} />}
        <ListControls
          testId="if-applications-controls"
          filters={
            <Select
              label={t('if.applications.state')}
              value={state}
              data-testid="if-applications-state"
              onChange={(e) => setState(e.target.value as ApplicationState | '')}
              options={[
                { value: '', label: t('if.all') },
                ...(['submitted', 'under-review', 'awarded', 'rejected'] as const).map((st) => ({
                  value: st,
                  label: t(`if.applications.state.${st}`),
                })),
              ]}
            />
          }
        />
        <PagedTable
          paged={paged}
          testId="if-applications-table"
          columns={columns}
          rowKey={(a) => a.applicationId}
          rowTestId={(a) => `if-application-${a.applicationId}`}
          empty={t('if.applications.empty')}
        />
      </Card>
      {awarding && (
        <AwardForm application={awarding} onDone={() => (setAwarding(undefined), refresh())} onCancel={() => setAwarding(undefined)} />
      )}
      {canAct && call.status === 'open' && <ApplicationForm call={call} institutes={institutes} onDone={refresh} />}
    </>
  );
}

function ApplicationForm({ call, institutes, onDone }: { call: FundingCall; institutes: Institute[]; onDone: () => void }) {
  const api = useFundingApi();
  const { t, localize } = useI18n();
  const labels = useLabels();
  const problems = useFieldProblems();
  const eligible = institutes.filter((i) => call.neighbourhoodIds.includes(i.neighbourhoodId));
  const [instituteId, setInstituteId] = useState(eligible[0]?.instituteId ?? '');
  const [trades, setTrades] = useState<string[]>([]);
  const [seats, setSeats] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const { busy, error, run } = useAction(() => {
    setTrades([]);
    setSeats('');
    setAmount(null);
    onDone();
  });
  const refused = problems(error);

  function submit() {
    void run(() =>
      api.apply({
        callId: call.callId,
        instituteId,
        trades,
        proposedSeats: Number(seats),
        amountRequestedRials: amount ?? 0,
      }),
    );
  }
  return (
    <Card title={t('if.applications.record')}>
      <Form onSubmit={submit} error={refused.form} testId="if-application-form">
        <Select
          label={t('if.applications.institute')}
          data-testid="if-application-institute"
          value={instituteId}
          onChange={(e) => setInstituteId(e.target.value)}
          options={eligible.map((i) => ({ value: i.instituteId, label: localize(i.name) }))}
        />
        <CheckList
          label={t('if.institutes.trades')}
          options={call.trades.map((id) => ({ value: id, label: labels.trade(id) }))}
          value={trades}
          onChange={setTrades}
          error={refused.fields['trades']}
          testId="if-application-trades"
        />
        <NumberInput
          label={t('if.applications.seats')}
          data-testid="if-application-seats"
          value={seats}
          error={refused.fields['proposedSeats']}
          onValueChange={setSeats}
        />
        <AmountInput
          label={t('if.applications.requested')}
          data-testid="if-application-amount"
          value={amount}
          error={refused.fields['amountRequestedRials']}
          onChange={setAmount}
        />
        <Button type="submit" busy={busy} data-testid="if-application-submit">
          {t('if.save')}
        </Button>
      </Form>
    </Card>
  );
}

const defaultPlan = (seats: number): PlanItem[] => [
  { percent: 30, condition: { kind: 'enrolments', atLeast: Math.max(1, Math.round(seats * 0.8)) } },
  { percent: 40, condition: { kind: 'completions', atLeast: Math.max(1, Math.round(seats * 0.5)) } },
  { percent: 30, condition: { kind: 'completions', atLeast: Math.max(1, Math.round(seats * 0.8)) } },
];

/** The award: amount, seats and the tranche plan (each tranche's share and the verified outcome it waits for). */
function AwardForm({ application, onDone, onCancel }: { application: Application; onDone: () => void; onCancel: () => void }) {
  const api = useFundingApi();
  const { t, formatNumber } = useI18n();
  const [amount, setAmount] = useState<number | null>(application.amountRequestedRials);
  const [seats, setSeats] = useState(String(application.proposedSeats));
  const [plan, setPlan] = useState(() =>
    defaultPlan(application.proposedSeats).map((p) => ({
      percent: String(p.percent),
      kind: p.condition.kind,
      atLeast: String(p.condition.atLeast),
    })),
  );
  const sentence = useProblemSentence('if');
  const { busy, error, run } = useAction(() => {
    onDone();
  });
  const sum = plan.reduce((s, p) => s + Number(p.percent || 0), 0);
  const setItem = (i: number, change: Partial<(typeof plan)[number]>) => setPlan(plan.map((p, j) => (j === i ? { ...p, ...change } : p)));

  function submit() {
    void run(() =>
      api.award(application.applicationId, {
        amountRials: amount ?? 0,
        seats: Number(seats),
        plan: plan.map((p) => ({ percent: Number(p.percent), condition: { kind: p.kind, atLeast: Number(p.atLeast) } })),
      }),
    );
  }
  return (
    <Card title={t('if.award.title')} testId="if-award-form-card">
      <Form onSubmit={submit} error={sentence(error)} testId="if-award-form">
        <AmountInput label={t('if.award.amount')} data-testid="if-award-amount" value={amount} onChange={setAmount} />
        <NumberInput label={t('if.award.seats')} data-testid="if-award-seats" value={seats} onValueChange={setSeats} />
        {plan.map((p, i) => (
          <fieldset key={i} className="hg-form__row" data-testid={`if-award-tranche-${i + 1}`}>
            <legend>{t('if.award.tranche', { no: formatNumber(i + 1) })}</legend>
            <NumberInput
              label={t('if.award.percent')}
              data-testid={`if-award-percent-${i + 1}`}
              value={p.percent}
              onValueChange={(v) => setItem(i, { percent: v })}
            />
            <Select
              label={t('if.award.kind')}
              data-testid={`if-award-kind-${i + 1}`}
              value={p.kind}
              onChange={(e) => setItem(i, { kind: e.target.value as ConditionKind })}
              options={(['enrolments', 'completions'] as const).map((k) => ({ value: k, label: t(`if.condition.${k}`) }))}
            />
            <NumberInput
              label={t('if.award.atLeast')}
              data-testid={`if-award-atleast-${i + 1}`}
              value={p.atLeast}
              onValueChange={(v) => setItem(i, { atLeast: v })}
            />
          </fieldset>
        ))}
        <p className={sum === 100 ? 'hg-muted' : 'hg-field__error'} data-testid="if-award-sum">
          {t('if.award.sum', { sum: formatNumber(sum) })}
        </p>
        <div className="hg-form__row">
          <Button type="submit" busy={busy} disabled={sum !== 100} data-testid="if-award-submit">
            {t('if.applications.award')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('if.cancel')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function OpenCallForm({ onDone }: { onDone: () => void }) {
  const api = useFundingApi();
  const { t } = useI18n();
  const options = useOptions();
  const problems = useFieldProblems();
  const empty = { fa: '', en: '', opensOn: today(), closesOn: today(30) };
  const [form, setForm] = useState(empty);
  const [budget, setBudget] = useState<number | null>(null);
  const [neighbourhoodIds, setNeighbourhoodIds] = useState<string[]>([]);
  const [trades, setTrades] = useState<string[]>([]);
  const { busy, error, run } = useAction(() => {
    setForm(empty);
    setBudget(null);
    setNeighbourhoodIds([]);
    setTrades([]);
    onDone();
  });
  // Each refusal under the field it is about (a title, the budget, a day), in the officer's language.
  const refused = problems(error);

  function submit() {
    void run(() =>
      api.openCall({
        title: { fa: form.fa.trim(), en: form.en.trim() },
        budgetRials: budget ?? 0,
        neighbourhoodIds,
        trades,
        opensOn: form.opensOn,
        closesOn: form.closesOn,
      }),
    );
  }
  return (
    <Card title={t('if.calls.open')}>
      <Form onSubmit={submit} error={refused.form} testId="if-call-form">
        <TextInput
          label={t('if.calls.titleFa')}
          data-testid="if-call-fa"
          value={form.fa}
          error={refused.fields['title']}
          onChange={(e) => setForm({ ...form, fa: e.target.value })}
        />
        <TextInput
          label={t('if.calls.titleEn')}
          dir="ltr"
          data-testid="if-call-en"
          value={form.en}
          error={refused.fields['title']}
          onChange={(e) => setForm({ ...form, en: e.target.value })}
        />
        <AmountInput
          label={t('if.calls.budget')}
          data-testid="if-call-budget"
          value={budget}
          error={refused.fields['budgetRials']}
          onChange={setBudget}
        />
        <CheckList
          label={t('if.calls.targets')}
          options={options.neighbourhoods}
          value={neighbourhoodIds}
          onChange={setNeighbourhoodIds}
          error={refused.fields['neighbourhoodIds']}
          testId="if-call-nbhs"
        />
        <CheckList
          label={t('if.institutes.trades')}
          options={options.trades}
          value={trades}
          onChange={setTrades}
          error={refused.fields['trades']}
          testId="if-call-trades"
        />
        <DateInput
          label={t('if.calls.opensOn')}
          data-testid="if-call-opens"
          value={form.opensOn}
          error={refused.fields['opensOn']}
          onChange={(opensOn) => setForm({ ...form, opensOn })}
        />
        <DateInput
          label={t('if.calls.closesOn')}
          data-testid="if-call-closes"
          value={form.closesOn}
          error={refused.fields['closesOn']}
          onChange={(closesOn) => setForm({ ...form, closesOn })}
        />
        <Button type="submit" busy={busy} data-testid="if-call-submit">
          {t('if.save')}
        </Button>
      </Form>
    </Card>
  );
}
