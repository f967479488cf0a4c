import { Button, Card, Form, TextInput, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useWelfareApi } from '../api';
import { useChange, type PartProps } from './useChange';

/** Reopens a closed case, saying why. */
export function ReopenPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  async function submit() {
    if (reason.trim().length < 3) {
      setMissing(true);
      return;
    }
    setMissing(false);
    await run(() => api.reopen(c.caseId, reason.trim()));
  }
  return (
    <Card title={t('welfare.reopen.title')} testId="welfare-reopen">
      <Form onSubmit={submit} error={error} testId="welfare-reopen-form">
        <TextInput
          label={t('welfare.reopen.reason')}
          data-testid="welfare-reopen-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing ? t('welfare.required') : undefined}
        />
        <Button type="submit" busy={busy} data-testid="welfare-reopen-submit">
          {t('welfare.reopen.submit')}
        </Button>
      </Form>
    </Card>
  );
}
