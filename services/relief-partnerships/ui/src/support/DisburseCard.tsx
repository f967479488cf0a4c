import { Button, Card, ErrorCard, useI18n } from '@hamgam/ui-kit';
import { useReliefApi, type SupportRequestPage } from '../api';
import { UnverifiedBlocked } from './UnverifiedBlocked';
import { useStep } from './useStep';

/** An approved request: pay it (or hand over the equipment). */
export function DisburseCard({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const step = useStep(onChange);
  return (
    <Card title={t('relief.page.disburse')}>
      {step.error !== undefined && <ErrorCard error={step.error} />}
      <UnverifiedBlocked request={request} />
      <Button
        busy={step.busy}
        disabled={request.unverified}
        onClick={() => void step.run(() => api.disburse(request.requestId))}
        data-testid="support-disburse"
      >
        {t('relief.page.disburse')}
      </Button>
    </Card>
  );
}
