import { today } from '@hamgam/contracts/days';
import { Badge, Button, Card, DateInput, Form, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useReliefApi, type SupportRequestPage } from '../api';
import { Textarea, useRoles } from '../common';
import { useStep } from './useStep';

/** Visits to the business after the support reached it; officers record one. */
export function FollowUps({ request, onChange }: { request: SupportRequestPage; onChange: (p: SupportRequestPage) => void }) {
  const api = useReliefApi();
  const { t, formatDate } = useI18n();
  const roles = useRoles();
  const step = useStep(onChange);
  const problems = useFieldProblem('relief');
  const form = useForm({ defaultValues: { visitedOn: today(), operating: true, note: '' } });
  const record = form.handleSubmit(({ visitedOn, operating, note }) =>
    step
      .run(() => api.followUp(request.requestId, visitedOn, operating, note.trim()))
      .then((recorded) => {
        if (recorded) form.reset();
      }),
  );
  return (
    <Card title={t('relief.page.followUps')} testId="support-follow-ups">
      <ul>
        {request.followUps.map((f) => (
          <li key={f.followUpId}>
            {formatDate(f.visitedOn)} ·{' '}
            <Badge tone={f.operating ? 'success' : 'warning'}>{t(f.operating ? 'relief.page.operating' : 'relief.page.stopped')}</Badge>{' '}
            {f.note}
          </li>
        ))}
      </ul>
      {roles.relief && (
        <Form onSubmit={() => void record()} error={problems.rest(step.error, ['visitedOn'])} testId="support-follow-up-form">
          <div className="hg-form__row">
            <Controller
              control={form.control}
              name="visitedOn"
              rules={{ required: t('relief.new.required') }}
              render={({ field, fieldState }) => (
                <DateInput
                  label={t('relief.page.visitedOn')}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message ?? problems.of(step.error, 'visitedOn')}
                  data-testid="support-follow-up-date"
                />
              )}
            />
            <label>
              <input type="checkbox" {...form.register('operating')} data-testid="support-follow-up-operating" />{' '}
              {t('relief.page.operating')}
            </label>
          </div>
          <Textarea label={t('relief.page.note')} {...form.register('note')} rows={2} data-testid="support-follow-up-note" />
          <div>
            <Button type="submit" busy={step.busy} data-testid="support-follow-up">
              {t('relief.page.addFollowUp')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
