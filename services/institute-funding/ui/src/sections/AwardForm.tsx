import { AmountInput, Button, Card, Form, NumberInput, Select, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useFundingApi, type Application, type ConditionKind, type PlanItem } from '../api';
import { useFieldProblems } from '../labels';

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

const defaultPlan = (seats: number): PlanItem[] => [
  { percent: 30, condition: { kind: 'enrolments', atLeast: Math.max(1, Math.round(seats * 0.8)) } },
  { percent: 40, condition: { kind: 'completions', atLeast: Math.max(1, Math.round(seats * 0.5)) } },
  { percent: 30, condition: { kind: 'completions', atLeast: Math.max(1, Math.round(seats * 0.8)) } },
];

/** The award: amount, seats and the tranche plan (each tranche's share and the verified outcome it waits for). */
export function AwardForm({ application, onDone, onCancel }: { application: Application; onDone: () => void; onCancel: () => void }) {
  const api = useFundingApi();
  const { t, formatNumber } = useI18n();
  const problems = useFieldProblems();
  const form = useForm<AwardDraft>({
    defaultValues: {
      amount: application.amountRequestedRials,
      seats: String(application.proposedSeats),
      plan: defaultPlan(application.proposedSeats).map((p) => ({
        percent: String(p.percent),
        kind: p.condition.kind,
        atLeast: String(p.condition.atLeast),
      })),
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
  const positive = { validate: (v: string) => Number(v) > 0 || t('if.required') };

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
          rules={{ validate: (v) => (v !== null && v > 0) || t('if.required') }}
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
          rules={positive}
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
              rules={positive}
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
              rules={positive}
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
