import { Button, Card, Form, ReferencePicker, useApiMutation, useFieldProblem, useI18n, type ReferenceOption } from '@hamgam/ui-kit';
import { useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { useWelfareApi, type KnownHousehold } from '../api';
import { usePlaces } from '../parts';

/**
 * Opens a case directly for a household welfare knows of: picked from the households the clinics named in
 * their referrals to welfare (by tracking code, with where and for what), never typed as an id; the
 * neighbourhood is picked by name from the programme's list (the household's own is proposed).
 */
export function OpenCaseForm({ base }: { base: string }) {
  const api = useWelfareApi();
  const { t, localize, formatDate } = useI18n();
  const navigate = useNavigate();
  const places = usePlaces();
  // The rows the last search answered: the picker gives back the referral's id, the case needs its household.
  const found = useRef(new Map<string, KnownHousehold>());
  const form = useForm<{ household: KnownHousehold | null; neighbourhoodId: string | null }>({
    defaultValues: { household: null, neighbourhoodId: null },
  });
  const { errors } = form.formState;
  const open = useApiMutation(
    ({ household, neighbourhoodId }: { household: KnownHousehold; neighbourhoodId: string }) =>
      api.open({
        householdRef: household.householdRef,
        residentRef: household.residentRef,
        neighbourhoodId,
        clinicId: household.neighbourhoodId === neighbourhoodId ? household.clinicId : null,
      }),
    { invalidates: [['welfare', 'caseload']], onSuccess: (opened) => navigate(`${base}/${opened.caseId}`) },
  );

  const describe = (h: KnownHousehold): ReferenceOption => ({
    value: h.referralId,
    label: `${h.trackingCode} · ${h.neighbourhoodName ? localize(h.neighbourhoodName) : t('welfare.place.unknown')}`,
    hint: [h.offerTitle ? localize(h.offerTitle) : null, formatDate(h.madeAt), h.openCase ? t('welfare.open.hasCase') : null]
      .filter(Boolean)
      .join(' · '),
  });
  async function search(text: string) {
    const rows = await api.households(text);
    found.current = new Map(rows.map((h) => [h.referralId, h]));
    return rows.map(describe);
  }
  function pick(referralId: string | null) {
    const picked = referralId ? (found.current.get(referralId) ?? null) : null;
    form.setValue('household', picked, { shouldValidate: form.formState.isSubmitted });
    // The household's own neighbourhood is the likely one; the officer may pick another.
    if (picked) form.setValue('neighbourhoodId', picked.neighbourhoodId, { shouldValidate: form.formState.isSubmitted });
  }
  const submit = form.handleSubmit(({ household, neighbourhoodId }) =>
    open.run({ household: household!, neighbourhoodId: neighbourhoodId! }),
  );
  // A refusal naming a field (422 neighbourhood-unknown) is said under it, in the officer's language.
  const problems = useFieldProblem('welfare');
  const fieldError = (field: string) => problems.of(open.error, field);

  return (
    <Card title={t('welfare.open.title')} testId="welfare-open">
      <p className="hg-muted">{t('welfare.open.explain')}</p>
      <Form onSubmit={() => void submit()} error={problems.rest(open.error, ['neighbourhoodId'])} testId="welfare-open-form">
        <div className="hg-form__row">
          <Controller
            control={form.control}
            name="household"
            rules={{ validate: (h) => h !== null || t('welfare.open.pickHousehold') }}
            render={({ field }) => (
              <ReferencePicker
                label={t('welfare.open.household')}
                placeholder={t('welfare.open.householdHint')}
                value={field.value?.referralId ?? null}
                onChange={(value) => pick(value)}
                search={search}
                error={errors.household?.message}
                required
                testId="welfare-open-household"
              />
            )}
          />
          <Controller
            control={form.control}
            name="neighbourhoodId"
            rules={{ validate: (id) => Boolean(id) || t('welfare.required') }}
            render={({ field }) => (
              <ReferencePicker
                label={t('welfare.open.neighbourhood')}
                value={field.value}
                onChange={field.onChange}
                options={places.neighbourhoods.map((n) => ({ value: n.neighbourhoodId, label: localize(n.name) }))}
                error={errors.neighbourhoodId?.message ?? fieldError('neighbourhoodId')}
                required
                testId="welfare-open-neighbourhood"
              />
            )}
          />
        </div>
        <Button type="submit" busy={open.busy} data-testid="welfare-open-submit">
          {t('welfare.open.submit')}
        </Button>
      </Form>
    </Card>
  );
}
