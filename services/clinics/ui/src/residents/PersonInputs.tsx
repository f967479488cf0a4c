import { DigitsInput, Select, TextInput, useI18n } from '@hamgam/ui-kit';
import { Controller, useFormContext } from 'react-hook-form';
import { relations, type NewResident, type Relation } from './api';

/** What the clinic records of a person besides the national id, when registering and when correcting alike. */
export interface PersonFields {
  fullName: string;
  /** Latin digits (DigitsInput shows them in the locale's). */
  phone: string;
  relation: Relation;
  birthYear: string;
}

export const personFields = ['fullName', 'phone', 'relation', 'birthYear'] as const;

/** The fields as the API takes them: the name trimmed, the birth year a number (null when not given). */
export function personOf(v: PersonFields): Omit<NewResident, 'nationalId'> {
  return { fullName: v.fullName.trim(), phone: v.phone, relation: v.relation, birthYear: v.birthYear ? Number(v.birthYear) : null };
}

interface Props {
  /** A field's message: its own rule's, else a refusal of the API that names it. */
  errorOf: (field: keyof PersonFields) => string | undefined;
  /** The inputs' test ids are `<prefix>-name`, `<prefix>-phone`, `<prefix>-relation`, `<prefix>-birth-year`. */
  testIdPrefix: string;
}

/** The name, phone, relation and birth-year inputs with their rules, inside a react-hook-form FormProvider holding PersonFields. */
export function PersonInputs({ errorOf, testIdPrefix }: Props) {
  const { t } = useI18n();
  const { register, control } = useFormContext<PersonFields>();
  return (
    <>
      <TextInput
        label={t('residents.name')}
        data-testid={`${testIdPrefix}-name`}
        maxLength={120}
        error={errorOf('fullName')}
        {...register('fullName', { validate: (v) => v.trim().length >= 2 || t('residents.nameRequired') })}
      />
      <Controller
        control={control}
        name="phone"
        rules={{ validate: (v) => /^\d{7,13}$/.test(v) || t('residents.phoneInvalid') }}
        render={({ field }) => (
          <DigitsInput
            label={t('residents.phone')}
            data-testid={`${testIdPrefix}-phone`}
            inputMode="tel"
            maxDigits={13}
            value={field.value}
            onValueChange={field.onChange}
            error={errorOf('phone')}
          />
        )}
      />
      <Select
        label={t('residents.relation')}
        data-testid={`${testIdPrefix}-relation`}
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
            data-testid={`${testIdPrefix}-birth-year`}
            maxDigits={4}
            value={field.value}
            onValueChange={field.onChange}
            error={errorOf('birthYear')}
          />
        )}
      />
    </>
  );
}
