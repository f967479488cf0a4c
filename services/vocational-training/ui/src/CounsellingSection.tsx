import { localInstant } from '@hamgam/contracts/days';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  DataTable,
  ErrorCard,
  ListControls,
  Loading,
  PagedTable,
  Select,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { useTvtoApi, type CounsellingSlot, type DemandLevel, type Session } from './api';
import { BookForm } from './BookForm';
import { DemandForm } from './DemandForm';
import { RecordSession } from './RecordSession';
import { ClinicPicker, namesOf, ResidentCode, useNames, useReferences, type References } from './references';
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
                    render: (s: Session) => <RecordSession session={s} demand={demand} onDone={reload} />,
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
