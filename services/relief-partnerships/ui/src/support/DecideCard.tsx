import { AmountInput, Button, Card, Form, NumberInput, Select, TextInput, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useReliefApi, type MeansTest, type SupportRequestPage } from '../api';
import { UnverifiedBlocked } from './UnverifiedBlocked';
import { useStep } from './useStep';

interface Approval {
  amount: number | null;
  months: string;
  grace: string;
  fee: string;
}

/** The fields of the approval a refusal may name, each shown under its own field (the rest above the form). */
const approvalFields = ['amountRials', 'terms.months', 'terms.graceMonths', 'terms.feePercent'] as const;

/** An undecided request: approve it (a loan with its terms), reject it with a reason, or record the committee's means test. */
export function DecideCard({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const step = useStep(onChange);
  const problems = useFieldProblem('relief');
  const required = t('relief.new.required');
  const approval = useForm<Approval>({ defaultValues: { amount: request.requestedRials, months: '36', grace: '3', fee: '4' } });
  const rejection = useForm({ defaultValues: { reason: '' } });
  const [means, setMeans] = useState<MeansTest>(request.meansTest);
  const loan = request.kind === 'micro-loan';
  const approve = approval.handleSubmit(({ amount, months, grace, fee }) =>
    step.run(() =>
      api.approve(
        request.requestId,
        amount ?? 0,
        loan ? { months: Number(months), graceMonths: Number(grace), feePercent: Number(fee) } : undefined,
      ),
    ),
  );
  const reject = rejection.handleSubmit(({ reason }) => step.run(() => api.reject(request.requestId, reason.trim())));
  const { errors } = approval.formState;
  const term = (name: 'months' | 'grace', apiField: string, label: string, testId: string) => (
    <Controller
      control={approval.control}
      name={name}
      rules={{ required }}
      render={({ field }) => (
        <NumberInput
          label={label}
          value={field.value}
          onValueChange={field.onChange}
          error={errors[name]?.message ?? problems.of(step.error, apiField)}
          data-testid={testId}
        />
      )}
    />
  );
  return (
    <Card title={t('relief.page.decide')} testId="support-decide">
      <Form onSubmit={() => void approve()} error={problems.rest(step.error, [...approvalFields, 'reason'])} testId="support-approve-form">
        <div className="hg-form__row">
          <Controller
            control={approval.control}
            name="amount"
            rules={{ validate: (v) => !!v || required }}
            render={({ field }) => (
              <AmountInput
                label={t('relief.page.amount')}
                value={field.value}
                onChange={field.onChange}
                error={errors.amount?.message ?? problems.of(step.error, 'amountRials')}
                data-testid="support-approve-amount"
              />
            )}
          />
          {loan && (
            <>
              {term('months', 'terms.months', t('relief.page.months'), 'support-approve-months')}
              {term('grace', 'terms.graceMonths', t('relief.page.grace'), 'support-approve-grace')}
              <TextInput
                label={t('relief.page.fee')}
                {...approval.register('fee', { validate: (v) => v.trim() !== '' || required })}
                error={errors.fee?.message ?? problems.of(step.error, 'terms.feePercent')}
                inputMode="decimal"
                data-testid="support-approve-fee"
              />
            </>
          )}
        </div>
        <UnverifiedBlocked request={request} />
        <div>
          <Button
            type="submit"
            busy={step.busy}
            disabled={!request.eligibleToday.eligible || request.unverified}
            data-testid="support-approve"
          >
            {t('relief.page.approve')}
          </Button>
        </div>
      </Form>
      <Form onSubmit={() => void reject()}>
        <div className="hg-form__row">
          <TextInput
            label={t('relief.page.reason')}
            {...rejection.register('reason', { validate: (v) => v.trim() !== '' || required })}
            error={rejection.formState.errors.reason?.message ?? problems.of(step.error, 'reason')}
            data-testid="support-reject-reason"
          />
          <Button type="submit" variant="secondary" busy={step.busy} data-testid="support-reject">
            {t('relief.page.reject')}
          </Button>
        </div>
      </Form>
      <div className="hg-form__row">
        <Select
          label={t('relief.new.meansTest')}
          value={means}
          onChange={(e) => setMeans(e.target.value as MeansTest)}
          options={(['not-done', 'passed', 'failed'] as const).map((m) => ({ value: m, label: t(`relief.means.${m}`) }))}
          data-testid="support-means"
        />
        <Button
          variant="secondary"
          busy={step.busy}
          onClick={() => void step.run(() => api.meansTest(request.requestId, means))}
          data-testid="support-means-save"
        >
          {t('relief.page.setMeansTest')}
        </Button>
      </div>
    </Card>
  );
}
