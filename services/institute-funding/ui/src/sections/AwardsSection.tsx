import {
  Badge,
  Button,
  Card,
  DataTable,
  ErrorCard,
  Loading,
  TextInput,
  useApiQuery,
  useAuth,
  useI18n,
  useProblemSentence,
  type BadgeTone,
  type Column,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useFundingApi, type Award, type AwardStatus, type Tranche } from '../api';
import { useLabels } from '../labels';

/** Read again whenever a screen opens (what another screen changed shows), the cached answer meanwhile; refusals in the module's words. */
const fresh = { module: 'if', staleTime: 0 };

const awardTone: Record<AwardStatus, BadgeTone> = { active: 'info', completed: 'success', cancelled: 'neutral' };
const trancheTone = (t: Tranche): BadgeTone =>
  t.state === 'pending'
    ? t.releasable
      ? 'warning'
      : 'neutral'
    : t.state === 'cancelled'
      ? 'neutral'
      : t.state === 'paid'
        ? 'success'
        : 'info';

/** Each award: what TVTO verified, its tranches' states, and releasing or paying the one that is due. */
export function AwardsSection() {
  const api = useFundingApi();
  const { t } = useI18n();
  const canAct = useAuth().hasRole('fund-officer');
  const data = useApiQuery(['institute-funding', 'awards'], () => Promise.all([api.awards(), api.institutes()]), fresh);
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [awards, institutes] = data.data;
  const nameOf = new Map(institutes.map((i) => [i.instituteId, i.name]));
  if (awards.length === 0)
    return (
      <Card title={t('if.awards.title')} testId="if-awards">
        <p className="hg-empty">{t('if.awards.empty')}</p>
      </Card>
    );
  return (
    <div data-testid="if-awards">
      {awards.map((award) => (
        <AwardCard key={award.awardId} award={award} name={nameOf.get(award.instituteId)} canAct={canAct} onChange={data.reload} />
      ))}
    </div>
  );
}

function AwardCard({
  award,
  name,
  canAct,
  onChange,
}: {
  award: Award;
  name?: { fa: string; en: string };
  canAct: boolean;
  onChange: () => void;
}) {
  const api = useFundingApi();
  const { t, localize, formatNumber, formatDate } = useI18n();
  const labels = useLabels();
  const [paying, setPaying] = useState<number>();
  const [paymentRef, setPaymentRef] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const sentence = useProblemSentence('if');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = award.awardId;

  async function act(work: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      setPaying(undefined);
      setPaymentRef('');
      setCancelling(false);
      onChange();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<Tranche>[] = [
    { key: 'no', header: t('if.tranches.no'), render: (tr) => formatNumber(tr.trancheNo) },
    { key: 'share', header: t('if.tranches.share'), render: (tr) => `${formatNumber(tr.percent)}٪` },
    { key: 'amount', header: t('if.tranches.amount'), render: (tr) => labels.rials(tr.amountRials) },
    {
      key: 'condition',
      header: t('if.tranches.condition'),
      render: (tr) => t('if.condition', { count: formatNumber(tr.condition.atLeast), kind: t(`if.condition.${tr.condition.kind}`) }),
    },
    {
      key: 'state',
      header: t('if.tranches.state'),
      render: (tr) => (
        <>
          <Badge tone={trancheTone(tr)} testId={`if-tranche-state-${id}-${tr.trancheNo}`}>
            {t(`if.tranches.state.${tr.state === 'pending' && tr.releasable ? 'releasable' : tr.state}`)}
          </Badge>
          {tr.releasedAt && (
            <>
              <br />
              <small>{formatDate(tr.releasedAt)}</small>
            </>
          )}
          {tr.paymentRef && (
            <>
              <br />
              <small dir="ltr">{tr.paymentRef}</small>
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
            render: (tr: Tranche) => {
              if (tr.releasable && award.status === 'active') {
                return (
                  <Button
                    busy={busy}
                    data-testid={`if-release-${id}-${tr.trancheNo}`}
                    onClick={() => act(() => api.release(id, tr.trancheNo))}
                  >
                    {t('if.tranches.release')}
                  </Button>
                );
              }
              if (tr.state !== 'released' || award.status === 'cancelled') return null;
              if (paying !== tr.trancheNo) {
                return (
                  <Button variant="secondary" data-testid={`if-pay-${id}-${tr.trancheNo}`} onClick={() => setPaying(tr.trancheNo)}>
                    {t('if.tranches.pay')}
                  </Button>
                );
              }
              return (
                <div>
                  <TextInput
                    label={t('if.tranches.paymentRef')}
                    dir="ltr"
                    data-testid={`if-payment-ref-${id}-${tr.trancheNo}`}
                    value={paymentRef}
                    onChange={(e) => setPaymentRef(e.target.value)}
                  />
                  <Button
                    busy={busy}
                    disabled={!paymentRef.trim()}
                    data-testid={`if-pay-confirm-${id}-${tr.trancheNo}`}
                    onClick={() => act(() => api.pay(id, tr.trancheNo, paymentRef.trim()))}
                  >
                    {t('if.tranches.pay')}
                  </Button>
                </div>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <Card
      testId={`if-award-${id}`}
      title={
        <>
          {name ? localize(name) : '—'} · {labels.trades(award.trades)}
        </>
      }
      actions={
        <Badge tone={awardTone[award.status]} testId={`if-award-status-${id}`}>
          {t(`if.awards.status.${award.status}`)}
        </Badge>
      }
    >
      {error !== undefined && <ErrorCard error={sentence(error)} />}
      <p>{t('if.awards.summary', { amount: formatNumber(award.amountRials), seats: award.seats })}</p>
      <p data-testid={`if-award-verified-${id}`}>
        {t('if.awards.verified', { enrolments: award.verified.enrolments, completions: award.verified.completions })}
      </p>
      <p>{t('if.awards.released', { released: formatNumber(award.releasedRials), paid: formatNumber(award.paidRials) })}</p>
      <p className="hg-muted">{t('if.awards.benefits', { count: award.benefits.length })}</p>
      {award.cancelReason && <p className="hg-muted">{award.cancelReason}</p>}
      <DataTable
        testId={`if-tranches-${id}`}
        columns={columns}
        rows={award.tranches}
        rowKey={(tr) => String(tr.trancheNo)}
        rowTestId={(tr) => `if-tranche-${id}-${tr.trancheNo}`}
      />
      {canAct &&
        award.status === 'active' &&
        (cancelling ? (
          <div>
            <TextInput
              label={t('if.awards.cancelReason')}
              data-testid={`if-cancel-reason-${id}`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              busy={busy}
              disabled={!reason.trim()}
              data-testid={`if-cancel-confirm-${id}`}
              onClick={() => act(() => api.cancel(id, reason.trim()))}
            >
              {t('if.awards.cancel')}
            </Button>{' '}
            <Button variant="secondary" onClick={() => setCancelling(false)}>
              {t('if.cancel')}
            </Button>
          </div>
        ) : (
          <Button variant="secondary" data-testid={`if-cancel-${id}`} onClick={() => setCancelling(true)}>
            {t('if.awards.cancel')}
          </Button>
        ))}
    </Card>
  );
}
