import { today } from '@hamgam/contracts/days';
import { AmountInput, Button, Card, DateInput, Form, TextInput, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useFundingApi } from '../api';
import { CheckList, useFieldProblems, useOptions, useRules } from '../labels';

interface CallDraft {
  fa: string;
  en: string;
  budget: number | null;
  neighbourhoodIds: string[];
  trades: string[];
  opensOn: string;
  closesOn: string;
}

const blank = (): CallDraft => ({ fa: '', en: '', budget: null, neighbourhoodIds: [], trades: [], opensOn: today(), closesOn: today(30) });

/** A new funding call: its title in both languages, budget, target neighbourhoods and trades, and its days. */
export function OpenCallForm({ onDone }: { onDone: () => void }) {
  const api = useFundingApi();
  const { t } = useI18n();
  const options = useOptions();
  const problems = useFieldProblems();
  const rules = useRules();
  const form = useForm<CallDraft>({ defaultValues: blank() });
  const open = useApiMutation((body: Parameters<typeof api.openCall>[0]) => api.openCall(body), {
    onSuccess: () => (form.reset(blank()), onDone()),
  });
  // Each refusal under the field it is about (a title, the budget, a day), in the officer's language.
  const refused = problems(open.error);
  const { errors } = form.formState;

  const submit = form.handleSubmit((draft) =>
    open.run({
      title: { fa: draft.fa.trim(), en: draft.en.trim() },
      budgetRials: draft.budget ?? 0,
      neighbourhoodIds: draft.neighbourhoodIds,
      trades: draft.trades,
      opensOn: draft.opensOn,
      closesOn: draft.closesOn,
    }),
  );
  return (
    <Card title={t('if.calls.open')}>
      <Form onSubmit={() => void submit()} error={refused.form} testId="if-call-form">
        <TextInput
          label={t('if.calls.titleFa')}
          data-testid="if-call-fa"
          {...form.register('fa', rules.filled)}
          error={errors.fa?.message ?? refused.fields['title']}
        />
        <TextInput
          label={t('if.calls.titleEn')}
          dir="ltr"
          data-testid="if-call-en"
          {...form.register('en', rules.filled)}
          error={errors.en?.message ?? refused.fields['title']}
        />
        <Controller
          control={form.control}
          name="budget"
          rules={rules.amount}
          render={({ field }) => (
            <AmountInput
              label={t('if.calls.budget')}
              data-testid="if-call-budget"
              value={field.value}
              onChange={field.onChange}
              error={errors.budget?.message ?? refused.fields['budgetRials']}
            />
          )}
        />
        <Controller
          control={form.control}
          name="neighbourhoodIds"
          rules={rules.ticked}
          render={({ field }) => (
            <CheckList
              label={t('if.calls.targets')}
              options={options.neighbourhoods}
              value={field.value}
              onChange={field.onChange}
              error={errors.neighbourhoodIds?.message ?? refused.fields['neighbourhoodIds']}
              testId="if-call-nbhs"
            />
          )}
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
              error={errors.trades?.message ?? refused.fields['trades']}
              testId="if-call-trades"
            />
          )}
        />
        <Controller
          control={form.control}
          name="opensOn"
          rules={rules.picked}
          render={({ field }) => (
            <DateInput
              label={t('if.calls.opensOn')}
              data-testid="if-call-opens"
              value={field.value}
              onChange={field.onChange}
              error={errors.opensOn?.message ?? refused.fields['opensOn']}
            />
          )}
        />
        <Controller
          control={form.control}
          name="closesOn"
          rules={rules.picked}
          render={({ field }) => (
            <DateInput
              label={t('if.calls.closesOn')}
              data-testid="if-call-closes"
              value={field.value}
              onChange={field.onChange}
              error={errors.closesOn?.message ?? refused.fields['closesOn']}
            />
          )}
        />
        <Button type="submit" busy={open.busy} data-testid="if-call-submit">
          {t('if.save')}
        </Button>
      </Form>
    </Card>
  );
}
