import { today } from '@hamgam/contracts/days';
import {
  Badge,
  Button,
  DateInput,
  ErrorCard,
  Form,
  TextInput,
  useApiMutation,
  useFieldProblem,
  useI18n,
  type BadgeTone,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useReliefApi, type Project } from './api';
import { useNeighbourhood, useRoles } from './common';

const projectTones: Record<Project['status'], BadgeTone> = { planned: 'neutral', 'in-progress': 'info', completed: 'success' };

/** One Basij project: its milestones (the liaison marks one done or adds one) and, once every one is done, its completion with evidence. */
export function ProjectCard({ project: initial, onChange }: { project: Project; onChange: () => void }) {
  const api = useReliefApi();
  const { t, formatDate } = useI18n();
  const nbh = useNeighbourhood();
  const roles = useRoles();
  const [project, setProject] = useState(initial);
  const changed = (saved: Project) => {
    setProject(saved);
    onChange();
  };
  const markDone = useApiMutation((milestoneId: string) => api.milestoneDone(project.projectId, milestoneId, today()), {
    module: 'relief',
    onSuccess: changed,
  });
  const canAct = roles.basij && project.status !== 'completed';
  return (
    <section className="hg-card" data-testid={`project-${project.projectId}`}>
      <header className="hg-card__header">
        <h3 className="hg-card__title">{project.title}</h3>
        <span>
          <Badge tone={projectTones[project.status]} testId={`project-status-${project.projectId}`}>
            {t(`relief.projects.status.${project.status}`)}
          </Badge>{' '}
          {project.overdueMilestones > 0 && (
            <Badge tone="danger" testId={`project-overdue-${project.projectId}`}>
              {t('relief.projects.overdue', { count: project.overdueMilestones })}
            </Badge>
          )}
        </span>
      </header>
      {markDone.error && <ErrorCard error={markDone.error} />}
      <p>{project.scope}</p>
      <p>
        {nbh(project.neighbourhoodId)}
        {project.permitNo && ` · ${t('relief.projects.permit')} ${project.permitNo}`} · {t('relief.projects.volunteers')}:{' '}
        {t('relief.projects.volunteerCount', { count: project.volunteers.count })} ({project.volunteers.skills.join('، ')})
      </p>
      <ul>
        {project.milestones.map((m) => (
          <li key={m.milestoneId} data-testid={`milestone-${m.milestoneId}`}>
            {m.title} · {t('relief.page.dueOn')} {formatDate(m.dueOn)}{' '}
            {m.doneOn ? (
              <Badge tone="success">
                {t('relief.projects.done')} {formatDate(m.doneOn)}
              </Badge>
            ) : m.overdue ? (
              <Badge tone="danger">{t('relief.projects.late')}</Badge>
            ) : null}
            {canAct && !m.doneOn && (
              <Button variant="secondary" onClick={() => void markDone.run(m.milestoneId)} data-testid={`milestone-done-${m.milestoneId}`}>
                {t('relief.projects.done')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canAct && <MilestoneForm projectId={project.projectId} onSaved={changed} />}
      {project.evidence && (
        <p data-testid={`project-evidence-${project.projectId}`}>
          {t('relief.projects.evidence')}: {project.evidence}
        </p>
      )}
      {canAct && project.milestones.length > 0 && project.milestones.every((m) => m.doneOn) && (
        <CompleteForm projectId={project.projectId} onSaved={changed} />
      )}
    </section>
  );
}

/** Adds a milestone: its title and the day it is due, both required. */
function MilestoneForm({ projectId, onSaved }: { projectId: string; onSaved: (p: Project) => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const problems = useFieldProblem('relief');
  const form = useForm({ defaultValues: { title: '', dueOn: '' } });
  const add = useApiMutation((draft: { title: string; dueOn: string }) => api.addMilestone(projectId, draft.title, draft.dueOn), {
    module: 'relief',
    onSuccess: (saved) => {
      form.reset();
      onSaved(saved);
    },
  });
  const required = t('relief.new.required');
  const submit = form.handleSubmit((draft) => add.run({ title: draft.title.trim(), dueOn: draft.dueOn }));
  const { errors } = form.formState;
  return (
    <Form onSubmit={() => void submit()} error={problems.rest(add.error, ['title', 'dueOn'])}>
      <div className="hg-form__row">
        <TextInput
          label={t('relief.projects.newMilestone')}
          {...form.register('title', { validate: (v) => v.trim() !== '' || required })}
          error={errors.title?.message ?? problems.of(add.error, 'title')}
          data-testid={`milestone-title-${projectId}`}
        />
        <Controller
          control={form.control}
          name="dueOn"
          rules={{ required }}
          render={({ field, fieldState }) => (
            <DateInput
              label={t('relief.projects.milestoneDue')}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message ?? problems.of(add.error, 'dueOn')}
              data-testid={`milestone-due-${projectId}`}
            />
          )}
        />
        <Button type="submit" variant="secondary" busy={add.busy} data-testid={`milestone-add-${projectId}`}>
          {t('relief.projects.addMilestone')}
        </Button>
      </div>
    </Form>
  );
}

/** Completes a project whose milestones are all done: the evidence of the work is required. */
function CompleteForm({ projectId, onSaved }: { projectId: string; onSaved: (p: Project) => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const problems = useFieldProblem('relief');
  const form = useForm({ defaultValues: { evidence: '' } });
  const complete = useApiMutation((evidence: string) => api.completeProject(projectId, evidence), { module: 'relief', onSuccess: onSaved });
  const submit = form.handleSubmit((draft) => complete.run(draft.evidence.trim()));
  return (
    <Form onSubmit={() => void submit()} error={problems.rest(complete.error, ['evidence'])}>
      <div className="hg-form__row">
        <TextInput
          label={t('relief.projects.evidence')}
          {...form.register('evidence', { validate: (v) => v.trim() !== '' || t('relief.new.required') })}
          error={form.formState.errors.evidence?.message ?? problems.of(complete.error, 'evidence')}
          data-testid={`project-evidence-input-${projectId}`}
        />
        <Button type="submit" busy={complete.busy} data-testid={`project-complete-${projectId}`}>
          {t('relief.projects.complete')}
        </Button>
      </div>
    </Form>
  );
}
