import { today } from '@hamgam/contracts/days';
import { Button, Card, DateInput, Form, TextInput, useApiMutation, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { ATTENDEES, useReliefApi, type Meeting } from './api';
import { Textarea } from './common';

interface Draft {
  heldOn: string;
  title: string;
  attendees: string[];
  decisions: string;
}

/** The fields a refusal may name, each shown under its own field (the rest above the form). */
const fields = ['heldOn', 'title', 'attendees', 'decisions'] as const;

/** Records a joint meeting held with the partners: its day, who attended (at least two) and what was decided. */
export function NewJointMeetingForm({ onCreated }: { onCreated: () => void }) {
  const api = useReliefApi();
  const { t, lookup } = useI18n();
  const problems = useFieldProblem('relief');
  const form = useForm<Draft>({
    defaultValues: { heldOn: today(), title: '', attendees: ['relief-committee', 'basij-construction'], decisions: '' },
  });
  const create = useApiMutation((body: Omit<Meeting, 'meetingId'>) => api.createMeeting(body), {
    module: 'relief',
    onSuccess: () => {
      form.setValue('title', '');
      form.setValue('decisions', '');
      onCreated();
    },
  });
  const required = t('relief.new.required');
  const submit = form.handleSubmit((draft) =>
    create.run({
      heldOn: draft.heldOn,
      title: draft.title.trim(),
      // In the programme's order, whatever order they were ticked in.
      attendees: ATTENDEES.filter((a) => draft.attendees.includes(a)),
      decisions: draft.decisions.trim(),
    }),
  );
  const { errors } = form.formState;
  const fieldError = (name: (typeof fields)[number]) => errors[name]?.message ?? problems.of(create.error, name);
  return (
    <Card title={t('relief.meetings.new')}>
      <Form onSubmit={() => void submit()} error={problems.rest(create.error, fields) ?? undefined} testId="joint-meeting-form">
        <div className="hg-form__row">
          <Controller
            control={form.control}
            name="heldOn"
            rules={{ required }}
            render={({ field }) => (
              <DateInput
                label={t('relief.meetings.heldOn')}
                value={field.value}
                onChange={field.onChange}
                error={fieldError('heldOn')}
                data-testid="joint-meeting-date"
              />
            )}
          />
          <TextInput
            label={t('relief.projects.name')}
            {...form.register('title', { validate: (v) => v.trim() !== '' || required })}
            error={fieldError('title')}
            data-testid="joint-meeting-title"
          />
        </div>
        <fieldset className="hg-field" style={{ border: 0, padding: 0 }}>
          <legend className="hg-field__label">{t('relief.meetings.attendees')}</legend>
          <div className="hg-form__row">
            {ATTENDEES.map((a) => (
              <label key={a}>
                <input
                  type="checkbox"
                  value={a}
                  {...form.register('attendees', { validate: (v) => v.length >= 2 || t('relief.meetings.attendeesTooFew') })}
                  data-testid={`joint-meeting-attendee-${a}`}
                />{' '}
                {lookup(`relief.agency.${a}`) ?? a}
              </label>
            ))}
          </div>
          {fieldError('attendees') && (
            <span className="hg-field__error" data-testid="joint-meeting-attendees-error">
              {fieldError('attendees')}
            </span>
          )}
        </fieldset>
        <Textarea
          label={t('relief.meetings.decisions')}
          {...form.register('decisions', { validate: (v) => v.trim() !== '' || required })}
          error={fieldError('decisions')}
          data-testid="joint-meeting-decisions"
        />
        <div>
          <Button type="submit" busy={create.busy} data-testid="joint-meeting-create">
            {t('relief.meetings.create')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
