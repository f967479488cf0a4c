import { Button, Card, DateInput, Form, Select, TextInput, useApiMutation, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import {
  NEED_CATEGORIES,
  useCoordinationApi,
  type AgencyRef,
  type Meeting,
  type NeedCategory,
  type NewResolution,
  type PartnerAgency,
} from './api';
import { useLabels } from './labels';

interface DraftAction {
  agency: PartnerAgency;
  title: string;
  dueOn: string;
  answers: NeedCategory | '';
}

interface Draft {
  text: string;
  actions: DraftAction[];
}

const emptyAction = (agency: PartnerAgency): DraftAction => ({ agency, title: '', dueOn: '', answers: '' });

/**
 * A coordinator passes a resolution with its action items, each for one partner agency (picked by name from
 * the API's list). A refusal naming an item's field (`actionItems.1.dueOn`) shows under that field.
 */
export function ResolutionForm({
  meeting,
  agencies,
  onChange,
}: {
  meeting: Meeting;
  agencies: readonly AgencyRef[];
  onChange: (m: Meeting) => void;
}) {
  const api = useCoordinationApi();
  const { t, localize } = useI18n();
  const labels = useLabels();
  const problems = useFieldProblem('coordination');
  const partners = agencies.filter((a) => a.partner);
  const first = (partners[0]?.id ?? 'vocational-training') as PartnerAgency;
  const form = useForm<Draft>({ defaultValues: { text: '', actions: [emptyAction(first)] } });
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const pass = useApiMutation((body: NewResolution) => api.passResolution(meeting.id, body), {
    module: 'coordination',
    onSuccess: (updated) => {
      onChange(updated);
      form.reset({ text: '', actions: [emptyAction(first)] });
    },
  });
  const { errors } = form.formState;
  const itemFields = actions.fields.flatMap((_, i) => ['agency', 'title', 'dueOn', 'answers'].map((f) => `actionItems.${i}.${f}`));
  const problemOf = (field: string) => problems.of(pass.error, field);
  const submit = form.handleSubmit((draft) =>
    pass.run({
      text: draft.text.trim(),
      actionItems: draft.actions.map((a) => ({
        agency: a.agency,
        title: a.title.trim(),
        dueOn: a.dueOn,
        answers: a.answers === '' ? null : a.answers,
      })),
    }),
  );

  return (
    <Card title={t('coordination.resolution.new')}>
      <Form onSubmit={() => void submit()} error={problems.rest(pass.error, ['text', ...itemFields]) ?? undefined} testId="resolution-form">
        <TextInput
          label={t('coordination.resolution.text')}
          {...form.register('text', { validate: (v) => v.trim().length >= 3 || t('coordination.resolution.textRequired') })}
          error={errors.text?.message ?? problemOf('text')}
          data-testid="resolution-text"
        />
        {actions.fields.map((action, index) => (
          <fieldset
            key={action.id}
            className="hg-form__row"
            data-testid={`resolution-action-${index}`}
            style={{ border: '1px solid var(--hg-border)', borderRadius: 8 }}
          >
            <legend>{t('coordination.resolution.action', { n: index + 1 })}</legend>
            <Select
              label={t('coordination.resolution.agency')}
              {...form.register(`actions.${index}.agency`)}
              options={partners.map((a) => ({ value: a.id, label: localize(a.name) }))}
              error={problemOf(`actionItems.${index}.agency`)}
              data-testid={`action-agency-${index}`}
            />
            <TextInput
              label={t('coordination.resolution.actionTitle')}
              {...form.register(`actions.${index}.title`, {
                validate: (v) => v.trim().length >= 3 || t('coordination.resolution.actionTitleRequired'),
              })}
              error={errors.actions?.[index]?.title?.message ?? problemOf(`actionItems.${index}.title`)}
              data-testid={`action-title-${index}`}
            />
            <Controller
              control={form.control}
              name={`actions.${index}.dueOn`}
              rules={{ required: t('coordination.resolution.dueRequired') }}
              render={({ field }) => (
                <DateInput
                  label={t('coordination.resolution.due')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.actions?.[index]?.dueOn?.message ?? problemOf(`actionItems.${index}.dueOn`)}
                  data-testid={`action-due-${index}`}
                />
              )}
            />
            <Select
              label={t('coordination.resolution.answers')}
              {...form.register(`actions.${index}.answers`)}
              options={[
                { value: '', label: labels.category(null) },
                ...NEED_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) })),
              ]}
              data-testid={`action-answers-${index}`}
            />
            {actions.fields.length > 1 && (
              <Button variant="secondary" onClick={() => actions.remove(index)} data-testid={`action-remove-${index}`}>
                {t('coordination.resolution.removeAction')}
              </Button>
            )}
          </fieldset>
        ))}
        <div className="hg-form__row">
          <Button
            variant="secondary"
            onClick={() => actions.append(emptyAction(first))}
            disabled={actions.fields.length >= 20}
            data-testid="resolution-add-action"
          >
            {t('coordination.resolution.addAction')}
          </Button>
          <Button type="submit" busy={pass.busy} data-testid="resolution-submit">
            {t('coordination.resolution.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
