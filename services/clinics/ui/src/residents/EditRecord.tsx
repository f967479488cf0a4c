import { Button, DigitsInput, Form, Select, TextInput, toLatinDigits, useApiMutation, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { relations, useResidentsApi, type HouseholdDetail, type Relation, type Resident } from './api';

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

interface ResidentFields {
  fullName: string;
  phone: string;
  relation: Relation;
  birthYear: string;
}

/** Corrects a resident's name, phone, relation or birth year (a national id is never changed: register again). */
export function EditResident({ resident }: { resident: Resident }) {
  const api = useResidentsApi();
  const { t } = useI18n();
  const problems = useFieldProblem('clinics');
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, control, formState } = useForm<ResidentFields>({
    defaultValues: {
      fullName: resident.personal?.fullName ?? '',
      phone: resident.personal?.phone ?? '',
      relation: resident.relation,
      birthYear: resident.birthYear ? String(resident.birthYear) : '',
    },
  });
  const save = useApiMutation(
    (v: ResidentFields) =>
      api.correctResident(resident.id, {
        fullName: v.fullName.trim(),
        phone: v.phone,
        relation: v.relation,
        birthYear: v.birthYear ? Number(v.birthYear) : null,
      }),
    {
      invalidates: [
        ['clinics', 'resident', resident.id],
        ['clinics', 'household', resident.householdId],
      ],
      onSuccess: () => setOpen(false),
    },
  );
  if (!resident.personal) return null;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="edit-resident">
        {t('residents.edit')}
      </Button>
    );
  const fieldError = (field: keyof ResidentFields) => formState.errors[field]?.message ?? problems.of(save.error, field);
  return (
    <Form
      onSubmit={() => void handleSubmit((v) => void save.run(v))()}
      error={problems.rest(save.error, ['fullName', 'phone', 'relation', 'birthYear'])}
      testId="edit-resident-form"
    >
      <div className="hg-form__row">
        <TextInput
          label={t('residents.name')}
          data-testid="edit-resident-name"
          maxLength={120}
          error={fieldError('fullName')}
          {...register('fullName', { validate: (v) => v.trim().length >= 2 || t('residents.nameRequired') })}
        />
        <Controller
          control={control}
          name="phone"
          rules={{ validate: (v) => /^\d{7,13}$/.test(v) || t('residents.phoneInvalid') }}
          render={({ field }) => (
            <DigitsInput
              label={t('residents.phone')}
              data-testid="edit-resident-phone"
              inputMode="tel"
              maxDigits={13}
              value={field.value}
              onValueChange={field.onChange}
              error={fieldError('phone')}
            />
          )}
        />
        <Select
          label={t('residents.relation')}
          data-testid="edit-resident-relation"
          options={relations.map((r) => ({ value: r, label: t(`residents.relation.${r}`) }))}
          {...register('relation')}
        />
        <Controller
          control={control}
          name="birthYear"
          rules={{ validate: (v) => !v || (Number(v) >= 1300 && Number(v) <= 1500) || t('residents.birthYearInvalid') }}
          render={({ field }) => (
            <DigitsInput
              label={t('residents.birthYear')}
              data-testid="edit-resident-birth-year"
              maxDigits={4}
              value={field.value}
              onValueChange={field.onChange}
              error={fieldError('birthYear')}
            />
          )}
        />
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
