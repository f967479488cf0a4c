import { today } from '@hamgam/contracts/days';
import {
  Badge,
  Button,
  Card,
  DataTable,
  DateInput,
  ErrorCard,
  Form,
  ListControls,
  Loading,
  NumberInput,
  Pager,
  Select,
  TextInput,
  useApiQuery,
  useI18n,
  usePagedQuery,
  useProblemSentence,
  useQueryClient,
  type BadgeTone,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { PROJECT_STATUSES, useReliefApi, type Permit, type Project, type ProjectFilter } from './api';
import { Textarea, useNeighbourhood, usePlaces, useRoles, useTradeName } from './common';

const projectTones: Record<Project['status'], BadgeTone> = { planned: 'neutral', 'in-progress': 'info', completed: 'success' };

/** Basij Construction's projects (milestones, volunteers, evidence) — filtered, ordered and paged by the API — and TVTO's permitted workshops awaiting preparation. */
export function ProjectsSection() {
  const api = useReliefApi();
  const { t, formatDate } = useI18n();
  const nbh = useNeighbourhood();
  const places = usePlaces();
  const tradeName = useTradeName();
  const roles = useRoles();
  const client = useQueryClient();
  const [filter, setFilter] = useState<ProjectFilter>({});
  const change = (part: Partial<ProjectFilter>) => setFilter((current) => ({ ...current, ...part }));
  const projects = usePagedQuery(['relief-partnerships', 'projects', filter], (after) => api.projects(filter, after), { module: 'relief' });
  const permits = useApiQuery(['relief-partnerships', 'permits'], () => api.permits(), { module: 'relief' });
  const reload = () => void client.invalidateQueries({ queryKey: ['relief-partnerships'] });
  if (permits.error) return <ErrorCard error={permits.error} onRetry={permits.reload} />;
  if (!permits.data) return <Loading />;
  const awaiting = permits.data.filter((p) => p.projectId === null);
  return (
    <>
      <Card title={t('relief.permits.title')} testId="permits-awaiting">
        <DataTable
          columns={[
            { key: 'no', header: t('relief.projects.permit'), render: (p: Permit) => p.permitNo },
            { key: 'trade', header: t('relief.trade'), render: (p: Permit) => tradeName(p.trade) },
            { key: 'nbh', header: t('relief.projects.neighbourhood'), render: (p: Permit) => nbh(p.neighbourhoodId) },
            { key: 'valid', header: '', render: (p: Permit) => t('relief.page.validUntil', { date: formatDate(p.validUntil) }) },
          ]}
          rows={awaiting}
          rowKey={(p) => p.permitId}
          empty={t('relief.permits.empty')}
          rowTestId={(p) => `permit-row-${p.permitNo}`}
        />
      </Card>
      {roles.basij && <NewProjectForm permits={awaiting} onCreated={reload} />}
      <Card title={t('relief.projects.title')}>
        <ListControls
          testId="projects-controls"
          sort={{
            value: filter.order ?? 'desc',
            onChange: (order) => change({ order: order as 'asc' | 'desc' }),
            options: [
              { value: 'desc', label: t('relief.projects.newest') },
              { value: 'asc', label: t('relief.projects.oldest') },
            ],
          }}
          filters={
            <>
              <Select
                label={t('relief.status')}
                data-testid="projects-filter-status"
                value={filter.status ?? ''}
                onChange={(e) => change({ status: (e.target.value || undefined) as Project['status'] | undefined })}
                options={[
                  { value: '', label: t('relief.all') },
                  ...PROJECT_STATUSES.map((s) => ({ value: s, label: t(`relief.projects.status.${s}`) })),
                ]}
              />
              <Select
                label={t('relief.projects.neighbourhood')}
                data-testid="projects-filter-neighbourhood"
                value={filter.neighbourhoodId ?? ''}
                onChange={(e) => change({ neighbourhoodId: e.target.value || undefined })}
                options={[{ value: '', label: t('relief.all') }, ...places.options]}
              />
            </>
          }
        />
        {projects.loading ? (
          <Loading />
        ) : projects.error ? (
          <ErrorCard error={projects.error} onRetry={projects.reload} />
        ) : projects.items.length === 0 ? (
          <p className="hg-empty">{t('relief.projects.empty')}</p>
        ) : (
          projects.items.map((p) => <ProjectCard key={p.projectId} project={p} onChange={reload} />)
        )}
        <Pager {...projects} testId="projects-pager" />
      </Card>
    </>
  );
}

function ProjectCard({ project: initial, onChange }: { project: Project; onChange: () => void }) {
  const api = useReliefApi();
  const { t, formatDate } = useI18n();
  const nbh = useNeighbourhood();
  const roles = useRoles();
  const [project, setProject] = useState(initial);
  const [evidence, setEvidence] = useState('');
  const [milestone, setMilestone] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<unknown>();
  const sentence = useProblemSentence('relief');
  const run = async (action: () => Promise<Project>) => {
    setError(undefined);
    try {
      setProject(await action());
      onChange();
    } catch (e) {
      setError(sentence(e));
    }
  };
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
      {error !== undefined && <ErrorCard error={error} />}
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
              <Button
                variant="secondary"
                onClick={() => void run(() => api.milestoneDone(project.projectId, m.milestoneId, today()))}
                data-testid={`milestone-done-${m.milestoneId}`}
              >
                {t('relief.projects.done')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canAct && (
        <div className="hg-form__row">
          <TextInput
            label={t('relief.projects.newMilestone')}
            value={milestone}
            onChange={(e) => setMilestone(e.target.value)}
            data-testid={`milestone-title-${project.projectId}`}
          />
          <DateInput
            label={t('relief.projects.milestoneDue')}
            value={dueOn}
            onChange={setDueOn}
            data-testid={`milestone-due-${project.projectId}`}
          />
          <Button
            variant="secondary"
            disabled={!milestone.trim() || !dueOn}
            onClick={() =>
              void run(async () => {
                const saved = await api.addMilestone(project.projectId, milestone.trim(), dueOn);
                setMilestone('');
                setDueOn('');
                return saved;
              })
            }
            data-testid={`milestone-add-${project.projectId}`}
          >
            {t('relief.projects.addMilestone')}
          </Button>
        </div>
      )}
      {project.evidence && (
        <p data-testid={`project-evidence-${project.projectId}`}>
          {t('relief.projects.evidence')}: {project.evidence}
        </p>
      )}
      {canAct && project.milestones.length > 0 && project.milestones.every((m) => m.doneOn) && (
        <div className="hg-form__row">
          <TextInput
            label={t('relief.projects.evidence')}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            data-testid={`project-evidence-input-${project.projectId}`}
          />
          <Button
            disabled={!evidence.trim()}
            onClick={() => void run(() => api.completeProject(project.projectId, evidence.trim()))}
            data-testid={`project-complete-${project.projectId}`}
          >
            {t('relief.projects.complete')}
          </Button>
        </div>
      )}
    </section>
  );
}

