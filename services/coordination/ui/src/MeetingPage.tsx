import { Badge, Button, Card, ErrorCard, Form, Loading, Select, TextInput, useAsync, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { NEED_CATEGORIES, PARTNER_AGENCIES, useCoordinationApi, type Meeting, type NeedCategory, type PartnerAgency } from './api';
import { statusTone, useCanWrite, useLabels } from './labels';

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
      <MeetingView meeting={meeting} neighbourhoodName={data.data[1].find((n) => n.id === meeting.neighbourhoodId)?.name ?? null} onChange={setUpdated} />
    </>
  );
}

function MeetingView({ meeting, neighbourhoodName, onChange }: { meeting: Meeting; neighbourhoodName: { fa: string; en: string } | null; onChange: (m: Meeting) => void }) {
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
        <p>{t('coordination.meeting.when', { date: labels.day(meeting.scheduledOn), neighbourhood: neighbourhoodName ? localize(neighbourhoodName) : meeting.neighbourhoodId })}</p>
        <p className="hg-empty">
          {t('coordination.meeting.attendees', { agencies: formatList(meeting.agencies.map(labels.agency)) })}
          {meeting.representativeAttends && ` — ${t('coordination.meeting.withRepresentative')}`}
        </p>
        {meeting.heldAt && <p data-testid="meeting-held-on">{t('coordination.meeting.heldOn', { date: formatDate(meeting.heldAt) })}</p>}
      </Card>
      <Agenda meeting={meeting} />
      <Minutes meeting={meeting} canWrite={canWrite && open} onChange={onChange} />
      <Resolutions meeting={meeting} />
      {canWrite && open && <ResolutionForm meeting={meeting} onChange={onChange} />}
    </>
  );
}

