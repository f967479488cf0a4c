import {
  AmountInput,
  Button,
  Card,
  Form,
  ReferencePicker,
  Select,
  useApiMutation,
  useApiQuery,
  useFieldProblem,
  useI18n,
} from '@hamgam/ui-kit';
import { useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { PURPOSES, SUPPORT_KINDS, useReliefApi, type MeansTest, type NewRequest, type ReferredPerson, type SupportKind } from '../api';
import { Textarea, useNeighbourhood, useTradeName } from '../common';

/** Who a direct request is for: ids only for the API, picked from what relief knows, never typed. */
interface Person {
  residentRef: string;
  householdRef: string;
  neighbourhoodId: string | null;
}

interface Draft {
  referralId: string;
  /** Who a direct request (or an old referral without its household) is for; required then. */
  person: Person | null;
  kind: SupportKind;
  purpose: string;
  amount: number | null;
  plan: string;
  meansTest: MeansTest;
}

/** The fields a refusal may name, each shown under its own field (the rest above the form). */
const fields = ['requestedRials', 'businessPlan'] as const;

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
  const [pickedFrom, setPickedFrom] = useState<string | null>(null);
  const problems = useFieldProblem('relief');
  const form = useForm<Draft>({
    defaultValues: {
      referralId: '',
      person: null,
      kind: 'micro-loan',
      purpose: 'income-support',
      amount: null,
      plan: '',
      meansTest: 'not-done',
    },
  });
  const [referralId, person] = useWatch({ control: form.control, name: ['referralId', 'person'] });
  const setPerson = (picked: Person | null) => form.setValue('person', picked, { shouldValidate: form.formState.isSubmitted });
  const open = referrals.data ?? [];
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
  const needsPerson = (id: string) => {
    const referral = open.find((r) => r.referralId === id);
    return !id || (referral !== undefined && !referral.householdRef);
  };
  const required = t('relief.new.required');
  const send = form.handleSubmit(({ referralId, person, kind, purpose, amount, plan, meansTest }) => {
    const chosen = open.find((r) => r.referralId === referralId);
    const terms = { requestedRials: amount!, businessPlan: plan.trim(), meansTest };
    return submit.run(
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
  });
  const { errors } = form.formState;

  return (
    <Card title={t('relief.new.title')}>
      <Form onSubmit={() => void send()} error={problems.rest(submit.error, fields) ?? undefined} testId="support-form">
        <div className="hg-form__row">
          <Select
            label={t('relief.new.referral')}
            {...form.register('referralId')}
            options={[
              { value: '', label: t('relief.new.noReferral') },
              ...open.map((r) => ({
                value: r.referralId,
                label: `${r.trackingCode} · ${t(`relief.kind.${r.kind}`)} · ${nbh(r.neighbourhoodId)}`,
              })),
            ]}
            data-testid="support-referral"
          />
          {needsPerson(referralId) && (
            <Controller
              control={form.control}
              name="person"
              rules={{ validate: (value, draft) => value !== null || !needsPerson(draft.referralId) || required }}
              render={() => (
                <ReferencePicker
                  label={t('relief.new.person')}
                  placeholder={t('relief.new.personHint')}
                  value={pickedFrom}
                  onChange={(value) => pickReferred(value)}
                  search={searchReferred}
                  error={errors.person?.message}
                  testId="support-person"
                />
              )}
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
                {...form.register('purpose')}
                options={PURPOSES.map((p) => ({ value: p, label: t(`relief.purpose.${p}`) }))}
                data-testid="support-purpose"
              />
              <Select
                label={t('relief.kind')}
                {...form.register('kind')}
                options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`relief.kind.${k}`) }))}
                data-testid="support-kind"
              />
            </>
          )}
          <Controller
            control={form.control}
            name="amount"
            rules={{ validate: (v) => !!v || required }}
            render={({ field }) => (
              <AmountInput
                label={t('relief.requested')}
                value={field.value}
                onChange={field.onChange}
                error={errors.amount?.message ?? problems.of(submit.error, 'requestedRials')}
                data-testid="support-amount"
              />
            )}
          />
          <Select
            label={t('relief.new.meansTest')}
            {...form.register('meansTest')}
            options={(['not-done', 'passed', 'failed'] as const).map((m) => ({ value: m, label: t(`relief.means.${m}`) }))}
            data-testid="support-means-test"
          />
        </div>
        <Textarea
          label={t('relief.new.plan')}
          {...form.register('plan', { validate: (v) => v.trim() !== '' || required })}
          error={errors.plan?.message ?? problems.of(submit.error, 'businessPlan')}
          data-testid="support-plan"
        />
        <div>
          <Button type="submit" busy={submit.busy} data-testid="support-submit">
            {t('relief.new.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
