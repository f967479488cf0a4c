import { Button, Card, ErrorCard, useApiMutation, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useCoordinationApi, type Meeting } from './api';

/** The minutes: coordinators write them and, from the meeting's day, mark the meeting held; everyone else reads them. */
export function MeetingMinutes({
  meeting,
  canWrite,
  canHold,
  onChange,
}: {
  meeting: Meeting;
  canWrite: boolean;
  /** False before the meeting's day: the minutes can be drafted, the meeting not yet marked held. */
  canHold: boolean;
  onChange: (m: Meeting) => void;
}) {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation((text: string) => api.saveMinutes(meeting.id, text), {
    module: 'coordination',
    onSuccess: (updated) => {
      onChange(updated);
      setSaved(true);
    },
  });
  const hold = useApiMutation((text: string) => api.markHeld(meeting.id, text), { module: 'coordination', onSuccess: onChange });
  const error = save.error ?? hold.error;

  if (!canWrite) {
    return (
      <Card title={t('coordination.meeting.minutes')}>
        <p data-testid="meeting-minutes" style={{ whiteSpace: 'pre-wrap' }}>
          {meeting.minutes || t('common.none')}
        </p>
      </Card>
    );
  }
  return (
    <Card title={t('coordination.meeting.minutes')}>
      {error && <ErrorCard error={error} />}
      <textarea
        className="hg-input"
        rows={5}
        aria-label={t('coordination.meeting.minutes')}
        value={minutes}
        onChange={(e) => {
          setMinutes(e.target.value);
          setSaved(false);
        }}
        data-testid="meeting-minutes-input"
        style={{ inlineSize: '100%', boxSizing: 'border-box' }}
      />
      <div className="hg-form__row">
        <Button
          variant="secondary"
          busy={save.busy}
          onClick={() => (hold.reset(), void save.run(minutes))}
          data-testid="meeting-save-minutes"
        >
          {t('coordination.meeting.saveMinutes')}
        </Button>
        {canHold && (
          <Button busy={hold.busy} onClick={() => (save.reset(), setSaved(false), void hold.run(minutes))} data-testid="meeting-mark-held">
            {t('coordination.meeting.markHeld')}
          </Button>
        )}
        {saved && <span role="status">{t('coordination.meeting.saved')}</span>}
      </div>
    </Card>
  );
}
