import { Button, Card, Form, TextInput, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { useForm } from 'react-hook-form';
import { useWelfareApi } from '../api';
import { useChange, type PartProps } from './useChange';

/** Reopens a closed case, saying why. */
export function ReopenPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const problems = useFieldProblem('welfare');
  const form = useForm({ defaultValues: { reason: '' } });
  const submit = form.handleSubmit(({ reason }) => run(() => api.reopen(c.caseId, reason.trim())));
  return (
    <Card title={t('welfare.reopen.title')} testId="welfare-reopen">
      <Form onSubmit={() => void submit()} error={problems.rest(error, ['reason'])} testId="welfare-reopen-form">
        <TextInput
          label={t('welfare.reopen.reason')}
          data-testid="welfare-reopen-reason"
          {...form.register('reason', { validate: (v) => v.trim().length >= 3 || t('welfare.required') })}
          error={form.formState.errors.reason?.message ?? problems.of(error, 'reason')}
        />
        <Button type="submit" busy={busy} data-testid="welfare-reopen-submit">
          {t('welfare.reopen.submit')}
        </Button>
      </Form>
    </Card>
  );
}
