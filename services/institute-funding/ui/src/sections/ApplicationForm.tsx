import { AmountInput, Button, Card, Form, NumberInput, Select, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useFundingApi, type FundingCall, type Institute } from '../api';
import { CheckList, useFieldProblems, useLabels, useRules } from '../labels';

interface ApplicationDraft {
  instituteId: string;
  trades: string[];
  seats: string;
  amount: number | null;
}

/** An institute's application to an open call (recorded by the officer): trades of the call, seats and the amount asked. */
export function ApplicationForm({ call, institutes, onDone }: { call: FundingCall; institutes: Institute[]; onDone: () => void }) {
  const api = useFundingApi();
  const { t, localize } = useI18n();
  const labels = useLabels();
  const problems = useFieldProblems();
  const rules = useRules();
  const eligible = institutes.filter((i) => call.neighbourhoodIds.includes(i.neighbourhoodId));
  const form = useForm<ApplicationDraft>({
    defaultValues: { instituteId: eligible[0]?.instituteId ?? '', trades: [], seats: '', amount: null },
  });
  const apply = useApiMutation((body: Parameters<typeof api.apply>[0]) => api.apply(body), {
    onSuccess: () => (form.reset({ ...form.getValues(), trades: [], seats: '', amount: null }), onDone()),
  });
  const refused = problems(apply.error);
  const { errors } = form.formState;

  const submit = form.handleSubmit((draft) =>
    apply.run({
      callId: call.callId,
      instituteId: draft.instituteId,
      trades: draft.trades,
      proposedSeats: Number(draft.seats),
      amountRequestedRials: draft.amount ?? 0,
    }),
  );
  return (
    <Card title={t('if.applications.record')}>
      <Form onSubmit={() => void submit()} error={refused.form} testId="if-application-form">
        <Controller
          control={form.control}
          name="instituteId"
          rules={rules.picked}
          render={({ field }) => (
            <Select
              label={t('if.applications.institute')}
              data-testid="if-application-institute"
              value={field.value}
              onChange={(e) => field.onChange(e.target.value)}
              error={errors.instituteId?.message ?? refused.fields['instituteId']}
              options={eligible.map((i) => ({ value: i.instituteId, label: localize(i.name) }))}
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
              options={call.trades.map((id) => ({ value: id, label: labels.trade(id) }))}
              value={field.value}
              onChange={field.onChange}
              error={errors.trades?.message ?? refused.fields['trades']}
              testId="if-application-trades"
            />
          )}
        />
        <Controller
          control={form.control}
          name="seats"
          rules={rules.positive}
          render={({ field }) => (
            <NumberInput
              label={t('if.applications.seats')}
              data-testid="if-application-seats"
              value={field.value}
              onValueChange={field.onChange}
              error={errors.seats?.message ?? refused.fields['proposedSeats']}
            />
          )}
        />
        <Controller
          control={form.control}
          name="amount"
          rules={rules.amount}
          render={({ field }) => (
            <AmountInput
              label={t('if.applications.requested')}
              data-testid="if-application-amount"
              value={field.value}
              onChange={field.onChange}
              error={errors.amount?.message ?? refused.fields['amountRequestedRials']}
            />
          )}
        />
        <Button type="submit" busy={apply.busy} data-testid="if-application-submit">
          {t('if.save')}
        </Button>
      </Form>
    </Card>
  );
}
