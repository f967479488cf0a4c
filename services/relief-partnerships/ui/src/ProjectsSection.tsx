import {
  Card,
  DataTable,
  ErrorCard,
  ListControls,
  Loading,
  Pager,
  Select,
  useApiQuery,
  useI18n,
  usePagedQuery,
  useQueryClient,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { PROJECT_STATUSES, useReliefApi, type Permit, type Project, type ProjectFilter } from './api';
import { useNeighbourhood, usePlaces, useRoles, useTradeName } from './common';
import { NewProjectForm } from './NewProjectForm';
import { ProjectCard } from './ProjectCard';

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
