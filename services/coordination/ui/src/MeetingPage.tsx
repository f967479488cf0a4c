import { Badge, Card, ErrorCard, Loading, useApiQuery, useI18n, useQueryClient } from '@hamgam/ui-kit';
import { Link, useParams } from 'react-router-dom';
import { useCoordinationApi, type Meeting } from './api';
import { useCanWrite, useLabels } from './labels';
import { MeetingAgenda } from './MeetingAgenda';
import { MeetingMinutes } from './MeetingMinutes';
import { MeetingResolutions } from './MeetingResolutions';
import { keys, useAgencies, useNeighbourhoods } from './queries';
import { ResolutionForm } from './ResolutionForm';

/** One meeting: the agenda (opening with the overdue commitments), minutes, resolutions; coordinators act here. */
export function MeetingPage({ basePath }: { basePath: string }) {
  const api = useCoordinationApi();
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const client = useQueryClient();
  const labels = useLabels();
  const meeting = useApiQuery(keys.meeting(meetingId), () => api.meeting(meetingId), { module: 'coordination' });
  const neighbourhoods = useNeighbourhoods();
  const error = meeting.error ?? neighbourhoods.error;
  if (error) return <ErrorCard error={error} onRetry={() => (meeting.reload(), neighbourhoods.reload())} />;
  if (!meeting.data || !neighbourhoods.data) return <Loading />;
  // A command answers with the meeting as it now stands: show it, and let the lists that count it read again.
  const onChange = (updated: Meeting) => {
    client.setQueryData(keys.meeting(updated.id), updated);
    void client.invalidateQueries({ queryKey: keys.meetings });
    void client.invalidateQueries({ queryKey: keys.commitments });
  };
  return (
    <>
      <Link to={`${basePath}/meetings`}>{t('coordination.meeting.back')}</Link>
      <MeetingView
        meeting={meeting.data}
        neighbourhood={labels.neighbourhood(meeting.data.neighbourhoodId, neighbourhoods.data)}
        onChange={onChange}
      />
    </>
  );
}

function MeetingView({ meeting, neighbourhood, onChange }: { meeting: Meeting; neighbourhood: string; onChange: (m: Meeting) => void }) {
  const { t, formatList, formatDate } = useI18n();
  const labels = useLabels();
  const canWrite = useCanWrite();
  const agencies = useAgencies();
  const open = meeting.status === 'scheduled';
  // Held, and resolutions passed, only on or after the meeting's day in Iran (the API refuses earlier: meeting-day-not-reached).
  const dayReached = meeting.scheduledOn <= meeting.today;
  return (
    <>
      <Card
        title={meeting.title}
        testId="meeting"
        actions={
          <Badge tone={open ? 'info' : 'success'} testId="meeting-status">
            {t(`coordination.meetings.${meeting.status}`)}
          </Badge>
        }
      >
        <p>{t('coordination.meeting.when', { date: formatDate(meeting.scheduledOn), neighbourhood })}</p>
        <p className="hg-empty">
          {t('coordination.meeting.attendees', { agencies: formatList(meeting.agencies.map(labels.agency)) })}
          {meeting.representativeAttends && ` — ${t('coordination.meeting.withRepresentative')}`}
        </p>
        {meeting.heldAt && <p data-testid="meeting-held-on">{t('coordination.meeting.heldOn', { date: formatDate(meeting.heldAt) })}</p>}
        {canWrite && open && !dayReached && (
          <p className="hg-empty" data-testid="meeting-not-yet">
            {t('coordination.meeting.notYet', { date: formatDate(meeting.scheduledOn) })}
          </p>
        )}
      </Card>
      <MeetingAgenda meeting={meeting} />
      <MeetingMinutes meeting={meeting} canWrite={canWrite && open} canHold={dayReached} onChange={onChange} />
      <MeetingResolutions meeting={meeting} />
      {canWrite && open && dayReached && agencies.data && <ResolutionForm meeting={meeting} agencies={agencies.data} onChange={onChange} />}
    </>
  );
}
