import { AmountInput, Button, Card, Form, ReferencePicker, Select, useApiMutation, useApiQuery, useI18n } from '@hamgam/ui-kit';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PURPOSES, SUPPORT_KINDS, useReliefApi, type MeansTest, type NewRequest, type ReferredPerson, type SupportKind } from '../api';
import { Textarea, useNeighbourhood, useTradeName } from '../common';

/** Who a direct request is for: ids only for the API, picked from what relief knows, never typed. */
interface Person {
  residentRef: string;
  householdRef: string;
  neighbourhoodId: string | null;
}

/**
 * A new request: from an accepted referral (resident and household from it), or direct for a person relief
 * knows — one a clinic referred to relief (picked by tracking code) or a certified candidate (by certificate).
 */
export function NewRequestForm({ root }: { root: string }) {
  const api = useReliefApi();
  const navigate = useNavigate();
  const { t, localize, formatDate } = useI18n();
  const nbh = useNeighbourhood();
  const tradeName = useTradeName();
  const referrals = useApiQuery(['relief-partnerships', 'support-referrals'], () => api.openReferrals(), { module: 'relief' });
  const candidates = useApiQuery(['relief-partnerships', 'candidates'], () => api.candidates(), { module: 'relief' });
  // The rows the last search answered: the picker gives back a referral's id, the request needs its people.
  const found = useRef(new Map<string, ReferredPerson>());
  const [referralId, setReferralId] = useState('');
  const [pickedFrom, setPickedFrom] = useState<string | null>(null);
  const [person, setPerson] = useState<Person | null>(null);
  const [kind, setKind] = useState<SupportKind>('micro-loan');
  const [purpose, setPurpose] = useState<string>('income-support');
  const [amount, setAmount] = useState<number | null>(null);
  const [plan, setPlan] = useState('');
  const [meansTest, setMeansTest] = useState<MeansTest>('not-done');
  const [missing, setMissing] = useState(false);
  const open = referrals.data ?? [];
  const chosen = open.find((r) => r.referralId === referralId);
  const certified = candidates.data ?? [];
  const submit = useApiMutation((body: NewRequest) => api.submit(body), {
    module: 'relief',
    invalidates: [['relief-partnerships']],
    onSuccess: (created) => navigate(`${root}/${created.requestId}`),
  });

  const pickCandidate = (ref: string) => {
    const candidate = certified.find((c) => c.residentRef === ref);
    setPickedFrom(null);
    setPerson(
      candidate?.householdRef
        ? { residentRef: ref, householdRef: candidate.householdRef, neighbourhoodId: candidate.neighbourhoodId }
        : null,
    );
  };
  const pickReferred = (id: string | null) => {
    const picked = id ? found.current.get(id) : undefined;
    setPickedFrom(picked ? picked.referralId : null);
    setPerson(
      picked ? { residentRef: picked.residentRef, householdRef: picked.householdRef, neighbourhoodId: picked.neighbourhoodId } : null,
    );
  };
  async function searchReferred(text: string) {
    const rows = await api.referredPeople(text);
    found.current = new Map(rows.map((p) => [p.referralId, p]));
    return rows.map((p) => ({
      value: p.referralId,
      label: `${p.trackingCode} · ${p.neighbourhoodName ? localize(p.neighbourhoodName) : nbh(p.neighbourhoodId)}`,
      hint: [p.offerTitle ? localize(p.offerTitle) : null, formatDate(p.madeAt)].filter(Boolean).join(' · '),
    }));
  }

  // A referral from before referrals carried the household: the household is picked like a direct request's.
  const needsPerson = !referralId || (chosen !== undefined && !chosen.householdRef);
  function send() {
    const incomplete = !amount || !plan.trim() || (needsPerson && !person);
    setMissing(incomplete);
    if (incomplete) return;
    const terms = { requestedRials: amount!, businessPlan: plan.trim(), meansTest };
    void submit.run(
      referralId
        ? { referralId, kind: chosen?.kind ?? kind, ...(chosen?.householdRef ? {} : { householdRef: person!.householdRef }), ...terms }
        : {
            residentRef: person!.residentRef,
            householdRef: person!.householdRef,
            ...(person!.neighbourhoodId ? { neighbourhoodId: person!.neighbourhoodId } : {}),
            kind,
            purpose,
            ...terms,
          },
    );
  }

  return (
    <Card title={t('relief.new.title')}>
      <Form onSubmit={send} error={submit.error} testId="support-form">
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
          {needsPerson && (
            <ReferencePicker
              label={t('relief.new.person')}
              placeholder={t('relief.new.personHint')}
              value={pickedFrom}
              onChange={(value) => pickReferred(value)}
              search={searchReferred}
              testId="support-person"
            />
          )}
          {!referralId && certified.length > 0 && (
            <Select
              label={t('relief.new.candidate')}
              value={person && !pickedFrom && certified.some((c) => c.residentRef === person.residentRef) ? person.residentRef : ''}
              onChange={(e) => pickCandidate(e.target.value)}
              options={[
                { value: '', label: t('relief.new.noCandidate') },
                ...certified
                  .filter((c) => c.householdRef)
                  .map((c) => ({
                    value: c.residentRef,
                    label: [
                      c.certificateNo ?? t('relief.new.noCertificateNo'),
                      tradeName(c.trade),
                      nbh(c.neighbourhoodId),
                      c.eligibleToday ? t('relief.new.candidateEligible') : null,
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  })),
              ]}
              data-testid="support-candidate"
            />
          )}
          {!referralId && (
            <>
              <Select
                label={t('relief.purpose')}
                value={purpose}
                onChange={(e) => setPurpose(e.target.value)}
                options={PURPOSES.map((p) => ({ value: p, label: t(`relief.purpose.${p}`) }))}
                data-testid="support-purpose"
              />
              <Select
                label={t('relief.kind')}
                value={kind}
                onChange={(e) => setKind(e.target.value as SupportKind)}
                options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`relief.kind.${k}`) }))}
                data-testid="support-kind"
              />
            </>
          )}
          <AmountInput label={t('relief.requested')} value={amount} onChange={setAmount} data-testid="support-amount" />
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
          <Button type="submit" busy={submit.busy} data-testid="support-submit">
            {t('relief.new.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
