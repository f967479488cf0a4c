import { today } from '@hamgam/contracts/days';
import { Badge, Button, Card, DateInput, Form, TextInput, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useWelfareApi } from '../api';
import { useChange, type PartProps } from './useChange';

/** Home visits, newest first, and the form recording one with the next visit's day. */
export function VisitsPart({ c, setCase }: PartProps) {
  const api = useWelfareApi();
  const { t, formatDate } = useI18n();
  const { error, busy, run } = useChange(setCase);
  const problems = useFieldProblem('welfare');
  // Tehran's today and the next visit a month on are proposed; the refusals naming a day are said under it.
  const form = useForm({ defaultValues: { visitedOn: today(), notes: '', nextVisitOn: today(30) } });
  const { errors } = form.formState;
  const canVisit = c.state === 'planned' || c.state === 'in-follow-up';
  const submit = form.handleSubmit(async ({ visitedOn, notes, nextVisitOn }) => {
    if (await run(() => api.visit(c.caseId, { visitedOn, notes: notes.trim(), nextVisitOn: nextVisitOn || null })))
      form.setValue('notes', '');
  });

  return (
    <Card title={t('welfare.visits.title')} testId="welfare-visits">
      {c.visitOverdue && (
        <Badge tone="danger" testId="welfare-visit-overdue">
          {t('welfare.case.visitOverdue')}
        </Badge>
      )}
      {c.visits.length === 0 ? (
        <p className="hg-empty">{canVisit ? t('welfare.visits.empty') : t('welfare.visits.planFirst')}</p>
      ) : (
        <ul>
          {[...c.visits].reverse().map((v) => (
            <li key={v.visitId} data-testid={`welfare-visit-${v.visitId}`}>
              <strong>{formatDate(v.visitedOn)}</strong>: {v.notes}
              {v.nextVisitOn && <small> — {t('welfare.case.nextVisit', { date: formatDate(v.nextVisitOn) })}</small>}
            </li>
          ))}
        </ul>
      )}
      {canVisit && (
        <Form
          onSubmit={() => void submit()}
          error={problems.rest(error, ['visitedOn', 'nextVisitOn', 'notes'])}
          testId="welfare-visit-form"
        >
          <div className="hg-form__row">
            <Controller
              control={form.control}
              name="visitedOn"
              rules={{ required: t('welfare.required') }}
              render={({ field }) => (
                <DateInput
                  label={t('welfare.visits.date')}
                  data-testid="welfare-visit-date"
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.visitedOn?.message ?? problems.of(error, 'visitedOn')}
                />
              )}
            />
            <Controller
              control={form.control}
              name="nextVisitOn"
              render={({ field }) => (
                <DateInput
                  label={t('welfare.visits.next')}
                  data-testid="welfare-visit-next"
                  value={field.value}
                  onChange={field.onChange}
                  error={problems.of(error, 'nextVisitOn')}
                />
              )}
            />
          </div>
          <TextInput
            label={t('welfare.visits.notes')}
            data-testid="welfare-visit-notes"
            {...form.register('notes', { validate: (v) => v.trim() !== '' || t('welfare.required') })}
            error={errors.notes?.message ?? problems.of(error, 'notes')}
          />
          <Button type="submit" busy={busy} data-testid="welfare-visit-submit">
            {t('welfare.visits.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
