import { Card, ConfirmButton, ErrorCard, useI18n } from '@hamgam/ui-kit';
import { useReliefApi, type SupportRequestPage } from '../api';
import { useRials } from '../common';
import { UnverifiedBlocked } from './UnverifiedBlocked';
import { useStep } from './useStep';

/** An approved request: pay it (or hand over the equipment), after saying in the page how much, to which request. */
export function DisburseCard({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const rials = useRials();
  const step = useStep(onChange);
  const amount = request.decision?.amountRials ?? request.requestedRials;
  return (
    <Card title={t('relief.page.disburse')}>
      {step.error !== undefined && <ErrorCard error={step.error} />}
      <UnverifiedBlocked request={request} />
      <ConfirmButton
        busy={step.busy}
        disabled={request.unverified}
        question={t('relief.page.disburseConfirm', { amount: rials(amount), number: request.requestNumber })}
        confirmLabel={t('relief.page.disburseYes')}
        onConfirm={() => void step.run(() => api.disburse(request.requestId))}
        testId="support-disburse"
      >
        {t('relief.page.disburse')}
      </ConfirmButton>
    </Card>
  );
}
