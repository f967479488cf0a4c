import { today } from '@hamgam/contracts/days';
import { Button, DateInput, Form, TextInput, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useWelfareApi } from '../api';
import { useChange, type PartProps } from './useChange';

/** Adds a task with its due day to one goal of the plan. */
export function TaskForm({ c, goalId, setCase }: PartProps & { goalId: string }) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState(today(14));
  async function submit() {
    if (!text.trim()) return;
    if (await run(() => api.addTask(c.caseId, goalId, { text: text.trim(), dueOn }))) setText('');
  }
  return (
    <Form onSubmit={submit} error={error} testId={`welfare-task-form-${goalId}`}>
      <div className="hg-form__row">
        <TextInput
          label={t('welfare.plan.task')}
          data-testid={`welfare-task-text-${goalId}`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <DateInput label={t('welfare.plan.dueOn')} data-testid={`welfare-task-due-${goalId}`} value={dueOn} onChange={setDueOn} />
        <Button type="submit" variant="secondary" busy={busy} data-testid={`welfare-task-submit-${goalId}`}>
          {t('welfare.plan.addTask')}
        </Button>
      </div>
    </Form>
  );
}
