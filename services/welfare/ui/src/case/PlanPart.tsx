import { Badge, Button, Card, ErrorCard, Form, TextInput, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { useForm } from 'react-hook-form';
import { useWelfareApi } from '../api';
import { TaskForm } from './TaskForm';
import { useChange, type PartProps } from './useChange';

/** The plan: its goals and their tasks, marked met or done, and the form adding a goal. */
export function PlanPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatDate } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const canPlan = c.state !== 'closed' && c.state !== 'opened';
  const canMark = c.state === 'planned' || c.state === 'in-follow-up';

  return (
    <Card title={t('welfare.plan.title')} testId="welfare-plan">
      {error !== undefined && <ErrorCard error={error} />}
      {c.state === 'opened' && <p className="hg-muted">{t('welfare.plan.assessFirst')}</p>}
      {c.goals.length === 0 && c.state !== 'opened' && <p className="hg-empty">{t('welfare.plan.empty')}</p>}
      <ul>
        {c.goals.map((g) => (
          <li key={g.goalId} data-testid={`welfare-goal-${g.goalId}`}>
            <label>
              <input
                type="checkbox"
                data-testid={`welfare-goal-met-${g.goalId}`}
                checked={g.met}
                disabled={!canMark || busy}
                onChange={(e) => {
                  // Read now: the change runs after React has put the controlled box back until the API answers.
                  const met = e.target.checked;
                  void run(() => api.markGoal(c.caseId, g.goalId, met));
                }}
              />{' '}
              <strong>{g.text}</strong> {g.met && <Badge tone="success">{t('welfare.plan.met')}</Badge>}
            </label>
            <ul>
              {g.tasks.map((task) => (
                <li key={task.taskId} data-testid={`welfare-task-${task.taskId}`}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid={`welfare-task-done-${task.taskId}`}
                      checked={task.done}
                      disabled={!canMark || busy}
                      onChange={(e) => {
                        const done = e.target.checked;
                        void run(() => api.markTask(c.caseId, task.taskId, done));
                      }}
                    />{' '}
                    {task.text} — {t('welfare.plan.due', { date: formatDate(task.dueOn) })}
                  </label>{' '}
                  {task.overdue && (
                    <Badge tone="danger" testId={`welfare-task-overdue-${task.taskId}`}>
                      {t('welfare.overdue')}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
            {canMark && <TaskForm c={c} goalId={g.goalId} setCase={setCase} />}
          </li>
        ))}
      </ul>
      {canPlan && <GoalForm c={c} setCase={setCase} />}
    </Card>
  );
}

/** Adds a goal to the plan (its refusal is said at the form, a mark's above the plan). */
function GoalForm({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const problems = useFieldProblem('welfare');
  const form = useForm({ defaultValues: { text: '' } });
  const submit = form.handleSubmit(async ({ text }) => {
    if (await run(() => api.addGoal(c.caseId, text.trim()))) form.setValue('text', '');
  });
  return (
    <Form onSubmit={() => void submit()} error={problems.rest(error, ['text'])} testId="welfare-goal-form">
      <div className="hg-form__row">
        <TextInput
          label={t('welfare.plan.goal')}
          data-testid="welfare-goal-text"
          {...form.register('text', { validate: (v) => v.trim() !== '' || t('welfare.required') })}
          error={form.formState.errors.text?.message ?? problems.of(error, 'text')}
        />
        <Button type="submit" busy={busy} data-testid="welfare-goal-submit">
          {t('welfare.plan.addGoal')}
        </Button>
      </div>
    </Form>
  );
}
