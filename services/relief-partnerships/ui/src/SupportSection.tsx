import { isPastDay, today } from '@hamgam/contracts/days';
import { Badge, Button, Card, DataTable, ErrorCard, Form, Loading, NumberInput, Select, TextInput, useAsync, useI18n, type Column } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { PURPOSES, SUPPORT_KINDS, useReliefApi, type MeansTest, type SupportKind, type SupportRequest, type SupportRequestPage } from './api';
import { ShortId, StatusBadge, Textarea, useDay, useExplained, useNeighbourhood, useRials, useRoles } from './common';

/** The Relief Committee's support requests: the list (with duplicate-benefit flags) and one request's page. */
export function SupportSection({ basePath }: { basePath: string }) {
  const root = `${basePath}/support`;
  return (
    <Routes>
      <Route index element={<RequestList root={root} />} />
      <Route path=":requestId" element={<RequestPage root={root} />} />
    </Routes>
  );
}

function RequestList({ root }: { root: string }) {
  const api = useReliefApi();
  const { t, formatDate, formatNumber } = useI18n();
  const rials = useRials();
  const roles = useRoles();
  const data = useAsync(() => Promise.all([api.requests(), api.duplicateFlags()]), [api]);
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [requests, flags] = data.data;
  const columns: Column<SupportRequest>[] = [
    { key: 'id', header: t('relief.ref'), render: (r) => <Link to={`${root}/${r.requestId}`} data-testid={`support-link-${r.requestId}`}><ShortId id={r.requestId} /></Link> },
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
          {r.duplicateBenefits > 0 && <Badge tone="warning" testId={`support-duplicate-${r.requestId}`}>{t('relief.duplicate')}</Badge>}{' '}
          {r.unverified && <Badge tone="warning" testId={`support-unverified-${r.requestId}`}>{t('relief.unverified')}</Badge>}
        </>
      ),
    },
    { key: 'submitted', header: t('relief.submitted'), render: (r) => formatDate(r.submittedAt) },
  ];
  return (
    <>
      {roles.relief && <NewRequestForm root={root} />}
      <Card title={t('relief.requests.title')}>
        <DataTable columns={columns} rows={requests} rowKey={(r) => r.requestId} empty={t('relief.requests.empty')} testId="support-table" rowTestId={(r) => `support-row-${r.requestId}`} />
      </Card>
      <Card title={t('relief.flags.title')} testId="benefit-flags">
        {flags.length === 0 ? (
          <p className="hg-empty">{t('relief.flags.empty')}</p>
        ) : (
          <ul>
            {flags.map((f) => (
              <li key={`${f.householdRef}-${f.purpose}`} data-testid={`benefit-flag-${f.householdRef}`}>
                <ShortId id={f.householdRef} /> · {t(`relief.purpose.${f.purpose}`)} · {t('relief.flags.count', { count: f.benefits.length })}:{' '}
                {f.benefits.map((b) => `${t(`relief.source.${b.source}`)} ${formatNumber(b.amountRials)}`).join('، ')}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function NewRequestForm({ root }: { root: string }) {
  const api = useReliefApi();
  const navigate = useNavigate();
  const { t } = useI18n();
  const nbh = useNeighbourhood();
  const referrals = useAsync(() => api.openReferrals(), [api]);
  const candidates = useAsync(() => api.candidates(), [api]);
  const [referralId, setReferralId] = useState('');
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const [residentRef, setResidentRef] = useState('');
  const [householdRef, setHouseholdRef] = useState('');
  const [kind, setKind] = useState<SupportKind>('micro-loan');
  const [purpose, setPurpose] = useState<string>('income-support');
  const [amount, setAmount] = useState('');
  const [plan, setPlan] = useState('');
  const [meansTest, setMeansTest] = useState<MeansTest>('not-done');
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const open = referrals.data ?? [];
  const chosen = open.find((r) => r.referralId === referralId);
  const certified = candidates.data ?? [];
  const pickCandidate = (ref: string) => {
    const candidate = certified.find((c) => c.residentRef === ref);
    setResidentRef(ref);
    setHouseholdRef(candidate?.householdRef ?? '');
    setNeighbourhoodId(candidate?.neighbourhoodId ?? '');
  };

  async function submit() {
    const incomplete = !amount || !plan.trim() || (!referralId && (!residentRef.trim() || !householdRef.trim()));
    setMissing(incomplete);
    if (incomplete) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = referralId
        ? { referralId, kind: chosen?.kind ?? kind, ...(chosen?.householdRef ? {} : { householdRef: householdRef.trim() }), requestedRials: Number(amount), businessPlan: plan.trim(), meansTest }
        : { residentRef: residentRef.trim(), householdRef: householdRef.trim(), ...(neighbourhoodId ? { neighbourhoodId } : {}), kind, purpose, requestedRials: Number(amount), businessPlan: plan.trim(), meansTest };
      const created = await api.submit(body);
      navigate(`${root}/${created.requestId}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Card title={t('relief.new.title')}>
      <Form onSubmit={() => void submit()} error={error} testId="support-form">
        <div className="hg-form__row">
          <Select
            label={t('relief.new.referral')}
            value={referralId}
            onChange={(e) => setReferralId(e.target.value)}
            options={[{ value: '', label: t('relief.new.noReferral') }, ...open.map((r) => ({ value: r.referralId, label: `${r.trackingCode} · ${t(`relief.kind.${r.kind}`)} · ${nbh(r.neighbourhoodId)}` }))]}
            data-testid="support-referral"
          />
          {!referralId && certified.length > 0 && (
            <Select
              label={t('relief.new.candidate')}
              value={certified.some((c) => c.residentRef === residentRef) ? residentRef : ''}
              onChange={(e) => pickCandidate(e.target.value)}
              options={[
                { value: '', label: t('relief.new.noCandidate') },
                ...certified.map((c) => ({
                  value: c.residentRef,
                  label: `${c.residentRef.slice(0, 8)} · ${c.trade} · ${nbh(c.neighbourhoodId)}${c.eligibleToday ? ` · ${t('relief.new.candidateEligible')}` : ''}`,
                })),
              ]}
              data-testid="support-candidate"
            />
          )}
          {!referralId && (
            <>
              <TextInput label={t('relief.resident')} value={residentRef} onChange={(e) => setResidentRef(e.target.value)} data-testid="support-resident" />
              <Select label={t('relief.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} options={PURPOSES.map((p) => ({ value: p, label: t(`relief.purpose.${p}`) }))} data-testid="support-purpose" />
            </>
          )}
          {(!referralId || (chosen && !chosen.householdRef)) && <TextInput label={t('relief.household')} value={householdRef} onChange={(e) => setHouseholdRef(e.target.value)} data-testid="support-household" />}
          {!referralId && (
            <Select label={t('relief.kind')} value={kind} onChange={(e) => setKind(e.target.value as SupportKind)} options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`relief.kind.${k}`) }))} data-testid="support-kind" />
          )}
          <NumberInput label={t('relief.requested')} value={amount} onValueChange={setAmount} data-testid="support-amount" />
          <Select
            label={t('relief.new.meansTest')}
            value={meansTest}
            onChange={(e) => setMeansTest(e.target.value as MeansTest)}
            options={(['not-done', 'passed', 'failed'] as const).map((m) => ({ value: m, label: t(`relief.means.${m}`) }))}
            data-testid="support-means-test"
          />
        </div>
        <Textarea label={t('relief.new.plan')} value={plan} onChange={setPlan} testId="support-plan" />
        {missing && <span className="hg-field__error">{t('relief.new.required')}</span>}
        <div>
          <Button type="submit" busy={busy} data-testid="support-submit">
            {t('relief.new.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function RequestPage({ root }: { root: string }) {
  const { requestId = '' } = useParams();
  const api = useReliefApi();
  const { t } = useI18n();
  const data = useAsync(() => api.request(requestId), [api, requestId]);
  const [page, setPage] = useState<SupportRequestPage>();
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const request = page && page.requestId === requestId ? page : data.data;
  return (
    <>
      <p>
        <Link to={root} data-testid="support-back">{t('relief.page.back')}</Link>
      </p>
      <Summary request={request} />
      <Facts request={request} />
      {request.priorBenefits.length > 0 && <DuplicateWarning request={request} />}
      <Actions request={request} onChange={setPage} />
      {request.schedule && <ScheduleCard key={request.repayments.length} request={request} onChange={setPage} />}
      {request.disbursement && <FollowUps request={request} onChange={setPage} />}
    </>
  );
}

function Summary({ request }: { request: SupportRequestPage }) {
  const { t } = useI18n();
  const nbh = useNeighbourhood();
  const rials = useRials();
  return (
    <Card title={<>{t(`relief.kind.${request.kind}`)} · <ShortId id={request.requestId} /></>} actions={<StatusBadge status={request.status} testId="support-page-status" />}>
      {request.unverified && (
        <p>
          <Badge tone="warning" testId="support-page-unverified">{t('relief.unverified')}</Badge>
        </p>
      )}
      <dl className="hg-dl">
        <dt>{t('relief.resident')}</dt>
        <dd><ShortId id={request.residentRef} /></dd>
        <dt>{t('relief.household')}</dt>
        <dd><ShortId id={request.householdRef} testId="support-page-household" /></dd>
        <dt>{t('relief.projects.neighbourhood')}</dt>
        <dd>{nbh(request.neighbourhoodId)}</dd>
        <dt>{t('relief.purpose')}</dt>
        <dd>{t(`relief.purpose.${request.purpose}`)}</dd>
        <dt>{t('relief.requested')}</dt>
        <dd data-testid="support-page-requested">{rials(request.requestedRials)}</dd>
        <dt>{t('relief.new.plan')}</dt>
        <dd>{request.businessPlan}</dd>
        {request.decision && (
          <>
            <dt>{t('relief.page.decide')}</dt>
            <dd data-testid="support-page-decision">
              {t(`relief.status.${request.decision.decision}`)} · {rials(request.decision.amountRials)}
              {request.decision.reason ? ` · ${request.decision.reason}` : ''}
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}

function Facts({ request }: { request: SupportRequestPage }) {
  const { t, formatDate } = useI18n();
  const day = useDay();
  const { eligible, reasons } = request.eligibleToday;
  return (
    <Card title={t('relief.page.facts')} testId="support-facts" actions={<Badge tone={eligible ? 'success' : 'warning'} testId="support-eligible-today">{t(eligible ? 'relief.page.eligibleToday' : 'relief.page.notEligibleToday')}</Badge>}>
      <ul data-testid="support-reasons">
        {reasons.map((r) => <li key={r}>{t(`relief.reason.${r}`)}</li>)}
      </ul>
      <h3>{t('relief.page.certificates')}</h3>
      {request.facts.certificates.length === 0 ? <p className="hg-empty">{t('relief.page.noCertificate')}</p> : (
        <ul>
          {request.facts.certificates.map((c) => <li key={c.enrolmentId} data-testid="support-certificate">{c.trade} · {c.certificateNo ?? '—'} · {formatDate(c.completedAt)}</li>)}
        </ul>
      )}
      <h3>{t('relief.page.flags')}</h3>
      {request.facts.flags.length === 0 ? <p className="hg-empty">{t('relief.page.noFlag')}</p> : (
        <ul>
          {request.facts.flags.map((f) => (
            <li key={f.flagId} data-testid={`support-flag-${f.status}`}>
              {f.flag ? t(`relief.flag.${f.flag}`) : '—'} · <Badge tone={f.status === 'valid' ? 'success' : 'neutral'}>{t(`relief.flagStatus.${f.status}`)}</Badge>
              {f.validUntil && ` · ${t('relief.page.validUntil', { date: day(f.validUntil) })}`}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function DuplicateWarning({ request }: { request: SupportRequestPage }) {
  const { t, formatDate } = useI18n();
  const rials = useRials();
  return (
    <Card title={t('relief.duplicate')} tone="error" testId="support-duplicate-warning" role="alert">
      <p>{t('relief.page.duplicateWarning')}</p>
      <ul>
        {request.priorBenefits.map((b) => (
          <li key={b.benefitId}>
            {t(`relief.source.${b.source}`)} · {t(`relief.purpose.${b.purpose}`)} · {rials(b.amountRials)} · {formatDate(b.grantedAt)}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function useStep(onChange: (page: SupportRequestPage) => void) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const explained = useExplained();
  const run = async (action: () => Promise<SupportRequestPage>) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await action());
    } catch (e) {
      setError(explained(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function Actions({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const roles = useRoles();
  const step = useStep(onChange);
  const [amount, setAmount] = useState(String(request.requestedRials));
  const [months, setMonths] = useState('36');
  const [grace, setGrace] = useState('3');
  const [fee, setFee] = useState('4');
  const [reason, setReason] = useState('');
  const [means, setMeans] = useState<MeansTest>(request.meansTest);
  if (!roles.relief) return null;
  // No money to refs no clinic referred to relief: the server refuses it too (409 refs-unverified).
  const blocked = request.unverified && <p className="hg-field__error" data-testid="support-unverified-blocked">{t('relief.unverified.blocked')}</p>;
  const undecided = request.state === 'submitted' || request.state === 'eligible' || request.state === 'ineligible';
  if (undecided) {
    const loan = request.kind === 'micro-loan';
    const approve = () => api.approve(request.requestId, Number(amount), loan ? { months: Number(months), graceMonths: Number(grace), feePercent: Number(fee) } : undefined);
    return (
      <Card title={t('relief.page.decide')} testId="support-decide">
        <Form onSubmit={() => void step.run(approve)} error={step.error} testId="support-approve-form">
          <div className="hg-form__row">
            <NumberInput label={t('relief.page.amount')} value={amount} onValueChange={setAmount} data-testid="support-approve-amount" />
            {loan && (
              <>
                <NumberInput label={t('relief.page.months')} value={months} onValueChange={setMonths} data-testid="support-approve-months" />
                <NumberInput label={t('relief.page.grace')} value={grace} onValueChange={setGrace} data-testid="support-approve-grace" />
                <TextInput label={t('relief.page.fee')} value={fee} onChange={(e) => setFee(e.target.value)} inputMode="decimal" data-testid="support-approve-fee" />
              </>
            )}
          </div>
          {blocked}
          <div>
            <Button type="submit" busy={step.busy} disabled={!request.eligibleToday.eligible || request.unverified} data-testid="support-approve">{t('relief.page.approve')}</Button>
          </div>
        </Form>
        <div className="hg-form__row">
          <TextInput label={t('relief.page.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="support-reject-reason" />
          <Button variant="secondary" busy={step.busy} disabled={!reason.trim()} onClick={() => void step.run(() => api.reject(request.requestId, reason.trim()))} data-testid="support-reject">
            {t('relief.page.reject')}
          </Button>
        </div>
        <div className="hg-form__row">
          <Select label={t('relief.new.meansTest')} value={means} onChange={(e) => setMeans(e.target.value as MeansTest)} options={(['not-done', 'passed', 'failed'] as const).map((m) => ({ value: m, label: t(`relief.means.${m}`) }))} data-testid="support-means" />
          <Button variant="secondary" busy={step.busy} onClick={() => void step.run(() => api.meansTest(request.requestId, means))} data-testid="support-means-save">
            {t('relief.page.setMeansTest')}
          </Button>
        </div>
      </Card>
    );
  }
  if (request.state === 'approved') {
    return (
      <Card title={t('relief.page.disburse')}>
        {step.error !== undefined && <ErrorCard error={step.error} />}
        {blocked}
        <Button busy={step.busy} disabled={request.unverified} onClick={() => void step.run(() => api.disburse(request.requestId))} data-testid="support-disburse">
          {t('relief.page.disburse')}
        </Button>
      </Card>
    );
  }
  return null;
}

function ScheduleCard({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t, formatNumber } = useI18n();
  const rials = useRials();
  const day = useDay();
  const roles = useRoles();
  const step = useStep(onChange);
  const schedule = request.schedule!;
  const arrears = request.arrears!;
  const [amount, setAmount] = useState(String(arrears.nextDue?.remainingRials ?? ''));
  const [paidOn, setPaidOn] = useState(today());
  /** Whether the repayments (applied in order) cover instalment `no` in full. */
  const paidThrough = (no: number) => schedule.instalments.slice(0, no).reduce((sum, i) => sum + i.amountRials, 0) <= arrears.paidRials;
  return (
    <Card title={t('relief.page.schedule')} testId="support-schedule">
      <p>{t('relief.page.total', { principal: formatNumber(schedule.principalRials), fee: formatNumber(schedule.feeRials), total: formatNumber(schedule.totalRials) })}</p>
      <p data-testid="support-outstanding">{t('relief.page.outstanding', { amount: formatNumber(arrears.outstandingRials) })}</p>
      {arrears.arrearsRials > 0 && <p><Badge tone="danger" testId="support-arrears">{t('relief.page.arrears', { amount: formatNumber(arrears.arrearsRials), count: arrears.overdueInstalments })}</Badge></p>}
      <DataTable
        columns={[
          { key: 'no', header: t('relief.page.instalment'), render: (i) => formatNumber(i.no) },
          { key: 'due', header: t('relief.page.dueOn'), render: (i) => day(i.dueOn) },
          { key: 'amount', header: t('relief.page.amount'), render: (i) => rials(i.amountRials) },
          {
            key: 'state',
            header: '',
            render: (i) =>
              paidThrough(i.no) ? <Badge tone="success">{t('relief.instalment.paid')}</Badge> : isPastDay(i.dueOn, today()) ? <Badge tone="danger">{t('relief.instalment.late')}</Badge> : null,
          },
        ]}
        rows={schedule.instalments}
        rowKey={(i) => String(i.no)}
        testId="support-instalments"
      />
      <h3>{t('relief.page.repayments')}</h3>
      <ul data-testid="support-repayments">
        {request.repayments.map((r) => <li key={r.repaymentId}>{day(r.paidOn)} · {rials(r.amountRials)}</li>)}
      </ul>
      {roles.relief && request.state !== 'repaid' && (
        <Form onSubmit={() => void step.run(() => api.repay(request.requestId, Number(amount), paidOn))} error={step.error} testId="support-repay-form">
          <div className="hg-form__row">
            <NumberInput label={t('relief.page.amount')} value={amount} onValueChange={setAmount} data-testid="support-repay-amount" />
            <TextInput type="date" label={t('relief.page.paidOn')} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} data-testid="support-repay-date" />
          </div>
          <div>
            <Button type="submit" busy={step.busy} disabled={!amount} data-testid="support-repay">{t('relief.page.repay')}</Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

function FollowUps({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const day = useDay();
  const roles = useRoles();
  const step = useStep(onChange);
  const [visitedOn, setVisitedOn] = useState(today());
  const [operating, setOperating] = useState(true);
  const [note, setNote] = useState('');
  return (
    <Card title={t('relief.page.followUps')} testId="support-follow-ups">
      <ul>
        {request.followUps.map((f) => (
          <li key={f.followUpId}>
            {day(f.visitedOn)} · <Badge tone={f.operating ? 'success' : 'warning'}>{t(f.operating ? 'relief.page.operating' : 'relief.page.stopped')}</Badge> {f.note}
          </li>
        ))}
      </ul>
      {roles.relief && (
        <Form onSubmit={() => void step.run(() => api.followUp(request.requestId, visitedOn, operating, note.trim()))} error={step.error} testId="support-follow-up-form">
          <div className="hg-form__row">
            <TextInput type="date" label={t('relief.page.visitedOn')} value={visitedOn} onChange={(e) => setVisitedOn(e.target.value)} data-testid="support-follow-up-date" />
            <label>
              <input type="checkbox" checked={operating} onChange={(e) => setOperating(e.target.checked)} data-testid="support-follow-up-operating" /> {t('relief.page.operating')}
            </label>
          </div>
          <Textarea label={t('relief.page.note')} value={note} onChange={setNote} testId="support-follow-up-note" rows={2} />
          <div>
            <Button type="submit" busy={step.busy} data-testid="support-follow-up">{t('relief.page.addFollowUp')}</Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