function NewProjectForm({ permits, onCreated }: { permits: Permit[]; onCreated: () => void }) {
  const api = useReliefApi();
  const { t } = useI18n();
  const places = usePlaces();
  const tradeName = useTradeName();
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState('');
  const [permitId, setPermitId] = useState('');
  const [picked, setNeighbourhoodId] = useState<string>('');
  const neighbourhoodId = picked || places.neighbourhoods[0]?.neighbourhoodId || '';
  const [count, setCount] = useState('');
  const [skills, setSkills] = useState('');
  const [milestone, setMilestone] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<unknown>();
  const sentence = useProblemSentence('relief');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const permit = permits.find((p) => p.permitId === permitId);

  async function submit() {
    const incomplete = !title.trim() || !scope.trim() || !count || (milestone.trim() !== '') !== (dueOn !== '');
    setMissing(incomplete);
    if (incomplete) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.createProject({
        title: title.trim(),
        scope: scope.trim(),
        neighbourhoodId: permit?.neighbourhoodId ?? neighbourhoodId,
        permitId: permit?.permitId ?? null,
        volunteers: {
          count: Number(count),
          skills: skills
            .split(/[,،]/)
            .map((s) => s.trim())
            .filter(Boolean),
        },
        milestones: milestone.trim() ? [{ title: milestone.trim(), dueOn }] : [],
      });
      setTitle('');
      setScope('');
      onCreated();
    } catch (e) {
      setError(sentence(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('relief.projects.new')}>
      <Form onSubmit={() => void submit()} error={error} testId="project-form">
        <div className="hg-form__row">
          <TextInput
            label={t('relief.projects.name')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="project-title"
          />
          <Select
            label={t('relief.projects.permit')}
            value={permitId}
            onChange={(e) => setPermitId(e.target.value)}
            options={[
              { value: '', label: t('relief.projects.noPermit') },
              ...permits.map((p) => ({ value: p.permitId, label: `${p.permitNo} · ${tradeName(p.trade)}` })),
            ]}
            data-testid="project-permit"
          />
          {!permit && (
            <Select
              label={t('relief.projects.neighbourhood')}
              value={neighbourhoodId}
              onChange={(e) => setNeighbourhoodId(e.target.value)}
              options={places.options}
              data-testid="project-neighbourhood"
            />
          )}
          <NumberInput label={t('relief.projects.volunteers')} value={count} onValueChange={setCount} data-testid="project-volunteers" />
          <TextInput
            label={t('relief.projects.skills')}
            value={skills}
            onChange={(e) => setSkills(e.target.value)}
            data-testid="project-skills"
          />
        </div>
        <Textarea label={t('relief.projects.scope')} value={scope} onChange={setScope} testId="project-scope" />
        <div className="hg-form__row">
          <TextInput
            label={t('relief.projects.milestoneTitle')}
            value={milestone}
            onChange={(e) => setMilestone(e.target.value)}
            data-testid="project-milestone"
          />
          <DateInput label={t('relief.projects.milestoneDue')} value={dueOn} onChange={setDueOn} data-testid="project-milestone-due" />
        </div>
        {missing && <span className="hg-field__error">{t('relief.new.required')}</span>}
        <div>
          <Button type="submit" busy={busy} data-testid="project-create">
            {t('relief.projects.create')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
