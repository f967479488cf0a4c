import { Button, Card, Form, TextInput, useApiMutation, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { useResidentsApi, type DuplicateAnswer } from './api';
import { PersonInputs, personFields, personOf, type PersonFields } from './PersonInputs';
import { isValidNationalId, normaliseNationalId } from './nationalId';

interface Props {
  basePath: string;
  clinicId: string;
  householdId: string;
  onRegistered: () => void;
}

interface Fields extends PersonFields {
  nationalId: string;
}
const fields = ['nationalId', ...personFields] as const;
const empty: Fields = { nationalId: '', fullName: '', phone: '', relation: 'head', birthYear: '' };

/** Registers a member; the national id is checked for a duplicate (by its blind index) as soon as it is typed. */
export function RegisterResidentForm({ basePath, clinicId, householdId, onRegistered }: Props) {
  const api = useResidentsApi();
  const { t } = useI18n();
  const problems = useFieldProblem('clinics');
  const form = useForm<Fields>({ defaultValues: empty });
  const { register, handleSubmit, getValues, reset, formState } = form;
  const [duplicate, setDuplicate] = useState<DuplicateAnswer & { checked: string }>();
  const [checkError, setCheckError] = useState<unknown>();

  async function check(value = getValues('nationalId')): Promise<DuplicateAnswer | undefined> {
    if (!isValidNationalId(value)) return undefined;
    const normalised = normaliseNationalId(value);
    if (duplicate?.checked === normalised) return duplicate;
    const answer = await api.duplicateCheck(clinicId, normalised);
    setDuplicate({ ...answer, checked: normalised });
    return answer;
  }

  // The duplicate check first (a registered id is not sent again); `false` when it found someone.
  const registering = useApiMutation(
    async (values: Fields) => {
      const answer = await check(values.nationalId);
      if (answer?.exists) return false;
      await api.registerResident(householdId, { nationalId: normaliseNationalId(values.nationalId), ...personOf(values) });
      return true;
    },
    {
      onSuccess: (registered) => {
        if (!registered) return;
        reset({ ...empty, relation: 'other' });
        setDuplicate(undefined);
        onRegistered();
      },
    },
  );
  const apiError = registering.error ?? checkError;

  // A field's own rule first, then a refusal that names it; other refusals above the form.
  const errorOf = (field: (typeof fields)[number]) => formState.errors[field]?.message ?? problems.of(apiError, field);
  return (
    <Card title={t('residents.newResident')}>
      <Form
        onSubmit={() => void handleSubmit((values) => void registering.run(values))()}
        error={problems.rest(apiError, fields)}
        testId="register-resident-form"
      >
        <div className="hg-form__row">
          <TextInput
            label={t('residents.nationalId')}
            data-testid="resident-national-id"
            inputMode="numeric"
            dir="ltr"
            maxLength={14}
            error={errorOf('nationalId')}
            {...register('nationalId', {
              validate: (v) => isValidNationalId(v) || t('residents.nationalIdInvalid'),
              onChange: () => setDuplicate(undefined),
              onBlur: () => void check().catch(setCheckError),
            })}
          />
          <FormProvider {...form}>
            <PersonInputs errorOf={errorOf} testIdPrefix="resident" />
          </FormProvider>
        </div>
        {duplicate?.exists && (
          <p role="alert" className="hg-field__error" data-testid="duplicate-warning" data-same-clinic={String(duplicate.sameClinic)}>
            {duplicate.sameClinic ? t('residents.duplicateSame') : t('residents.duplicateOther')}{' '}
            {duplicate.residentId && (
              <Link to={`${basePath}/residents/${duplicate.residentId}`} data-testid="duplicate-open">
                {t('residents.openExisting')}
              </Link>
            )}
          </p>
        )}
        {duplicate && !duplicate.exists && (
          <p role="status" className="hg-empty" data-testid="duplicate-none">
            {t('residents.notDuplicate')}
          </p>
        )}
        <div className="hg-form__row">
          <Button type="submit" busy={registering.busy} disabled={duplicate?.exists} data-testid="register-resident">
            {t('residents.register')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
