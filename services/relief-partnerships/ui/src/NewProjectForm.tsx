import { Button, Card, DateInput, Form, NumberInput, Select, TextInput, useApiMutation, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useReliefApi, type NewProject, type Permit } from './api';
import { Textarea, usePlaces, useTradeName } from './common';

interface Draft {
  title: string;
  scope: string;
  permitId: string;
  neighbourhoodId: string;
  count: string;
  skills: string;
  milestone: string;
  dueOn: string;
}

/** The fields a refusal may name, each shown under its own field (the rest above the form). */
const fields = ['title', 'scope', 'neighbourhoodId', 'permitId'] as const;

/** Basij's liaison starts a project: on a TVTO permit (its neighbourhood comes with it) or in a neighbourhood picked by name. */
export function NewProjectForm({ permits, onCreated }: { permits: Permit[]; onCreated: () => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const places = usePlaces();
  const tradeName = useTradeName();
  const problems = useFieldProblem('relief');
  const form = useForm<Draft>({
    defaultValues: { title: '', scope: '', permitId: '', neighbourhoodId: '', count: '', skills: '', milestone: '', dueOn: '' },
  });
  const [permitId, picked] = useWatch({ control: form.control, name: ['permitId', 'neighbourhoodId'] });
  // Until one is picked, the programme's first neighbourhood is proposed.
  const neighbourhoodId = picked || places.neighbourhoods[0]?.neighbourhoodId || '';
  const permit = permits.find((p) => p.permitId === permitId);
  const create = useApiMutation((body: NewProject) => api.createProject(body), {
    module: 'relief',
    onSuccess: () => {
      form.setValue('title', '');
      form.setValue('scope', '');
      onCreated();
    },
  });
  const required = t('relief.new.required');
  const submit = form.handleSubmit((draft) =>
    create.run({
      title: draft.title.trim(),
      scope: draft.scope.trim(),
      neighbourhoodId: permit?.neighbourhoodId ?? neighbourhoodId,
      permitId: permit?.permitId ?? null,
      volunteers: {
        count: Number(draft.count),
        skills: draft.skills
          .split(/[,،]/)
          .map((s) => s.trim())
          .filter(Boolean),
      },
      milestones: draft.milestone.trim() ? [{ title: draft.milestone.trim(), dueOn: draft.dueOn }] : [],
    }),
  );
  const { errors } = form.formState;
  const fieldError = (name: (typeof fields)[number]) => errors[name]?.message ?? problems.of(create.error, name);

  return (
    <Card title={t('relief.projects.new')}>
      <Form onSubmit={() => void submit()} error={problems.rest(create.error, fields) ?? undefined} testId="project-form">
        <div className="hg-form__row">
          <TextInput
            label={t('relief.projects.name')}
            {...form.register('title', { validate: (v) => v.trim() !== '' || required })}
            error={fieldError('title')}
            data-testid="project-title"
          />
          <Select
            label={t('relief.projects.permit')}
            {...form.register('permitId')}
            options={[
              { value: '', label: t('relief.projects.noPermit') },
              ...permits.map((p) => ({ value: p.permitId, label: `${p.permitNo} · ${tradeName(p.trade)}` })),
            ]}
            error={fieldError('permitId')}
            data-testid="project-permit"
          />
          {!permit && (
            <Select
              label={t('relief.projects.neighbourhood')}
              value={neighbourhoodId}
              onChange={(e) => form.setValue('neighbourhoodId', e.target.value)}
              options={places.options}
              error={fieldError('neighbourhoodId')}
              data-testid="project-neighbourhood"
            />
          )}
          <Controller
            control={form.control}
            name="count"
            rules={{ required }}
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('relief.projects.volunteers')}
                value={field.value}
                onValueChange={field.onChange}
                error={fieldState.error?.message}
                data-testid="project-volunteers"
              />
            )}
          />
          <TextInput label={t('relief.projects.skills')} {...form.register('skills')} data-testid="project-skills" />
        </div>
        <Textarea
          label={t('relief.projects.scope')}
          {...form.register('scope', { validate: (v) => v.trim() !== '' || required })}
          error={fieldError('scope')}
          data-testid="project-scope"
        />
        <div className="hg-form__row">
          {/* The first milestone is optional, but a title without its day (or a day without a title) is not. */}
          <TextInput
            label={t('relief.projects.milestoneTitle')}
            {...form.register('milestone', {
              validate: (v, draft) => v.trim() !== '' || draft.dueOn === '' || required,
              deps: ['dueOn'],
            })}
            error={errors.milestone?.message}
            data-testid="project-milestone"
          />
          <Controller
            control={form.control}
            name="dueOn"
            rules={{ validate: (v, draft) => v !== '' || draft.milestone.trim() === '' || required, deps: ['milestone'] }}
            render={({ field, fieldState }) => (
              <DateInput
                label={t('relief.projects.milestoneDue')}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                data-testid="project-milestone-due"
              />
            )}
          />
        </div>
        <div>
          <Button type="submit" busy={create.busy} data-testid="project-create">
            {t('relief.projects.create')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
