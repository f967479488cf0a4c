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
  ListControls,
  Loading,
  PagedTable,
  Select,
  TextInput,
  TimeInput,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useTvtoApi, type CounsellingSlot, type Demand, type DemandLevel, type PickableReferral, type Session } from './api';
import { useTvtoAction } from './problems';
import { ClinicPicker, namesOf, ReferralPicker, ResidentCode, TradePicker, useNames, useReferences, type References } from './references';
import { UnverifiedBadge, UnverifiedNote } from './Unverified';

/** Read again whenever a screen opens (what another screen changed shows), the cached answer meanwhile; refusals in the module's words. */
const fresh = { module: 'vt', staleTime: 0 };

const levelTone: Record<DemandLevel, BadgeTone> = { high: 'success', medium: 'info', low: 'neutral' };
const sessionTone: Record<Session['state'], BadgeTone> = { booked: 'info', held: 'success', 'no-show': 'warning' };

export interface SessionSearch {
  clinicId: string;
  state: Session['state'] | '';
}

/** Career counselling: the office's trade demand list and the counsellor's sessions at the clinics. */
export function CounsellingSection() {
  const api = useTvtoApi();
  const { t, localize, formatDate, formatDateTime } = useI18n();
  const canAct = useAuth().hasRole('tvto-staff');
  const [search, setSearch] = useState<SessionSearch>({ clinicId: '', state: '' });
  const [preset, setPreset] = useState<CounsellingSlot>();
  const data = useApiQuery(['vocational-training', 'demand'], () => api.demand(), fresh);
  const paged = usePagedQuery(['vocational-training', 'sessions', search], (after) => api.sessionPage(search, after), { module: 'vt' });
  const references = useReferences();
  const error = data.error ?? references.error;
  if (error) return <ErrorCard error={error} onRetry={() => (data.reload(), references.reload())} />;
  if (!data.data || !references.data) return <Loading />;
  const demand = data.data;
  const sessions = paged.items;
  const reload = () => (data.reload(), paged.reload());
  const [places] = references.data;
  const names = namesOf(references.data, localize);
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
        {canAct && <DemandForm references={references.data} onDone={reload} />}
      </Card>
      <CounsellorDays references={references.data} onPick={canAct ? setPreset : undefined} />
      <Card title={t('vt.counselling.sessions')} testId="vt-sessions">
        <ListControls
          testId="vt-sessions-controls"
          filters={
            <>
              <ClinicPicker
                label={t('vt.clinic')}
                places={places}
                value={search.clinicId}
                testId="vt-sessions-clinic"
                none={t('vt.counselling.allClinics')}
                onChange={(clinicId) => setSearch({ ...search, clinicId })}
              />
              <Select
                label={t('vt.status')}
                value={search.state}
                data-testid="vt-sessions-state"
                onChange={(e) => setSearch({ ...search, state: e.target.value as SessionSearch['state'] })}
                options={[
                  { value: '', label: t('vt.all') },
                  ...(['booked', 'held', 'no-show'] as const).map((s) => ({ value: s, label: t(`vt.session.${s}`) })),
                ]}
              />
            </>
          }
        />
        <PagedTable
          paged={paged}
          testId="vt-sessions-table"
          rowKey={(s) => s.sessionId}
          rowTestId={(s) => `vt-session-${s.sessionId}`}
          empty={t('vt.counselling.empty')}
          columns={[
            { key: 'day', header: t('vt.day'), render: (s) => formatDateTime(localInstant(s.day, s.time)) },
            { key: 'clinic', header: t('vt.clinic'), render: (s) => names.clinic(s.clinicId) },
            {
              key: 'resident',
              header: t('vt.resident'),
              render: (s) => (
                <>
                  <ResidentCode code={s.referralCode} testId={`vt-session-resident-${s.sessionId}`} />{' '}
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
                        {s.guidance
                          .map((g) =>
                            demand.find((d) => d.trade === g) ? localize(demand.find((d) => d.trade === g)!.label) : names.trade(g),
                          )
                          .join('، ')}
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
                    render: (s: Session) => <RecordActions session={s} demand={demand} onDone={reload} />,
                  },
                ]
              : []),
          ]}
        />
        <UnverifiedNote rows={sessions} testId="vt-sessions-unverified-note" />
        {canAct && <BookForm key={preset?.id ?? 'none'} preset={preset} references={references.data} onDone={reload} />}
      </Card>
    </>
  );
}

