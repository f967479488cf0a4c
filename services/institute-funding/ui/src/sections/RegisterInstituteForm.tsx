import { today } from '@hamgam/contracts/days';
import { Button, Card, DateInput, Form, TextInput, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useFundingApi } from '../api';
import { CheckList, NeighbourhoodPicker, useFieldProblems, useOptions, useRules } from '../labels';

interface InstituteDraft {
  fa: string;
  en: string;
  licenceNo: string;
  licenceValidUntil: string;
  neighbourhoodId: string;
  address: string;
  trades: string[];
}

const blank = (): InstituteDraft => ({
  fa: '',
  en: '',
  licenceNo: '',
  licenceValidUntil: today(365),
  neighbourhoodId: '',
  address: '',
  trades: [],
});

/** A new institute: officers name it and pick its neighbourhood and trades; the API makes its id. */
export function RegisterInstituteForm({ onDone }: { onDone: () => void }) {
  const api = useFundingApi();
  const { t } = useI18n();
  const options = useOptions();
  const problems = useFieldProblems();
  const rules = useRules();
  const form = useForm<InstituteDraft>({ defaultValues: blank() });
  const register = useApiMutation((body: Parameters<typeof api.registerInstitute>[0]) => api.registerInstitute(body), {
    onSuccess: () => (form.reset(blank()), onDone()),
  });
  const refused = problems(register.error);
  const { errors } = form.formState;
  // The field's own sentence first (left empty), else the API's refusal naming it.
  const errorOf = (name: keyof InstituteDraft, apiField: string = name) => errors[name]?.message ?? refused.fields[apiField];

  const submit = form.handleSubmit((draft) =>
    register.run({
      name: { fa: draft.fa.trim(), en: draft.en.trim() },
      licenceNo: draft.licenceNo.trim().toUpperCase(),
      licenceValidUntil: draft.licenceValidUntil,
      neighbourhoodId: draft.neighbourhoodId,
      address: draft.address.trim(),
      trades: draft.trades,
    }),
  );

  return (
    <Card title={t('if.institutes.register')}>
      <Form onSubmit={() => void submit()} error={refused.form} testId="if-institute-form">
        <TextInput
          label={t('if.institutes.nameFa')}
          data-testid="if-institute-fa"
          {...form.register('fa', rules.filled)}
          error={errorOf('fa', 'name')}
        />
        <TextInput
          label={t('if.institutes.nameEn')}
          dir="ltr"
          data-testid="if-institute-en"
          {...form.register('en', rules.filled)}
          error={errorOf('en', 'name')}
        />
        <TextInput
          label={t('if.institutes.licence')}
          dir="ltr"
          data-testid="if-institute-licence"
          {...form.register('licenceNo', rules.filled)}
          error={errorOf('licenceNo')}
        />
        <Controller
          control={form.control}
          name="licenceValidUntil"
          rules={rules.picked}
          render={({ field }) => (
            <DateInput
              label={t('if.institutes.validUntil')}
              data-testid="if-institute-valid"
              value={field.value}
              onChange={field.onChange}
              error={errorOf('licenceValidUntil')}
            />
          )}
        />
        <Controller
          control={form.control}
          name="neighbourhoodId"
          rules={rules.picked}
          render={({ field }) => (
            <NeighbourhoodPicker
              label={t('if.institutes.neighbourhood')}
              testId="if-institute-nbh"
              value={field.value}
              onChange={field.onChange}
              error={errorOf('neighbourhoodId')}
            />
          )}
        />
        <TextInput
          label={t('if.institutes.address')}
          data-testid="if-institute-address"
          {...form.register('address', rules.filled)}
          error={errorOf('address')}
        />
        <Controller
          control={form.control}
          name="trades"
          rules={rules.ticked}
          render={({ field }) => (
            <CheckList
              label={t('if.institutes.trades')}
              options={options.trades}
              value={field.value}
              onChange={field.onChange}
              error={errorOf('trades')}
              testId="if-institute-trades"
            />
          )}
        />
        <Button type="submit" busy={register.busy} data-testid="if-institute-submit">
          {t('if.save')}
        </Button>
      </Form>
    </Card>
  );
}
