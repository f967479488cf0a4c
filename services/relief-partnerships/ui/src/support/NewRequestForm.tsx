import { Button, Card, Form, NumberInput, Select, TextInput, useAsync, useI18n, useProblemSentence } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PURPOSES, SUPPORT_KINDS, useReliefApi, type MeansTest, type SupportKind } from '../api';
import { Textarea, useNeighbourhood } from '../common';

/** A new request: from an accepted referral (resident and household from it), or direct for a certified candidate or given ids. */
export function NewRequestForm({ root }: { root: string }) {
  const api = useReliefApi();
  const navigate = useNavigate();
  const { t } = useI18n();
  const nbh = useNeighbourhood();
  const sentence = useProblemSentence('relief');
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
        ? {
            referralId,
            kind: chosen?.kind ?? kind,
            ...(chosen?.householdRef ? {} : { householdRef: householdRef.trim() }),
            requestedRials: Number(amount),
            businessPlan: plan.trim(),
            meansTest,
          }
        : {
            residentRef: residentRef.trim(),
            householdRef: householdRef.trim(),
            ...(neighbourhoodId ? { neighbourhoodId } : {}),
            kind,
            purpose,
            requestedRials: Number(amount),
            businessPlan: plan.trim(),
            meansTest,
          };
      const created = await api.submit(body);
      navigate(`${root}/${created.requestId}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Card title={t('relief.new.title')}>
      <Form onSubmit={() => void submit()} error={sentence(error)} testId="support-form">
        <div className="hg-form__row">
          <Select
            label={t('relief.new.referral')}
            value={referralId}
            onChange={(e) => setReferralId(e.target.value)}
            options={[
              { value: '', label: t('relief.new.noReferral') },
              ...open.map((r) => ({
                value: r.referralId,
                label: `${r.trackingCode} · ${t(`relief.kind.${r.kind}`)} · ${nbh(r.neighbourhoodId)}`,
              })),
            ]}
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
              <TextInput
                label={t('relief.resident')}
                value={residentRef}
                onChange={(e) => setResidentRef(e.target.value)}
                data-testid="support-resident"
              />
              <Select
                label={t('relief.purpose')}
                value={purpose}
                onChange={(e) => setPurpose(e.target.value)}
                options={PURPOSES.map((p) => ({ value: p, label: t(`relief.purpose.${p}`) }))}
                data-testid="support-purpose"
              />
            </>
          )}
          {(!referralId || (chosen && !chosen.householdRef)) && (
            <TextInput
              label={t('relief.household')}
              value={householdRef}
              onChange={(e) => setHouseholdRef(e.target.value)}
              data-testid="support-household"
            />
          )}
          {!referralId && (
            <Select
              label={t('relief.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as SupportKind)}
              options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`relief.kind.${k}`) }))}
              data-testid="support-kind"
            />
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
