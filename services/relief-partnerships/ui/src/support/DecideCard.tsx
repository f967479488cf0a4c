import { AmountInput, Button, Card, Form, NumberInput, Select, TextInput, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useReliefApi, type MeansTest, type SupportRequestPage } from '../api';
import { UnverifiedBlocked } from './UnverifiedBlocked';
import { useStep } from './useStep';

/** An undecided request: approve it (a loan with its terms), reject it with a reason, or record the committee's means test. */
export function DecideCard({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const step = useStep(onChange);
  const [amount, setAmount] = useState<number | null>(request.requestedRials);
  const [months, setMonths] = useState('36');
  const [grace, setGrace] = useState('3');
  const [fee, setFee] = useState('4');
  const [reason, setReason] = useState('');
  const [means, setMeans] = useState<MeansTest>(request.meansTest);
  const loan = request.kind === 'micro-loan';
  const approve = () =>
    api.approve(
      request.requestId,
      amount ?? 0,
      loan ? { months: Number(months), graceMonths: Number(grace), feePercent: Number(fee) } : undefined,
    );
  return (
    <Card title={t('relief.page.decide')} testId="support-decide">
      <Form onSubmit={() => void step.run(approve)} error={step.error} testId="support-approve-form">
        <div className="hg-form__row">
          <AmountInput label={t('relief.page.amount')} value={amount} onChange={setAmount} data-testid="support-approve-amount" />
          {loan && (
            <>
              <NumberInput label={t('relief.page.months')} value={months} onValueChange={setMonths} data-testid="support-approve-months" />
              <NumberInput label={t('relief.page.grace')} value={grace} onValueChange={setGrace} data-testid="support-approve-grace" />
              <TextInput
                label={t('relief.page.fee')}
                value={fee}
                onChange={(e) => setFee(e.target.value)}
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
            disabled={!request.eligibleToday.eligible || request.unverified || !amount}
            data-testid="support-approve"
          >
            {t('relief.page.approve')}
          </Button>
        </div>
      </Form>
      <div className="hg-form__row">
        <TextInput
          label={t('relief.page.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="support-reject-reason"
        />
        <Button
          variant="secondary"
          busy={step.busy}
          disabled={!reason.trim()}
          onClick={() => void step.run(() => api.reject(request.requestId, reason.trim()))}
          data-testid="support-reject"
        >
          {t('relief.page.reject')}
        </Button>
      </div>
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
