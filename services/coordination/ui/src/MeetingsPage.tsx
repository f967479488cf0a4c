import { Badge, Card, ErrorCard, ListControls, Loading, PagedTable, Select, useI18n, usePagedQuery, type Column } from '@hamgam/ui-kit';
import { Link, useSearchParams } from 'react-router-dom';
import { MEETING_SORTS, useCoordinationApi, type MeetingFilter, type MeetingSort, type MeetingSummary } from './api';
import { useCanWrite, useLabels } from './labels';
import { NeighbourhoodPicker } from './NeighbourhoodPicker';
import { NewMeetingForm } from './NewMeetingForm';
import { keys, useAgencies, useNeighbourhoods } from './queries';

/** The working group's meetings, searched, filtered and paged by the API, latest first; coordinators schedule new ones here. */
export function MeetingsPage({ basePath }: { basePath: string }) {
  const api = useCoordinationApi();
  const { t, formatNumber, formatDate } = useI18n();
  const labels = useLabels();
  const canWrite = useCanWrite();
  const [search, setSearch] = useSearchParams();
  const filter: MeetingFilter = {
    neighbourhoodId: search.get('neighbourhoodId') ?? undefined,
    status: search.get('status') ?? undefined,
    q: search.get('q') ?? undefined,
  };
  const sort = (MEETING_SORTS as readonly string[]).includes(search.get('sort') ?? '')
    ? (search.get('sort') as MeetingSort)
    : MEETING_SORTS[0];
  const neighbourhoods = useNeighbourhoods();
  const agencies = useAgencies();
  const meetings = usePagedQuery([...keys.meetings, filter, sort], (after) => api.meetingsPage(filter, sort, after), {
    module: 'coordination',
  });
  if (neighbourhoods.error) return <ErrorCard error={neighbourhoods.error} onRetry={neighbourhoods.reload} />;
  if (!neighbourhoods.data) return <Loading />;
  const known = neighbourhoods.data;

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  const columns: Column<MeetingSummary>[] = [
    { key: 'date', header: t('coordination.meetings.date'), render: (m) => formatDate(m.scheduledOn) },
    { key: 'neighbourhood', header: t('coordination.neighbourhood'), render: (m) => labels.neighbourhood(m.neighbourhoodId, known) },
    {
      key: 'title',
      header: t('coordination.meetings.name'),
      render: (m) => (
        <Link to={`${basePath}/meetings/${m.id}`} data-testid={`meeting-link-${m.id}`}>
          {m.title}
        </Link>
      ),
    },
    {
      key: 'status',
      header: t('coordination.meetings.status'),
      render: (m) => <Badge tone={m.status === 'held' ? 'success' : 'info'}>{t(`coordination.meetings.${m.status}`)}</Badge>,
    },
    { key: 'resolutions', header: t('coordination.meetings.resolutions'), render: (m) => formatNumber(m.resolutionCount) },
  ];

  return (
    <>
      {canWrite && agencies.data && <NewMeetingForm neighbourhoods={known} agencies={agencies.data} basePath={basePath} />}
      <Card title={t('coordination.meetings.title')}>
        <ListControls
          testId="meetings-controls"
          search={{ onSearch: (q) => setParam('q', q), initial: filter.q, placeholder: t('coordination.meetings.searchHint') }}
          sort={{
            value: sort,
            onChange: (value) => setParam('sort', value === MEETING_SORTS[0] ? '' : value),
            options: MEETING_SORTS.map((value) => ({ value, label: t(`coordination.meetings.sort.${value}`) })),
          }}
          filters={
            <>
              <NeighbourhoodPicker
                neighbourhoods={known}
                value={filter.neighbourhoodId ?? ''}
                onChange={(id) => setParam('neighbourhoodId', id)}
                allowAll
                testId="meetings-filter-neighbourhood"
              />
              <Select
                label={t('coordination.meetings.status')}
                value={filter.status ?? ''}
                onChange={(e) => setParam('status', e.target.value)}
                options={[
                  { value: '', label: t('coordination.commitments.all') },
                  { value: 'scheduled', label: t('coordination.meetings.scheduled') },
                  { value: 'held', label: t('coordination.meetings.held') },
                ]}
                data-testid="meetings-filter-status"
              />
            </>
          }
        />
        <PagedTable
          paged={meetings}
          columns={columns}
          rowKey={(m) => m.id}
          empty={t('coordination.meetings.empty')}
          testId="meetings-table"
          rowTestId={(m) => `meeting-row-${m.id}`}
          label={t('coordination.meetings.title')}
        />
      </Card>
    </>
  );
}
