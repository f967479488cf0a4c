import { Button, Card, ErrorCard, useI18n, useProblemSentence } from '@hamgam/ui-kit';
import { useState } from 'react';
import { useCoordinationApi, type Meeting } from './api';

/** The minutes: coordinators write them and mark the meeting held; everyone else reads them. */
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
  const [busy, setBusy] = useState<'save' | 'held'>();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const sentence = useProblemSentence('coordination');

  async function run(action: 'save' | 'held') {
    setBusy(action);
    setError(undefined);
    setSaved(false);
    try {
      onChange(action === 'save' ? await api.saveMinutes(meeting.id, minutes) : await api.markHeld(meeting.id, minutes));
      setSaved(action === 'save');
    } catch (failure) {
      setError(sentence(failure));
    } finally {
      setBusy(undefined);
    }
  }

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
      {error !== undefined && <ErrorCard error={error} />}
      <textarea
        className="hg-input"
        rows={5}
        aria-label={t('coordination.meeting.minutes')}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        data-testid="meeting-minutes-input"
        style={{ inlineSize: '100%', boxSizing: 'border-box' }}
      />
      <div className="hg-form__row">
        <Button variant="secondary" busy={busy === 'save'} onClick={() => void run('save')} data-testid="meeting-save-minutes">
          {t('coordination.meeting.saveMinutes')}
        </Button>
        {canHold && (
          <Button busy={busy === 'held'} onClick={() => void run('held')} data-testid="meeting-mark-held">
            {t('coordination.meeting.markHeld')}
          </Button>
        )}
        {saved && <span role="status">{t('coordination.meeting.saved')}</span>}
      </div>
    </Card>
  );
}