function DemandForm({ references, onDone }: { references: References; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const trades = references[1];
  const [f, setF] = useState({ trade: '', level: 'medium' as DemandLevel, noteFa: '', noteEn: '' });
  const action = useTvtoAction(onDone);
  const chosen = trades.find((tr) => tr.tradeId === f.trade);
  const ok = chosen !== undefined && [f.noteFa, f.noteEn].every((v) => v.trim());
  const field = (key: 'noteFa' | 'noteEn', label: string) => (
    <TextInput label={label} value={f[key]} data-testid={`vt-demand-${key}`} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
  );
  return (
    <details data-testid="vt-demand-form-toggle">
      <summary>{t('vt.counselling.saveDemand')}</summary>
      <Form
        onSubmit={() =>
          ok &&
          void action.run(() =>
            // The trade's label is its name in the programme's list of trades.
            api.setDemand(f.trade, { label: chosen.name, level: f.level, note: { fa: f.noteFa.trim(), en: f.noteEn.trim() } }),
          )
        }
        error={action.error}
        testId="vt-demand-form"
      >
        <TradePicker
          label={t('vt.trade')}
          trades={trades}
          value={f.trade}
          testId="vt-demand-trade"
          onChange={(trade) => setF({ ...f, trade })}
        />
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
function CounsellorDays({ references, onPick }: { references: References; onPick?: (slot: CounsellingSlot) => void }) {
  const api = useTvtoApi();
  const names = useNames(references);
  const { t, formatDateTime, formatNumber } = useI18n();
  const slots = useApiQuery(['vocational-training', 'counsellor-days'], () => api.counsellorDays(), fresh);
  return (
    <Card title={t('vt.counselling.days')} testId="vt-counsellor-days">
      {slots.error ? (
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
            { key: 'clinic', header: t('vt.clinic'), render: (s) => names.clinic(s.clinicId) },
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

function BookForm({ preset, references, onDone }: { preset?: CounsellingSlot; references: References; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const [places] = references;
  const [f, setF] = useState(() => ({
    clinicId: preset?.clinicId ?? places.clinics[0]?.clinicId ?? '',
    ...(preset ? kermanDayTime(preset.startsAt) : { day: today(7), time: '10:00' }),
  }));
  const [referral, setReferral] = useState<PickableReferral>();
  const [resident, setResident] = useState<PickableReferral>();
  const action = useTvtoAction(onDone);
  const referralId = referral?.referralId ?? null;
  const residentRef = referralId ? null : (resident?.residentRef ?? null);
  return (
    <details data-testid="vt-book-form-toggle" open={preset !== undefined}>
      <summary>{t('vt.counselling.book')}</summary>
      <Form
        onSubmit={() =>
          (residentRef || referralId) &&
          f.clinicId &&
          void action.run(() => api.book({ clinicId: f.clinicId, residentRef, referralId, day: f.day, time: f.time }))
        }
        error={action.error}
        testId="vt-book-form"
      >
        <ClinicPicker
          label={t('vt.clinic')}
          places={places}
          value={f.clinicId}
          testId="vt-book-clinic"
          onChange={(clinicId) => setF({ ...f, clinicId })}
        />
        <ReferralPicker
          label={t('vt.counselling.referral')}
          testId="vt-book-referral"
          state="accepted"
          value={referral}
          onChange={setReferral}
        />
        <ReferralPicker label={t('vt.resident')} testId="vt-book-resident" value={resident} onChange={setResident} />
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
