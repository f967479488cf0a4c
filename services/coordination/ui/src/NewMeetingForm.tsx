import {
  Button,
  Card,
  DateInput,
  Form,
  ReferencePicker,
  TextInput,
  useApiMutation,
  useFieldProblem,
  useI18n,
  useQueryClient,
} from '@hamgam/ui-kit';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { useCoordinationApi, type AgencyId, type AgencyRef, type NeighbourhoodRef, type NewMeeting } from './api';
import { keys } from './queries';

interface Draft {
  neighbourhoodId: string | null;
  scheduledOn: string;
  title: string;
  agencies: AgencyId[];
  representativeAttends: boolean;
  agenda: string;
}

/** The fields a refusal may name, each shown under its own field (the rest above the form). */
const fields = ['neighbourhoodId', 'scheduledOn', 'title', 'agencies', 'agenda'] as const;

/** A coordinator schedules a working-group meeting: the neighbourhood and agencies are picked from the API's lists. */
export function NewMeetingForm({
  neighbourhoods,
  agencies,
  basePath,
}: {
  neighbourhoods: readonly NeighbourhoodRef[];
  agencies: readonly AgencyRef[];
  basePath: string;
}) {
  const api = useCoordinationApi();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { t, localize } = useI18n();
  const problems = useFieldProblem('coordination');
  const form = useForm<Draft>({
    defaultValues: {
      neighbourhoodId: null,
      scheduledOn: '',
      title: '',
      // Every agency but the HQ itself is invited unless the coordinator says otherwise.
      agencies: agencies.filter((a) => a.id !== 'coordination').map((a) => a.id),
      representativeAttends: true,
      agenda: '',
    },
  });
  const create = useApiMutation((body: NewMeeting) => api.createMeeting(body), {
    module: 'coordination',
    invalidates: [keys.meetings],
    onSuccess: (meeting) => {
      client.setQueryData(keys.meeting(meeting.id), meeting);
      navigate(`${basePath}/meetings/${meeting.id}`);
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((draft) =>
    create.run({
      neighbourhoodId: draft.neighbourhoodId!,
      scheduledOn: draft.scheduledOn,
      title: draft.title.trim(),
      // In the API's order (the list it served), whatever order they were ticked in.
      agencies: agencies.map((a) => a.id).filter((id) => draft.agencies.includes(id)),
      representativeAttends: draft.representativeAttends,
      agenda: draft.agenda
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    }),
  );
  const fieldError = (name: (typeof fields)[number]) => errors[name]?.message ?? problems.of(create.error, name);

  return (
    <Card title={t('coordination.meetings.new')}>
      <Form onSubmit={() => void submit()} error={problems.rest(create.error, fields) ?? undefined} testId="meeting-form">
        <div className="hg-form__row">
          <Controller
            control={form.control}
            name="neighbourhoodId"
            rules={{ required: t('coordination.meetings.neighbourhoodRequired') }}
            render={({ field }) => (
              <ReferencePicker
                label={t('coordination.neighbourhood')}
                value={field.value}
                onChange={(value) => field.onChange(value)}
                options={neighbourhoods.map((n) => ({
                  value: n.id,
                  label: n.name ? localize(n.name) : t('coordination.neighbourhoodUnnamed'),
                  hint: n.county ? localize(n.county) : undefined,
                }))}
                error={fieldError('neighbourhoodId')}
                required
                testId="meeting-neighbourhood"
              />
            )}
          />
          <Controller
            control={form.control}
            name="scheduledOn"
            rules={{ required: t('coordination.meetings.dateRequired') }}
            render={({ field }) => (
              <DateInput
                label={t('coordination.meetings.date')}
                value={field.value}
                onChange={field.onChange}
                error={fieldError('scheduledOn')}
                data-testid="meeting-date"
              />
            )}
          />
          <TextInput
            label={t('coordination.meetings.name')}
            {...form.register('title', { validate: (v) => v.trim().length >= 3 || t('coordination.meetings.titleRequired') })}
            error={fieldError('title')}
            data-testid="meeting-title"
          />
        </div>
        <fieldset className="hg-field" style={{ border: 0, padding: 0 }}>
          <legend className="hg-field__label">{t('coordination.meetings.participants')}</legend>
          <div className="hg-form__row">
            {agencies.map((agency) => (
              <label key={agency.id}>
                <input
                  type="checkbox"
                  value={agency.id}
                  {...form.register('agencies', { validate: (v) => v.length > 0 || t('coordination.meetings.agenciesRequired') })}
                  data-testid={`meeting-agency-${agency.id}`}
                />{' '}
                {localize(agency.name)}
              </label>
            ))}
          </div>
          {fieldError('agencies') && <span className="hg-field__error">{fieldError('agencies')}</span>}
        </fieldset>
        <label>
          <input type="checkbox" {...form.register('representativeAttends')} data-testid="meeting-representative" />{' '}
          {t('coordination.meetings.representative')}
        </label>
        <label className="hg-field">
          <span className="hg-field__label">{t('coordination.meetings.agenda')}</span>
          <textarea className="hg-input" rows={3} {...form.register('agenda')} data-testid="meeting-agenda" />
          {fieldError('agenda') && <span className="hg-field__error">{fieldError('agenda')}</span>}
        </label>
        <div>
          <Button type="submit" busy={create.busy} data-testid="meeting-create">
            {t('coordination.meetings.create')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
