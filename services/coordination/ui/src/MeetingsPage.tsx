import {
  Badge,
  Button,
  Card,
  DataTable,
  DateInput,
  ErrorCard,
  Form,
  Loading,
  TextInput,
  useAsync,
  useI18n,
  type Column,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { MEETING_AGENCIES, useCoordinationApi, type AgencyId, type MeetingSummary, type NeighbourhoodRef } from './api';
import { useCanWrite, useLabels } from './labels';
import { NeighbourhoodPicker } from './NeighbourhoodPicker';

/** The working group's meetings, latest first; coordinators schedule new ones here. */
export function MeetingsPage({ basePath }: { basePath: string }) {
  const api = useCoordinationApi();
  const { t, formatNumber, formatDate } = useI18n();
  const labels = useLabels();
  const canWrite = useCanWrite();
  const data = useAsync(() => Promise.all([api.neighbourhoods(), api.meetings()]), [api]);
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [neighbourhoods, meetings] = data.data;

  const columns: Column<MeetingSummary>[] = [
    { key: 'date', header: t('coordination.meetings.date'), render: (m) => formatDate(m.scheduledOn) },
    {
      key: 'neighbourhood',
      header: t('coordination.neighbourhood'),
      render: (m) => labels.neighbourhood(m.neighbourhoodId, neighbourhoods),
    },
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
      {canWrite && <NewMeetingForm neighbourhoods={neighbourhoods} basePath={basePath} />}
      <Card title={t('coordination.meetings.title')}>
        <DataTable
          columns={columns}
          rows={meetings}
          rowKey={(m) => m.id}
          empty={t('coordination.meetings.empty')}
          testId="meetings-table"
          rowTestId={(m) => `meeting-row-${m.id}`}
        />
      </Card>
    </>
  );
}

function NewMeetingForm({ neighbourhoods, basePath }: { neighbourhoods: readonly NeighbourhoodRef[]; basePath: string }) {
  const api = useCoordinationApi();
  const navigate = useNavigate();
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
