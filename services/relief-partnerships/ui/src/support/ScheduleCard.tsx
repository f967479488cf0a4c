import { isPastDay, today } from '@hamgam/contracts/days';
import { AmountInput, Badge, Button, Card, DataTable, DateInput, Form, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useReliefApi, type SupportRequestPage } from '../api';
import { useRials, useRoles } from '../common';
import { useStep } from './useStep';

/** A loan's instalments (paid, late), what is outstanding and in arrears, and its repayments; officers record one. */
export function ScheduleCard({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t, formatDate, formatNumber } = useI18n();
  const rials = useRials();
  const roles = useRoles();
  const step = useStep(onChange);
  const schedule = request.schedule!;
  const arrears = request.arrears!;
  const problems = useFieldProblem('relief');
  const required = t('relief.new.required');
  // The next instalment's remainder is proposed, paid today.
  const repayment = useForm({ defaultValues: { amount: arrears.nextDue?.remainingRials ?? null, paidOn: today() } });
  const repay = repayment.handleSubmit(({ amount, paidOn }) => step.run(() => api.repay(request.requestId, amount ?? 0, paidOn)));
  const { errors } = repayment.formState;
  /** Whether the repayments (applied in order) cover instalment `no` in full. */
  const paidThrough = (no: number) => schedule.instalments.slice(0, no).reduce((sum, i) => sum + i.amountRials, 0) <= arrears.paidRials;
  return (
    <Card title={t('relief.page.schedule')} testId="support-schedule">
      <p>
        {t('relief.page.total', {
          principal: formatNumber(schedule.principalRials),
          fee: formatNumber(schedule.feeRials),
          total: formatNumber(schedule.totalRials),
        })}
      </p>
      <p data-testid="support-outstanding">{t('relief.page.outstanding', { amount: formatNumber(arrears.outstandingRials) })}</p>
      {arrears.arrearsRials > 0 && (
        <p>
          <Badge tone="danger" testId="support-arrears">
            {t('relief.page.arrears', { amount: formatNumber(arrears.arrearsRials), count: arrears.overdueInstalments })}
          </Badge>
        </p>
      )}
      <DataTable
        columns={[
          { key: 'no', header: t('relief.page.instalment'), render: (i) => formatNumber(i.no) },
          { key: 'due', header: t('relief.page.dueOn'), render: (i) => formatDate(i.dueOn) },
          { key: 'amount', header: t('relief.page.amount'), render: (i) => rials(i.amountRials) },
          {
            key: 'state',
            header: '',
            render: (i) =>
              paidThrough(i.no) ? (
                <Badge tone="success">{t('relief.instalment.paid')}</Badge>
              ) : isPastDay(i.dueOn, today()) ? (
                <Badge tone="danger">{t('relief.instalment.late')}</Badge>
              ) : null,
          },
        ]}
        rows={schedule.instalments}
        rowKey={(i) => String(i.no)}
        testId="support-instalments"
      />
      <h3>{t('relief.page.repayments')}</h3>
      <ul data-testid="support-repayments">
        {request.repayments.map((r) => (
          <li key={r.repaymentId}>
            {formatDate(r.paidOn)} · {rials(r.amountRials)}
          </li>
        ))}
      </ul>
      {roles.relief && request.state !== 'repaid' && (
        <Form onSubmit={() => void repay()} error={problems.rest(step.error, ['amountRials', 'paidOn'])} testId="support-repay-form">
          <div className="hg-form__row">
            <Controller
              control={repayment.control}
              name="amount"
              rules={{ validate: (v) => !!v || required }}
              render={({ field }) => (
                <AmountInput
                  label={t('relief.page.amount')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.amount?.message ?? problems.of(step.error, 'amountRials')}
                  data-testid="support-repay-amount"
                />
              )}
            />
            <Controller
              control={repayment.control}
              name="paidOn"
              rules={{ required }}
              render={({ field }) => (
                <DateInput
                  label={t('relief.page.paidOn')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.paidOn?.message ?? problems.of(step.error, 'paidOn')}
                  data-testid="support-repay-date"
                />
              )}
            />
          </div>
          <div>
            <Button type="submit" busy={step.busy} data-testid="support-repay">
              {t('relief.page.repay')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
