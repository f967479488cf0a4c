import { Button, Card, Form, Select, TextInput, toLatinDigits, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { useClinicsApi, type NeedCategory } from './api';
import { useResidentsApi } from './residents/api';

const SEVERITIES = [0, 1, 2, 3, 4, 5] as const;

interface AssessmentFields {
  householdRef: string;
  /** A severity per category id; a category not there is 0, "not a need". */
  severities: Record<string, number>;
}

interface Props {
  neighbourhoodId: string;
  clinicId: string;
  categories: NeedCategory[];
  onSaved: () => void;
}

/**
 * A quick assessment of one household by its file number: a severity per category, 0 meaning "not a
 * need". The household is the clinic's registered one with that file number, registered now if new
 * (the full questionnaire is on the household's page under "households and residents").
 */
export function AssessmentForm({ neighbourhoodId, clinicId, categories, onSaved }: Props) {
  const api = useClinicsApi();
  const residents = useResidentsApi();
  const { t, formatNumber, localize } = useI18n();
  const [savedRef, setSavedRef] = useState<string>();
  const { control, register, handleSubmit, reset, formState } = useForm<AssessmentFields>({
    defaultValues: { householdRef: '', severities: {} },
  });
  const { errors } = formState;
  // The at-least-one-need rule is the whole record's: its error is one FieldError, though typed as one per category.
  const needsError = (errors.severities as FieldError | undefined)?.message;
  const needsOf = (severities: Record<string, number>) =>
    categories.map((c) => ({ category: c.id, severity: severities[c.id] ?? 0 })).filter((need) => need.severity > 0);

  // The household of that file number at this clinic, registered first if the clinic has none yet.
  const saving = useApiMutation(
    async ({ ref, needs }: { ref: string; needs: { category: string; severity: number }[] }) => {
      const found = await residents.householdsPage(clinicId, { q: ref, sort: 'newest', archived: 'exclude' });
      const known = found.items.find((h) => h.fileNumber.toUpperCase() === ref.toUpperCase());
      const household = known ?? (await residents.registerHousehold(clinicId, ref));
      await api.recordAssessment({ clinicId, neighbourhoodId, householdRef: household.id, needs });
      return ref;
    },
    {
      onSuccess: (ref) => {
        reset();
        setSavedRef(ref);
        onSaved();
      },
    },
  );
  const apiError = saving.error ?? undefined;

  function submit() {
    setSavedRef(undefined);
    void handleSubmit((v) => void saving.run({ ref: toLatinDigits(v.householdRef).trim(), needs: needsOf(v.severities) }))();
  }

  const severityOptions = SEVERITIES.map((s) => ({
    value: String(s),
    label: s === 0 ? t('clinics.form.notANeed') : formatNumber(s),
  }));

  return (
    <Card title={t('clinics.form.title')}>
      <Form onSubmit={submit} error={apiError} testId="assessment-form">
        <TextInput
          label={t('clinics.form.householdRef')}
          placeholder={t('clinics.form.householdRefHint')}
          data-testid="household-ref"
          error={errors.householdRef?.message}
          {...register('householdRef', { validate: (v) => Boolean(toLatinDigits(v).trim()) || t('clinics.form.householdRefRequired') })}
        />
        <Controller
          control={control}
          name="severities"
          rules={{ validate: (v) => needsOf(v).length > 0 || t('clinics.form.needsRequired') }}
          render={({ field }) => (
            <div className="hg-form__row">
              {categories.map((category) => (
                <Select
                  key={category.id}
                  label={localize(category.label)}
                  data-testid={`severity-${category.id}`}
                  value={String(field.value[category.id] ?? 0)}
                  onChange={(event) => field.onChange({ ...field.value, [category.id]: Number(event.target.value) })}
                  options={severityOptions}
                />
              ))}
            </div>
          )}
        />
        {needsError && (
          <p className="hg-field__error" role="alert">
            {needsError}
          </p>
        )}
        <div className="hg-form__row">
          <Button type="submit" busy={saving.busy} data-testid="save-assessment">
            {t('clinics.form.save')}
          </Button>
          {savedRef && (
            <span role="status" data-testid="assessment-saved">
              {t('clinics.form.saved', { ref: savedRef })}
            </span>
          )}
        </div>
      </Form>
    </Card>
  );
}
