import {
  Badge,
  Button,
  Card,
  DateInput,
  ErrorCard,
  Form,
  ListControls,
  Loading,
  PagedTable,
  Select,
  TextInput,
  useI18n,
  usePagedQuery,
  useQueryClient,
  type Column,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  MEETING_AGENCIES,
  MEETING_SORTS,
  useCoordinationApi,
  type AgencyId,
  type MeetingFilter,
  type MeetingSort,
  type MeetingSummary,
  type NeighbourhoodRef,
} from './api';
import { useCanWrite, useLabels } from './labels';
import { NeighbourhoodPicker } from './NeighbourhoodPicker';
import { keys, useNeighbourhoods } from './queries';

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
      {canWrite && <NewMeetingForm neighbourhoods={known} basePath={basePath} />}
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

function NewMeetingForm({ neighbourhoods, basePath }: { neighbourhoods: readonly NeighbourhoodRef[]; basePath: string }) {
  const api = useCoordinationApi();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { t } = useI18n();
  const labels = useLabels();
  const [neighbourhoodId, setNeighbourhoodId] = useState(neighbourhoods[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [scheduledOn, setScheduledOn] = useState('');
  const [agencies, setAgencies] = useState<AgencyId[]>([
    'clinics',
    'vocational-training',
    'welfare',
    'relief-partnerships',
    'institute-funding',
  ]);
  const [representativeAttends, setRepresentativeAttends] = useState(true);
  const [agenda, setAgenda] = useState('');
  const [errors, setErrors] = useState<{ title?: string; date?: string; agencies?: string }>({});
  const [apiError, setApiError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const toggle = (agency: AgencyId) =>
    setAgencies(agencies.includes(agency) ? agencies.filter((a) => a !== agency) : [...agencies, agency]);

  async function submit() {
    const found = {
      title: title.trim().length >= 3 ? undefined : t('coordination.meetings.titleRequired'),
      date: scheduledOn ? undefined : t('coordination.meetings.dateRequired'),
      agencies: agencies.length > 0 ? undefined : t('coordination.meetings.agenciesRequired'),
    };
    setErrors(found);
    if (found.title || found.date || found.agencies || !neighbourhoodId) return;
    setSaving(true);
    setApiError(undefined);
    try {
      const meeting = await api.createMeeting({
        neighbourhoodId,
        scheduledOn,
        title: title.trim(),
        agencies: MEETING_AGENCIES.filter((a) => agencies.includes(a)),
        representativeAttends,
        agenda: agenda
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      });
      client.setQueryData(keys.meeting(meeting.id), meeting);
      void client.invalidateQueries({ queryKey: keys.meetings });
      navigate(`${basePath}/meetings/${meeting.id}`);
    } catch (error) {
      setApiError(error);
      setSaving(false);
    }
  }

  return (
    <Card title={t('coordination.meetings.new')}>
      <Form onSubmit={() => void submit()} error={apiError} testId="meeting-form">
        <div className="hg-form__row">
          <NeighbourhoodPicker
            neighbourhoods={neighbourhoods}
            value={neighbourhoodId}
            onChange={setNeighbourhoodId}
            testId="meeting-neighbourhood"
          />
          <DateInput
            label={t('coordination.meetings.date')}
            value={scheduledOn}
            onChange={setScheduledOn}
            error={errors.date}
            data-testid="meeting-date"
          />
          <TextInput
            label={t('coordination.meetings.name')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.title}
            data-testid="meeting-title"
          />
        </div>
        <fieldset className="hg-field" style={{ border: 0, padding: 0 }}>
          <legend className="hg-field__label">{t('coordination.meetings.participants')}</legend>
          <div className="hg-form__row">
            {MEETING_AGENCIES.map((agency) => (
              <label key={agency}>
                <input
                  type="checkbox"
                  checked={agencies.includes(agency)}
                  onChange={() => toggle(agency)}
                  data-testid={`meeting-agency-${agency}`}
                />{' '}
                {labels.agency(agency)}
              </label>
            ))}
          </div>
          {errors.agencies && <span className="hg-field__error">{errors.agencies}</span>}
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={representativeAttends}
            onChange={(e) => setRepresentativeAttends(e.target.checked)}
            data-testid="meeting-representative"
          />{' '}
          {t('coordination.meetings.representative')}
        </label>
        <label className="hg-field">
          <span className="hg-field__label">{t('coordination.meetings.agenda')}</span>
          <textarea className="hg-input" rows={3} value={agenda} onChange={(e) => setAgenda(e.target.value)} data-testid="meeting-agenda" />
        </label>
        <div>
          <Button type="submit" busy={saving} data-testid="meeting-create">
            {t('coordination.meetings.create')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
