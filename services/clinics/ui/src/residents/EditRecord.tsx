import { Button, Form, TextInput, toLatinDigits, useApiMutation, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useResidentsApi, type HouseholdDetail, type Resident } from './api';
import { PersonInputs, personFields, personOf, type PersonFields } from './PersonInputs';

/** Corrects a household's file number (a typo at registration); the service refuses one another household has, said under the field. */
export function EditFileNumber({ household }: { household: HouseholdDetail }) {
  const api = useResidentsApi();
  const { t } = useI18n();
  const problems = useFieldProblem('clinics');
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, formState } = useForm({ defaultValues: { fileNumber: household.fileNumber } });
  const save = useApiMutation((fileNumber: string) => api.correctHousehold(household.id, fileNumber), {
    invalidates: [
      ['clinics', 'household', household.id],
      ['clinics', 'households'],
    ],
    onSuccess: () => setOpen(false),
  });
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="edit-household">
        {t('residents.editFileNumber')}
      </Button>
    );
  return (
    <Form
      onSubmit={() => void handleSubmit((v) => void save.run(toLatinDigits(v.fileNumber).trim()))()}
      error={problems.rest(save.error, ['fileNumber'])}
      testId="edit-household-form"
    >
      <div className="hg-form__row">
        <TextInput
          label={t('residents.fileNumber')}
          data-testid="edit-household-file"
          maxLength={40}
          required
          error={formState.errors.fileNumber?.message ?? problems.of(save.error, 'fileNumber')}
          {...register('fileNumber', {
            validate: (value) =>
              toLatinDigits(value).trim()
                ? /^[\w\-/]+$/.test(toLatinDigits(value).trim()) || t('residents.fileNumberInvalid')
                : t('residents.fileNumberRequired'),
          })}
        />
        <Button type="submit" busy={save.busy} data-testid="save-household">
          {t('residents.save')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('residents.cancel')}
        </Button>
      </div>
    </Form>
  );
}

/** Corrects a resident's name, phone, relation or birth year (a national id is never changed: register again). */
export function EditResident({ resident }: { resident: Resident }) {
  const api = useResidentsApi();
  const { t } = useI18n();
  const problems = useFieldProblem('clinics');
  const [open, setOpen] = useState(false);
  const form = useForm<PersonFields>({
    defaultValues: {
      fullName: resident.personal?.fullName ?? '',
      phone: resident.personal?.phone ?? '',
      relation: resident.relation,
      birthYear: resident.birthYear ? String(resident.birthYear) : '',
    },
  });
  const save = useApiMutation((v: PersonFields) => api.correctResident(resident.id, personOf(v)), {
    invalidates: [
      ['clinics', 'resident', resident.id],
      ['clinics', 'household', resident.householdId],
    ],
    onSuccess: () => setOpen(false),
  });
  if (!resident.personal) return null;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="edit-resident">
        {t('residents.edit')}
      </Button>
    );
  const fieldError = (field: keyof PersonFields) => form.formState.errors[field]?.message ?? problems.of(save.error, field);
  return (
    <Form
      onSubmit={() => void form.handleSubmit((v) => void save.run(v))()}
      error={problems.rest(save.error, personFields)}
      testId="edit-resident-form"
    >
      <div className="hg-form__row">
        <FormProvider {...form}>
          <PersonInputs errorOf={fieldError} testIdPrefix="edit-resident" />
        </FormProvider>
      </div>
      <div className="hg-form__row">
        <Button type="submit" busy={save.busy} data-testid="save-resident">
          {t('residents.save')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('residents.cancel')}
        </Button>
      </div>
    </Form>
  );
}
