import { dayOf, localInstant, timeOf, today } from '@hamgam/contracts/days';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  DataTable,
  DateInput,
  ErrorCard,
  Form,
  Loading,
  Select,
  TextInput,
  TimeInput,
  useAsync,
  useAuth,
  useI18n,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useTvtoApi, uuidOrNull, type CounsellingSlot, type Demand, type DemandLevel, type Session } from './api';
import { useTvtoAction } from './problems';
import { UnverifiedBadge, UnverifiedNote } from './Unverified';

const levelTone: Record<DemandLevel, BadgeTone> = { high: 'success', medium: 'info', low: 'neutral' };
const sessionTone: Record<Session['state'], BadgeTone> = { booked: 'info', held: 'success', 'no-show': 'warning' };
const clinics = ['clinic-sarasiab', 'clinic-motahari', 'clinic-amiralmomenin', 'clinic-fajr'];

/** Career counselling: the office's trade demand list and the counsellor's sessions at the clinics. */
export function CounsellingSection() {
  const api = useTvtoApi();
  const { t, localize, formatDate, formatDateTime } = useI18n();
  const canAct = useAuth().hasRole('tvto-staff');
  const [clinicId, setClinicId] = useState('');
  const [preset, setPreset] = useState<CounsellingSlot>();
  const data = useAsync(() => Promise.all([api.demand(), api.sessions(clinicId || undefined)]), [api, clinicId]);
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [demand, sessions] = data.data;
  return (
    <>
      <Card title={t('vt.counselling.demand')} testId="vt-demand">
        <DataTable
          testId="vt-demand-table"
          rows={demand}
          rowKey={(d) => d.trade}
          rowTestId={(d) => `vt-demand-${d.trade}`}
          columns={[
            { key: 'trade', header: t('vt.trade'), render: (d) => localize(d.label) },
            {
              key: 'level',
              header: t('vt.counselling.level'),
              render: (d) => <Badge tone={levelTone[d.level]}>{t(`vt.counselling.level.${d.level}`)}</Badge>,
            },
            { key: 'note', header: t('vt.note'), render: (d) => localize(d.note) },
            { key: 'updated', header: t('vt.day'), render: (d) => formatDate(d.updatedAt) },
          ]}
        />
        {canAct && <DemandForm onDone={data.reload} />}
      </Card>
      <CounsellorDays onPick={canAct ? setPreset : undefined} />
      <Card title={t('vt.counselling.sessions')} testId="vt-sessions">
        <Select
          label={t('vt.clinic')}
          value={clinicId}
          data-testid="vt-sessions-clinic"
          onChange={(e) => setClinicId(e.target.value)}
          options={[{ value: '', label: t('vt.counselling.allClinics') }, ...clinics.map((c) => ({ value: c, label: c }))]}
        />
        <DataTable
          testId="vt-sessions-table"
          rows={sessions}
          rowKey={(s) => s.sessionId}
          rowTestId={(s) => `vt-session-${s.sessionId}`}
          empty={t('vt.counselling.empty')}
          columns={[
            { key: 'day', header: t('vt.day'), render: (s) => formatDateTime(localInstant(s.day, s.time)) },
            { key: 'clinic', header: t('vt.clinic'), render: (s) => s.clinicId },
            {
              key: 'resident',
              header: t('vt.resident'),
              render: (s) => (
                <>
                  <code dir="ltr">{s.residentRef.slice(0, 8)}</code>{' '}
                  {s.unverified && <UnverifiedBadge testId={`vt-session-unverified-${s.sessionId}`} />}
                </>
              ),
            },
            {
              key: 'state',
              header: t('vt.status'),
              render: (s) => (
                <>
                  <Badge tone={sessionTone[s.state]} testId={`vt-session-state-${s.sessionId}`}>
                    {t(`vt.session.${s.state}`)}
                  </Badge>
                  {s.notes && (
                    <div>
                      <small>{s.notes}</small>
                    </div>
                  )}
                  {s.guidance.length > 0 && (
                    <div>
                      <small>
                        {s.guidance.map((g) => localize(demand.find((d) => d.trade === g)?.label ?? { fa: g, en: g })).join('، ')}
                      </small>
                    </div>
                  )}
                </>
              ),
            },
            ...(canAct
              ? [
                  {
                    key: 'actions',
                    header: t('vt.actions'),
                    render: (s: Session) => <RecordActions session={s} demand={demand} onDone={data.reload} />,
                  },
                ]
              : []),
          ]}
        />
        <UnverifiedNote rows={sessions} testId="vt-sessions-unverified-note" />
        {canAct && <BookForm key={preset?.id ?? 'none'} preset={preset} onDone={data.reload} />}
      </Card>
    </>
  );
}

