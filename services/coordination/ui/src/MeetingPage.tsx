import { Badge, Card, ErrorCard, Loading, useAsync, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useCoordinationApi, type Meeting } from './api';
import { useCanWrite, useLabels } from './labels';
import { MeetingAgenda } from './MeetingAgenda';
import { MeetingMinutes } from './MeetingMinutes';
import { MeetingResolutions } from './MeetingResolutions';
import { ResolutionForm } from './ResolutionForm';

/** One meeting: the agenda (opening with the overdue commitments), minutes, resolutions; coordinators act here. */
export function MeetingPage({ basePath }: { basePath: string }) {
  const api = useCoordinationApi();
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const data = useAsync(() => Promise.all([api.meeting(meetingId), api.neighbourhoods()]), [api, meetingId]);
  const [updated, setUpdated] = useState<Meeting>();
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const meeting = updated?.id === meetingId ? updated : data.data[0];
  return (
    <>
      <Link to={`${basePath}/meetings`}>{t('coordination.meeting.back')}</Link>
      <MeetingView
        meeting={meeting}
        neighbourhoodName={data.data[1].find((n) => n.id === meeting.neighbourhoodId)?.name ?? null}
        onChange={setUpdated}
      />
    </>
  );
}

function MeetingView({
  meeting,
  neighbourhoodName,
  onChange,
}: {
  meeting: Meeting;
  neighbourhoodName: { fa: string; en: string } | null;
  onChange: (m: Meeting) => void;
}) {
  const { t, localize, formatList, formatDate } = useI18n();
  const labels = useLabels();
  const canWrite = useCanWrite();
  const open = meeting.status === 'scheduled';
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
        <p>
          {t('coordination.meeting.when', {
            date: formatDate(meeting.scheduledOn),
            neighbourhood: neighbourhoodName ? localize(neighbourhoodName) : meeting.neighbourhoodId,
          })}
        </p>
        <p className="hg-empty">
          {t('coordination.meeting.attendees', { agencies: formatList(meeting.agencies.map(labels.agency)) })}
          {meeting.representativeAttends && ` — ${t('coordination.meeting.withRepresentative')}`}
        </p>
        {meeting.heldAt && <p data-testid="meeting-held-on">{t('coordination.meeting.heldOn', { date: formatDate(meeting.heldAt) })}</p>}
      </Card>
      <MeetingAgenda meeting={meeting} />
      <MeetingMinutes meeting={meeting} canWrite={canWrite && open} onChange={onChange} />
      <MeetingResolutions meeting={meeting} />
      {canWrite && open && <ResolutionForm meeting={meeting} onChange={onChange} />}
    </>
  );
}
