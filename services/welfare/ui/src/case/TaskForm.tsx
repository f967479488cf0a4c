import { today } from '@hamgam/contracts/days';
import { Button, DateInput, Form, TextInput, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useWelfareApi } from '../api';
import { useChange, type PartProps } from './useChange';

/** Adds a task with its due day to one goal of the plan. */
export function TaskForm({ c, goalId, setCase }: PartProps & { goalId: string }) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const problems = useFieldProblem('welfare');
  const form = useForm({ defaultValues: { text: '', dueOn: today(14) } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async ({ text, dueOn }) => {
    if (await run(() => api.addTask(c.caseId, goalId, { text: text.trim(), dueOn }))) form.setValue('text', '');
  });
  return (
    <Form onSubmit={() => void submit()} error={problems.rest(error, ['text', 'dueOn'])} testId={`welfare-task-form-${goalId}`}>
      <div className="hg-form__row">
        <TextInput
          label={t('welfare.plan.task')}
          data-testid={`welfare-task-text-${goalId}`}
          {...form.register('text', { validate: (v) => v.trim() !== '' || t('welfare.required') })}
          error={errors.text?.message ?? problems.of(error, 'text')}
        />
        <Controller
          control={form.control}
          name="dueOn"
          rules={{ required: t('welfare.required') }}
          render={({ field }) => (
            <DateInput
              label={t('welfare.plan.dueOn')}
              data-testid={`welfare-task-due-${goalId}`}
              value={field.value}
              onChange={field.onChange}
              error={errors.dueOn?.message ?? problems.of(error, 'dueOn')}
            />
          )}
        />
        <Button type="submit" variant="secondary" busy={busy} data-testid={`welfare-task-submit-${goalId}`}>
          {t('welfare.plan.addTask')}
        </Button>
      </div>
    </Form>
  );
}
