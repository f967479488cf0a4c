import { AmountInput, Button, Card, Form, NumberInput, Select, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useFundingApi, type Application, type ConditionKind } from '../api';
import { useFieldProblems, useRules } from '../labels';

interface TrancheDraft {
  percent: string;
  kind: ConditionKind;
  atLeast: string;
}
interface AwardDraft {
  amount: number | null;
  seats: string;
  plan: TrancheDraft[];
}

/** The plan an award starts from: 30% once 80% of the seats enrol, 40% once half complete, 30% once 80% complete. */
const defaultPlan = (seats: number): TrancheDraft[] => {
  const atLeast = (share: number) => String(Math.max(1, Math.round(seats * share)));
  return [
    { percent: '30', kind: 'enrolments', atLeast: atLeast(0.8) },
    { percent: '40', kind: 'completions', atLeast: atLeast(0.5) },
    { percent: '30', kind: 'completions', atLeast: atLeast(0.8) },
  ];
};

/** The award: amount, seats and the tranche plan (each tranche's share and the verified outcome it waits for). */
export function AwardForm({ application, onDone, onCancel }: { application: Application; onDone: () => void; onCancel: () => void }) {
  const api = useFundingApi();
  const { t, formatNumber } = useI18n();
  const problems = useFieldProblems();
  const rules = useRules();
  const form = useForm<AwardDraft>({
    defaultValues: {
      amount: application.amountRequestedRials,
      seats: String(application.proposedSeats),
      plan: defaultPlan(application.proposedSeats),
    },
  });
  const tranches = useFieldArray({ control: form.control, name: 'plan' });
  const plan = useWatch({ control: form.control, name: 'plan' });
  const sum = plan.reduce((s, p) => s + Number(p.percent || 0), 0);
  const award = useApiMutation((body: Parameters<typeof api.award>[1]) => api.award(application.applicationId, body), {
    onSuccess: () => onDone(),
  });
  const refused = problems(award.error);
  const { errors } = form.formState;

  const submit = form.handleSubmit((draft) =>
    award.run({
      amountRials: draft.amount ?? 0,
      seats: Number(draft.seats),
      plan: draft.plan.map((p) => ({ percent: Number(p.percent), condition: { kind: p.kind, atLeast: Number(p.atLeast) } })),
    }),
  );
  return (
    <Card title={t('if.award.title')} testId="if-award-form-card">
      <Form onSubmit={() => void submit()} error={refused.form} testId="if-award-form">
        <Controller
          control={form.control}
          name="amount"
          rules={rules.amount}
          render={({ field }) => (
            <AmountInput
              label={t('if.award.amount')}
              data-testid="if-award-amount"
              value={field.value}
              onChange={field.onChange}
              error={errors.amount?.message ?? refused.fields['amountRials']}
            />
          )}
        />
        <Controller
          control={form.control}
          name="seats"
          rules={rules.positive}
          render={({ field }) => (
            <NumberInput
              label={t('if.award.seats')}
              data-testid="if-award-seats"
              value={field.value}
              onValueChange={field.onChange}
              error={errors.seats?.message ?? refused.fields['seats']}
            />
          )}
        />
        {tranches.fields.map((tranche, i) => (
          <fieldset key={tranche.id} className="hg-form__row" data-testid={`if-award-tranche-${i + 1}`}>
            <legend>{t('if.award.tranche', { no: formatNumber(i + 1) })}</legend>
            <Controller
              control={form.control}
              name={`plan.${i}.percent`}
              rules={rules.positive}
              render={({ field }) => (
                <NumberInput
                  label={t('if.award.percent')}
                  data-testid={`if-award-percent-${i + 1}`}
                  value={field.value}
                  onValueChange={field.onChange}
                  error={errors.plan?.[i]?.percent?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`plan.${i}.kind`}
              render={({ field }) => (
                <Select
                  label={t('if.award.kind')}
                  data-testid={`if-award-kind-${i + 1}`}
                  value={field.value}
                  onChange={(e) => field.onChange(e.target.value as ConditionKind)}
                  options={(['enrolments', 'completions'] as const).map((k) => ({ value: k, label: t(`if.condition.${k}`) }))}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`plan.${i}.atLeast`}
              rules={rules.positive}
              render={({ field }) => (
                <NumberInput
                  label={t('if.award.atLeast')}
                  data-testid={`if-award-atleast-${i + 1}`}
                  value={field.value}
                  onValueChange={field.onChange}
                  error={errors.plan?.[i]?.atLeast?.message}
                />
              )}
            />
          </fieldset>
        ))}
        <p className={sum === 100 ? 'hg-muted' : 'hg-field__error'} data-testid="if-award-sum">
          {t('if.award.sum', { sum: formatNumber(sum) })}
        </p>
        <div className="hg-form__row">
          <Button type="submit" busy={award.busy} disabled={sum !== 100} data-testid="if-award-submit">
            {t('if.applications.award')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('if.cancel')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
