import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  type Column,
  DataTable,
  ErrorCard,
  ListControls,
  Loading,
  PagedTable,
  Select,
  TextInput,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
  useProblemSentence,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useFundingApi, type Application, type ApplicationState, type FundingCall, type Institute } from '../api';
import { useLabels } from '../labels';
import { ApplicationForm } from './ApplicationForm';
import { AwardForm } from './AwardForm';
import { OpenCallForm } from './OpenCallForm';

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
