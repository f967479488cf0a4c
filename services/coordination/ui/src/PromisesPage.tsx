import { Badge, Card, ErrorCard, ListControls, Loading, PagedTable, Pager, useI18n, usePagedQuery, type Column } from '@hamgam/ui-kit';
import { Link, useSearchParams } from 'react-router-dom';
import { COMMITMENT_SORTS, useCoordinationApi, type CommitmentFilter, type CommitmentSort, type MeetingSummary } from './api';
import { CommitmentFilters } from './CommitmentFilters';
import { CommitmentsTable } from './CommitmentsTable';
import { useLabels } from './labels';
import { NeighbourhoodPicker } from './NeighbourhoodPicker';
import { OverdueCard } from './OverdueCard';
import { NeighbourhoodCard } from './PrioritiesBoard';
import { keys, useNeighbourhoods, usePriorities } from './queries';

const filterNames = ['agency', 'status', 'source', 'overdue', 'q'] as const;

/**
 * The people's representative's page: what the agencies promised their neighbourhood — who, what, by
 * when, where it stands, what is overdue — what the working group's meetings decided, and the priorities
 * the clinic published. Read only: the representative watches; coordinators and agencies record.
 */
export function PromisesPage({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const [search, setSearch] = useSearchParams();
  const neighbourhoods = useNeighbourhoods();
  if (neighbourhoods.error) return <ErrorCard error={neighbourhoods.error} onRetry={neighbourhoods.reload} />;
  if (!neighbourhoods.data) return <Loading />;
  const known = neighbourhoods.data;
  const chosen = known.find((n) => n.id === search.get('neighbourhoodId')) ?? known[0];
  if (!chosen) return <Card testId="promises-empty">{t('coordination.noNeighbourhoods')}</Card>;

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };
  const name = labels.neighbourhood(chosen.id, known);
  return (
    <>
      <Card title={t('coordination.rep.title', { neighbourhood: name })} testId="promises">
        <p>{t('coordination.rep.intro')}</p>
        {known.length > 1 && (
          <NeighbourhoodPicker
            neighbourhoods={known}
            value={chosen.id}
            onChange={(id) => setParam('neighbourhoodId', id)}
            testId="promises-neighbourhood"
          />
        )}
      </Card>
      <OverdueCard
        key={`overdue-${chosen.id}`}
        neighbourhoods={known}
        neighbourhoodId={chosen.id}
        listPath={`${basePath}/promises?neighbourhoodId=${chosen.id}&overdue=true`}
      />
      <Promised key={`promised-${chosen.id}`} neighbourhoodId={chosen.id} search={search} setParam={setParam} />
      <Outcomes key={`outcomes-${chosen.id}`} neighbourhoodId={chosen.id} basePath={basePath} />
      <Priorities neighbourhoodId={chosen.id} />
    </>
  );
}

/** Every commitment to the neighbourhood, searched, filtered and paged by the API. */
function Promised({
  neighbourhoodId,
  search,
  setParam,
}: {
  neighbourhoodId: string;
  search: URLSearchParams;
  setParam: (name: string, value: string) => void;
}) {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const neighbourhoods = useNeighbourhoods();
  const filter: CommitmentFilter = {
    ...Object.fromEntries(filterNames.flatMap((name) => (search.get(name) ? [[name, search.get(name)]] : []))),
    neighbourhoodId,
  };
  const sort = (COMMITMENT_SORTS as readonly string[]).includes(search.get('sort') ?? '')
    ? (search.get('sort') as CommitmentSort)
    : COMMITMENT_SORTS[0];
  const promised = usePagedQuery([...keys.commitments, filter, sort], (after) => api.commitmentsPage(filter, sort, after), {
    module: 'coordination',
  });
  return (
    <Card title={t('coordination.rep.promised')} testId="promised">
      <ListControls
        testId="promised-controls"
        search={{ onSearch: (q) => setParam('q', q), initial: filter.q, placeholder: t('coordination.commitments.searchHint') }}
        sort={{
          value: sort,
          onChange: (value) => setParam('sort', value === COMMITMENT_SORTS[0] ? '' : value),
          options: COMMITMENT_SORTS.map((value) => ({ value, label: t(`coordination.commitments.sort.${value}`) })),
        }}
        filters={<CommitmentFilters filter={filter} neighbourhoods={neighbourhoods.data ?? []} onChange={setParam} oneNeighbourhood />}
      />
      {promised.error ? (
        <ErrorCard error={promised.error} onRetry={promised.reload} />
      ) : promised.loading ? (
        <Loading />
      ) : (
        <>
          <CommitmentsTable rows={promised.items} neighbourhoods={neighbourhoods.data ?? []} onChanged={promised.reload} oneNeighbourhood />
          <Pager {...promised} testId="promised-pager" />
        </>
      )}
    </Card>
  );
}

/** The working group's held meetings about the neighbourhood: what they decided, each a link to its resolutions. */
function Outcomes({ neighbourhoodId, basePath }: { neighbourhoodId: string; basePath: string }) {
  const api = useCoordinationApi();
  const { t, formatDate, formatNumber } = useI18n();
  const filter = { neighbourhoodId, status: 'held' };
  const held = usePagedQuery([...keys.meetings, filter], (after) => api.meetingsPage(filter, '-scheduledOn', after), {
    module: 'coordination',
  });
  const columns: Column<MeetingSummary>[] = [
    { key: 'date', header: t('coordination.meetings.date'), render: (m) => formatDate(m.scheduledOn) },
    {
      key: 'title',
      header: t('coordination.meetings.name'),
      render: (m) => (
        <Link to={`${basePath}/meetings/${m.id}`} data-testid={`outcome-link-${m.id}`}>
          {m.title}
        </Link>
      ),
    },
    {
      key: 'decided',
      header: t('coordination.rep.decided'),
      render: (m) => (
        <Badge tone="info">
          {t('coordination.rep.decisions', { resolutions: formatNumber(m.resolutionCount), actions: formatNumber(m.actionItemCount) })}
        </Badge>
      ),
    },
  ];
  return (
    <Card title={t('coordination.rep.outcomes')} testId="outcomes">
      <PagedTable
        paged={held}
        columns={columns}
        rowKey={(m) => m.id}
        empty={t('coordination.rep.noOutcomes')}
        testId="outcomes-table"
        rowTestId={(m) => `outcome-${m.id}`}
        label={t('coordination.rep.outcomes')}
      />
    </Card>
  );
}

/** The neighbourhood's latest published priorities, or "no published list yet". */
function Priorities({ neighbourhoodId }: { neighbourhoodId: string }) {
  const neighbourhoods = useNeighbourhoods();
  const priorities = usePriorities();
  if (priorities.error) return <ErrorCard error={priorities.error} onRetry={priorities.reload} />;
  const neighbourhood = neighbourhoods.data?.find((n) => n.id === neighbourhoodId);
  if (!priorities.data || !neighbourhood) return <Loading />;
  return <NeighbourhoodCard neighbourhood={neighbourhood} list={priorities.data.find((l) => l.neighbourhoodId === neighbourhoodId)} />;
}
