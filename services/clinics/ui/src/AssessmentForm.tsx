import { Button, Card, Form, Select, TextInput, toLatinDigits, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useClinicsApi, type NeedCategory } from './api';
import { useResidentsApi } from './residents/api';

const SEVERITIES = [0, 1, 2, 3, 4, 5] as const;

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
  const [householdRef, setHouseholdRef] = useState('');
  const [severities, setSeverities] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<{ householdRef?: string; needs?: string }>({});
  const [savedRef, setSavedRef] = useState<string>();

  const needs = categories.map((c) => ({ category: c.id, severity: severities[c.id] ?? 0 })).filter((need) => need.severity > 0);

  // The household of that file number at this clinic, registered first if the clinic has none yet.
  const saving = useApiMutation(
    async (ref: string) => {
      const found = await residents.householdsPage(clinicId, { q: ref, sort: 'newest', archived: 'exclude' });
      const known = found.items.find((h) => h.fileNumber.toUpperCase() === ref.toUpperCase());
      const household = known ?? (await residents.registerHousehold(clinicId, ref));
      await api.recordAssessment({ clinicId, neighbourhoodId, householdRef: household.id, needs });
      return ref;
    },
    {
      onSuccess: (ref) => {
        setHouseholdRef('');
        setSeverities({});
        setSavedRef(ref);
        onSaved();
      },
    },
  );
  const apiError = saving.error ?? undefined;

  function submit() {
    const ref = toLatinDigits(householdRef).trim();
    const found = {
      householdRef: ref ? undefined : t('clinics.form.householdRefRequired'),
      needs: needs.length > 0 ? undefined : t('clinics.form.needsRequired'),
    };
    setErrors(found);
    setSavedRef(undefined);
    if (found.householdRef || found.needs) return;

    void saving.run(ref);
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
          value={householdRef}
          onChange={(event) => setHouseholdRef(event.target.value)}
          error={errors.householdRef}
        />
        <div className="hg-form__row">
          {categories.map((category) => (
            <Select
              key={category.id}
              label={localize(category.label)}
              data-testid={`severity-${category.id}`}
              value={String(severities[category.id] ?? 0)}
              onChange={(event) => setSeverities({ ...severities, [category.id]: Number(event.target.value) })}
              options={severityOptions}
            />
          ))}
        </div>
        {errors.needs && (
          <p className="hg-field__error" role="alert">
            {errors.needs}
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