function DemandForm({ onDone }: { onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const [f, setF] = useState({ trade: '', fa: '', en: '', level: 'medium' as DemandLevel, noteFa: '', noteEn: '' });
  const action = useTvtoAction(onDone);
  const ok = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(f.trade) && [f.fa, f.en, f.noteFa, f.noteEn].every((v) => v.trim());
  const field = (key: 'trade' | 'fa' | 'en' | 'noteFa' | 'noteEn', label: string) => (
    <TextInput label={label} value={f[key]} data-testid={`vt-demand-${key}`} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
  );
  return (
    <details data-testid="vt-demand-form-toggle">
      <summary>{t('vt.counselling.saveDemand')}</summary>
      <Form
        onSubmit={() =>
          ok &&
          void action.run(() =>
            api.setDemand(f.trade, {
              label: { fa: f.fa.trim(), en: f.en.trim() },
              level: f.level,
              note: { fa: f.noteFa.trim(), en: f.noteEn.trim() },
            }),
          )
        }
        error={action.error}
        testId="vt-demand-form"
      >
        {field('trade', t('vt.trade'))}
        {field('fa', `${t('vt.counselling.label')} (${t('vt.fa')})`)}
        {field('en', `${t('vt.counselling.label')} (${t('vt.en')})`)}
        <Select
          label={t('vt.counselling.level')}
          value={f.level}
          data-testid="vt-demand-level"
          onChange={(e) => setF({ ...f, level: e.target.value as DemandLevel })}
          options={(['high', 'medium', 'low'] as const).map((l) => ({ value: l, label: t(`vt.counselling.level.${l}`) }))}
        />
        {field('noteFa', `${t('vt.note')} (${t('vt.fa')})`)}
        {field('noteEn', `${t('vt.note')} (${t('vt.en')})`)}
        <Button type="submit" busy={action.busy} disabled={!ok} data-testid="vt-demand-save">
          {t('vt.counselling.saveDemand')}
        </Button>
      </Form>
    </details>
  );
}

/** The counsellor's days at the clinics, from the clinics' calendar (a clinic keeps its own week); picking one fills the booking form. */
function CounsellorDays({ onPick }: { onPick?: (slot: CounsellingSlot) => void }) {
  const api = useTvtoApi();
  const { t, formatDateTime, formatNumber } = useI18n();
  const slots = useAsync(() => api.counsellorDays(), [api]);
  return (
    <Card title={t('vt.counselling.days')} testId="vt-counsellor-days">
      {slots.error !== undefined ? (
        <ErrorCard error={slots.error} onRetry={slots.reload} testId="vt-counsellor-days-error" />
      ) : !slots.data ? (
        <Loading />
      ) : (
        <DataTable
          testId="vt-counsellor-days-table"
          rows={slots.data}
          rowKey={(s) => s.id}
          empty={t('vt.counselling.noDays')}
          columns={[
            { key: 'clinic', header: t('vt.clinic'), render: (s) => s.clinicId },
            { key: 'when', header: t('vt.day'), render: (s) => formatDateTime(s.startsAt) },
            {
              key: 'booked',
              header: t('vt.counselling.booked'),
              render: (s) => t('vt.courses.places', { enrolled: formatNumber(s.bookedCount), capacity: formatNumber(s.capacity) }),
            },
            ...(onPick
              ? [
                  {
                    key: 'pick',
                    header: t('vt.actions'),
                    render: (s: CounsellingSlot) => (
                      <Button variant="secondary" data-testid={`vt-counsellor-day-${s.id}`} onClick={() => onPick(s)}>
                        {t('vt.counselling.book')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

/** A slot's day and time as Kerman sees them. */
function kermanDayTime(instant: string): { day: string; time: string } {
  return { day: dayOf(new Date(instant)), time: timeOf(new Date(instant)) };
}

function BookForm({ preset, onDone }: { preset?: CounsellingSlot; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const [f, setF] = useState(() => ({
    clinicId: preset?.clinicId ?? clinics[0]!,
    resident: '',
    referral: '',
    ...(preset ? kermanDayTime(preset.startsAt) : { day: today(7), time: '10:00' }),
  }));
  const action = useTvtoAction(onDone);
  const residentRef = uuidOrNull(f.resident);
  const referralId = uuidOrNull(f.referral);
  return (
    <details data-testid="vt-book-form-toggle" open={preset !== undefined}>
      <summary>{t('vt.counselling.book')}</summary>
      <Form
        onSubmit={() =>
          (residentRef || referralId) &&
          void action.run(() => api.book({ clinicId: f.clinicId, residentRef, referralId, day: f.day, time: f.time }))
        }
        error={action.error}
        testId="vt-book-form"
      >
        <Select
          label={t('vt.clinic')}
          value={f.clinicId}
          data-testid="vt-book-clinic"
          onChange={(e) => setF({ ...f, clinicId: e.target.value })}
          options={clinics.map((c) => ({ value: c, label: c }))}
        />
        <TextInput
          label={t('vt.resident')}
          dir="ltr"
          value={f.resident}
          data-testid="vt-book-resident"
          onChange={(e) => setF({ ...f, resident: e.target.value })}
        />
        <TextInput
          label={t('vt.counselling.referral')}
          dir="ltr"
          value={f.referral}
          data-testid="vt-book-referral"
          onChange={(e) => setF({ ...f, referral: e.target.value })}
        />
        <DateInput label={t('vt.day')} value={f.day} data-testid="vt-book-day" onChange={(day) => setF({ ...f, day })} />
        <TimeInput label={t('vt.time')} value={f.time} data-testid="vt-book-time" onChange={(time) => setF({ ...f, time })} />
        <Button type="submit" busy={action.busy} disabled={!residentRef && !referralId} data-testid="vt-book-submit">
          {t('vt.counselling.book')}
        </Button>
      </Form>
    </details>
  );
}

function RecordActions({ session, demand, onDone }: { session: Session; demand: Demand[]; onDone: () => void }) {
  const api = useTvtoApi();
  const { t, localize } = useI18n();
  const [notes, setNotes] = useState('');
  const [guidance, setGuidance] = useState<string[]>([]);
  const action = useTvtoAction(onDone);
  if (session.state !== 'booked') return null;
  const id = session.sessionId;
  return (
    <div data-testid={`vt-record-${id}`}>
      {action.error !== undefined && <ErrorCard error={action.error} />}
      <TextInput label={t('vt.note')} value={notes} data-testid={`vt-record-notes-${id}`} onChange={(e) => setNotes(e.target.value)} />
      <fieldset>
        <legend>{t('vt.counselling.guidance')}</legend>
        {demand.map((d) => (
          <label key={d.trade} className="hg-check">
            <input
              type="checkbox"
              checked={guidance.includes(d.trade)}
              data-testid={`vt-record-guidance-${d.trade}-${id}`}
              onChange={(e) => setGuidance(e.target.checked ? [...guidance, d.trade] : guidance.filter((g) => g !== d.trade))}
            />{' '}
            {localize(d.label)}
          </label>
        ))}
      </fieldset>
      <div className="hg-form__row">
        <Button
          busy={action.busy}
          disabled={!notes.trim()}
          data-testid={`vt-record-held-${id}`}
          onClick={() => void action.run(() => api.record(id, { state: 'held', notes: notes.trim(), guidance }))}
        >
          {t('vt.counselling.recordHeld')}
        </Button>
        <Button
          variant="secondary"
          busy={action.busy}
          data-testid={`vt-record-no-show-${id}`}
          onClick={() => void action.run(() => api.record(id, { state: 'no-show' }))}
        >
          {t('vt.counselling.noShow')}
        </Button>
      </div>
    </div>
  );
}
