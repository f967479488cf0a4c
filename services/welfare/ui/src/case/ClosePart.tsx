import { Button, Card, Form, Select, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { closureReasons, useWelfareApi, type ClosureReason } from '../api';
import { useChange, type PartProps } from './useChange';

/** Closes an open case with its reason. */
export function ClosePart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [reason, setReason] = useState<ClosureReason>('goals-met');
  return (
    <Card title={t('welfare.close.title')} testId="welfare-close">
      <Form onSubmit={() => run(() => api.close(c.caseId, reason))} error={error} testId="welfare-close-form">
        <div className="hg-form__row">
          <Select
            label={t('welfare.close.reason')}
            data-testid="welfare-close-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value as ClosureReason)}
            options={closureReasons.map((r) => ({ value: r, label: t(`welfare.closure.${r}`) }))}
          />
          <Button type="submit" busy={busy} data-testid="welfare-close-submit">
            {t('welfare.close.submit')}
          </Button>
        </div>
        {c.referralId && <p className="hg-muted">{t('welfare.close.referralNote')}</p>}
      </Form>
    </Card>
  );
}