function Agenda({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { overdue, items, frozen } = meeting.agenda;
  return (
    <Card title={t('coordination.meeting.agendaTitle')} testId="meeting-agenda">
      <section data-testid="agenda-overdue" data-frozen={frozen} style={{ borderInlineStart: '4px solid var(--hg-danger)', paddingInlineStart: '0.75rem' }}>
        <h3 className="hg-card__title">
          <Badge tone="danger">{t('coordination.overdue')}</Badge> {frozen ? t('coordination.meeting.overdueFrozen') : t('coordination.meeting.overdueSection')}
        </h3>
        {overdue.length === 0 ? (
          <p className="hg-empty">{t('coordination.meeting.noOverdue')}</p>
        ) : (
          <ol>
            {overdue.map((item) => (
              <li key={item.commitmentId} data-testid={`agenda-overdue-item-${item.commitmentId}`}>
                {labels.agency(item.agency)}: {item.title} — {labels.category(item.answers)} — {t('coordination.programme.due', { date: labels.day(item.dueOn) })}{' '}
                <Badge tone={statusTone[item.status]}>{labels.status(item.status)}</Badge>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h3 className="hg-card__title">{t('coordination.meeting.ownItems')}</h3>
        {items.length === 0 ? (
          <p className="hg-empty">{t('coordination.meeting.noItems')}</p>
        ) : (
          <ol start={overdue.length + 1}>
            {items.map((item) => (
              <li key={item.id} data-testid={`agenda-item-${item.id}`}>
                {item.text}
              </li>
            ))}
          </ol>
        )}
      </section>
    </Card>
  );
}

function Minutes({ meeting, canWrite, onChange }: { meeting: Meeting; canWrite: boolean; onChange: (m: Meeting) => void }) {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [busy, setBusy] = useState<'save' | 'held'>();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();

  async function run(action: 'save' | 'held') {
    setBusy(action);
    setError(undefined);
    setSaved(false);
    try {
      onChange(action === 'save' ? await api.saveMinutes(meeting.id, minutes) : await api.markHeld(meeting.id, minutes));
      setSaved(action === 'save');
    } catch (failure) {
      setError(failure);
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
        <Button busy={busy === 'held'} onClick={() => void run('held')} data-testid="meeting-mark-held">
          {t('coordination.meeting.markHeld')}
        </Button>
        {saved && <span role="status">{t('coordination.meeting.saved')}</span>}
      </div>
    </Card>
  );
}

function Resolutions({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const labels = useLabels();
  return (
    <Card title={t('coordination.meeting.resolutionsTitle')} testId="meeting-resolutions">
      {meeting.resolutions.length === 0 ? (
        <p className="hg-empty">{t('coordination.meeting.noResolutions')}</p>
      ) : (
        meeting.resolutions.map((r) => (
          <section key={r.id} data-testid={`resolution-${r.id}`}>
            <p>{r.text}</p>
            <ul>
              {r.actionItems.map((item) => (
                <li key={item.id} data-testid={`action-item-${item.id}`} data-agency={item.agency} data-answers={item.answers ?? ''} data-status={item.progress?.status ?? ''}>
                  {labels.agency(item.agency)}: {item.title} — {labels.category(item.answers)} — {t('coordination.programme.due', { date: labels.day(item.dueOn) })}{' '}
                  {item.progress && <Badge tone={statusTone[item.progress.status]}>{labels.status(item.progress.status)}</Badge>}{' '}
                  {item.progress?.overdue && <Badge tone="danger">{t('coordination.overdue')}</Badge>}
                  {item.progress?.evidence && (
                    <div className="hg-empty">
                      {t('coordination.commitments.evidence')}: {item.progress.evidence}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Card>
  );
}

interface DraftAction {
  agency: PartnerAgency;
  title: string;
  dueOn: string;
  answers: NeedCategory | '';
}

const emptyAction = (): DraftAction => ({ agency: 'vocational-training', title: '', dueOn: '', answers: '' });

function ResolutionForm({ meeting, onChange }: { meeting: Meeting; onChange: (m: Meeting) => void }) {
  const api = useCoordinationApi();
  const { t } = useI18n();
  const labels = useLabels();
  const [text, setText] = useState('');
  const [actions, setActions] = useState<DraftAction[]>([emptyAction()]);
  const [errors, setErrors] = useState<{ text?: string; actions?: string }>({});
  const [apiError, setApiError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const edit = (index: number, change: Partial<DraftAction>) => setActions(actions.map((a, i) => (i === index ? { ...a, ...change } : a)));

  async function submit() {
    const found = {
      text: text.trim().length >= 3 ? undefined : t('coordination.resolution.textRequired'),
      actions: actions.length > 0 && actions.every((a) => a.title.trim().length >= 3 && /^\d{4}-\d{2}-\d{2}$/.test(a.dueOn)) ? undefined : t('coordination.resolution.actionInvalid'),
    };
    setErrors(found);
    if (found.text || found.actions) return;
    setSaving(true);
    setApiError(undefined);
    try {
      onChange(
        await api.passResolution(meeting.id, {
          text: text.trim(),
          actionItems: actions.map((a) => ({ agency: a.agency, title: a.title.trim(), dueOn: a.dueOn, answers: a.answers === '' ? null : a.answers })),
        }),
      );
      setText('');
      setActions([emptyAction()]);
    } catch (error) {
      setApiError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('coordination.resolution.new')}>
      <Form onSubmit={() => void submit()} error={apiError} testId="resolution-form">
        <TextInput label={t('coordination.resolution.text')} value={text} onChange={(e) => setText(e.target.value)} error={errors.text} data-testid="resolution-text" />
        {actions.map((action, index) => (
          <fieldset key={index} className="hg-form__row" data-testid={`resolution-action-${index}`} style={{ border: '1px solid var(--hg-border)', borderRadius: 8 }}>
            <legend>{t('coordination.resolution.action', { n: index + 1 })}</legend>
            <Select
              label={t('coordination.resolution.agency')}
              value={action.agency}
              onChange={(e) => edit(index, { agency: e.target.value as PartnerAgency })}
              options={PARTNER_AGENCIES.map((a) => ({ value: a, label: labels.agency(a) }))}
              data-testid={`action-agency-${index}`}
            />
            <TextInput label={t('coordination.resolution.actionTitle')} value={action.title} onChange={(e) => edit(index, { title: e.target.value })} data-testid={`action-title-${index}`} />
            <TextInput label={t('coordination.resolution.due')} type="date" value={action.dueOn} onChange={(e) => edit(index, { dueOn: e.target.value })} data-testid={`action-due-${index}`} />
            <Select
              label={t('coordination.resolution.answers')}
              value={action.answers}
              onChange={(e) => edit(index, { answers: e.target.value as NeedCategory | '' })}
              options={[{ value: '', label: labels.category(null) }, ...NEED_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))]}
              data-testid={`action-answers-${index}`}
            />
            {actions.length > 1 && (
              <Button variant="secondary" onClick={() => setActions(actions.filter((_, i) => i !== index))} data-testid={`action-remove-${index}`}>
                {t('coordination.resolution.removeAction')}
              </Button>
            )}
          </fieldset>
        ))}
        {errors.actions && (
          <p className="hg-field__error" role="alert">
            {errors.actions}
          </p>
        )}
        <div className="hg-form__row">
          <Button variant="secondary" onClick={() => setActions([...actions, emptyAction()])} data-testid="resolution-add-action">
            {t('coordination.resolution.addAction')}
          </Button>
          <Button type="submit" busy={saving} data-testid="resolution-submit">
            {t('coordination.resolution.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
