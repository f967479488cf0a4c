import { today } from '@hamgam/contracts/days';
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
  NumberInput,
  PagedTable,
  Select,
  TextInput,
  useApiQuery,
  useAuth,
  useI18n,
  usePagedQuery,
} from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import {
  useTvtoApi,
  type CompletionResult,
  type CourseDetail,
  type Enrolment,
  type EnrolmentState,
  type NewCourse,
  type PickableReferral,
  type Venue,
  type VenueKind,
} from './api';
import { useTvtoAction } from './problems';
import { NeighbourhoodPicker, ReferralPicker, ResidentCode, TradePicker, useReferences, type References } from './references';
import { UnverifiedBadge, UnverifiedNote } from './Unverified';

/** Read again whenever a screen opens (what another screen changed shows), the cached answer meanwhile; refusals in the module's words. */
const fresh = { module: 'vt', staleTime: 0 };

export const enrolmentTone: Record<EnrolmentState, BadgeTone> = { enrolled: 'info', completed: 'success', 'dropped-out': 'neutral' };

/** Courses: the list with places, a new-course form, each course's page, and the certificates issued. */
export function CoursesSection() {
  return (
    <Routes>
      <Route index element={<CourseList />} />
      <Route path=":courseId" element={<CoursePage />} />
    </Routes>
  );
}

export interface CourseSearch {
  q: string;
  venueKind: VenueKind | '';
  order: 'asc' | 'desc';
}

/** The courses a page at a time, found by title, filtered by kind of venue, soonest or latest first; then the certificates. */
function CourseList() {
  const api = useTvtoApi();
  const { t, localize, formatDate, formatNumber } = useI18n();
  const canAct = useAuth().hasRole('tvto-staff');
  const [search, setSearch] = useState<CourseSearch>({ q: '', venueKind: '', order: 'asc' });
  const paged = usePagedQuery(['vocational-training', 'courses', search], (after) => api.coursePage(search, after), { module: 'vt' });
  const data = useApiQuery(['vocational-training', 'certificates'], () => api.certificates(), fresh);
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const certificates = data.data;
  return (
    <>
      {canAct && <NewCourse onCreated={paged.reload} />}
      <Card title={t('vt.courses.title')} testId="vt-courses">
        <ListControls
          testId="vt-courses-controls"
          search={{ onSearch: (q) => setSearch({ ...search, q }), placeholder: t('vt.courses.searchHint') }}
          sort={{
            value: search.order,
            onChange: (order) => setSearch({ ...search, order: order as CourseSearch['order'] }),
            options: (['asc', 'desc'] as const).map((o) => ({ value: o, label: t(`vt.courses.order.${o}`) })),
          }}
          filters={
            <Select
              label={t('vt.courses.venueKind')}
              value={search.venueKind}
              data-testid="vt-courses-venue-kind"
              onChange={(e) => setSearch({ ...search, venueKind: e.target.value as CourseSearch['venueKind'] })}
              options={[
                { value: '', label: t('vt.all') },
                ...(['clinic', 'tvto-centre', 'private-institute'] as const).map((k) => ({ value: k, label: t(`vt.venue.${k}`) })),
              ]}
            />
          }
        />
        <PagedTable
          paged={paged}
          testId="vt-courses-table"
          rowKey={(c) => c.courseId}
          rowTestId={(c) => `vt-course-${c.courseId}`}
          empty={t('vt.courses.empty')}
          columns={[
            {
              key: 'title',
              header: t('vt.courses.name'),
              render: (c) => (
                <Link to={c.courseId} data-testid={`vt-course-open-${c.courseId}`}>
                  {localize(c.title)}
                </Link>
              ),
            },
            {
              key: 'venue',
              header: t('vt.courses.venue'),
              render: (c) => (
                <>
                  {localize(c.venueName)} <Badge>{t(`vt.venue.${c.venue.kind}`)}</Badge>
                </>
              ),
            },
            { key: 'dates', header: t('vt.courses.startsOn'), render: (c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}` },
            { key: 'hours', header: t('vt.courses.hours'), render: (c) => formatNumber(c.hours) },
            {
              key: 'places',
              header: t('vt.courses.capacity'),
              render: (c) => (
                <span data-testid={`vt-course-places-${c.courseId}`}>
                  {t('vt.courses.places', { enrolled: formatNumber(c.enrolled), capacity: formatNumber(c.capacity) })}
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('vt.certificates.title')} testId="vt-certificates">
        <DataTable
          testId="vt-certificates-table"
          rows={certificates}
          rowKey={(c) => c.certificateNo}
          empty={t('vt.certificates.empty')}
          columns={[
            { key: 'no', header: t('vt.certificates.no'), render: (c) => <code dir="ltr">{c.certificateNo}</code> },
            { key: 'course', header: t('vt.certificates.course'), render: (c) => (c.courseTitle ? localize(c.courseTitle) : '—') },
            { key: 'date', header: t('vt.certificates.date'), render: (c) => formatDate(c.completedAt) },
          ]}
        />
      </Card>
    </>
  );
}

/** The new-course form once the lists it picks from (trades, venues) are in. */
function NewCourse({ onCreated }: { onCreated: () => void }) {
  const api = useTvtoApi();
  const references = useReferences();
  const venues = useApiQuery(['vocational-training', 'venues'], () => api.venues(), { ...fresh, staleTime: 300_000 });
  const error = references.error ?? venues.error;
  if (error) return <ErrorCard error={error} onRetry={() => (references.reload(), venues.reload())} />;
  if (!references.data || !venues.data) return <Loading />;
  return <CourseForm references={references.data} venues={venues.data} onCreated={onCreated} />;
}

function CourseForm({ references, venues, onCreated }: { references: References; venues: Venue[]; onCreated: () => void }) {
  const api = useTvtoApi();
  const { t, localize } = useI18n();
  const trades = references[1];
  const [f, setF] = useState({
    titleFa: '',
    titleEn: '',
    trade: '',
    level: 'beginner',
    hours: '60',
    sessions: '20',
    venueKind: 'tvto-centre' as VenueKind,
    venueId: '',
    placeFa: '',
    placeEn: '',
    scheduleFa: '',
    scheduleEn: '',
    startsOn: today(14),
    endsOn: today(90),
    capacity: '15',
  });
  const [missing, setMissing] = useState(false);
  const action = useTvtoAction(onCreated);
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const ofKind = venues.filter((v) => v.kind === f.venueKind);
  // Picking a venue names the place in both languages; staff may still add a room or a street.
  const pickVenue = (venueId: string) => {
    const venue = venues.find((v) => v.kind === f.venueKind && v.id === venueId);
    setF({ ...f, venueId, placeFa: venue?.name.fa ?? f.placeFa, placeEn: venue?.name.en ?? f.placeEn });
  };

  function submit() {
    const complete =
      f.trade !== '' && f.venueId !== '' && [f.titleFa, f.titleEn, f.placeFa, f.placeEn, f.scheduleFa, f.scheduleEn].every((v) => v.trim());
    setMissing(!complete);
    if (!complete) return;
    const course: NewCourse = {
      title: { fa: f.titleFa.trim(), en: f.titleEn.trim() },
      trade: f.trade,
      level: f.level as NewCourse['level'],
      hours: Number(f.hours),
      sessions: Number(f.sessions),
      venue: { kind: f.venueKind, id: f.venueId },
      venueName: { fa: f.placeFa.trim(), en: f.placeEn.trim() },
      schedule: { fa: f.scheduleFa.trim(), en: f.scheduleEn.trim() },
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      capacity: Number(f.capacity),
      eligibility: { fa: 'ساکنان محله‌های هدف', en: 'Residents of the target neighbourhoods' },
    };
    void action.run(() => api.createCourse(course));
  }

  const text = (key: keyof typeof f, label: string, testId: string, ltr = false) => (
    <TextInput
      label={label}
      value={f[key]}
      data-testid={testId}
      dir={ltr ? 'ltr' : undefined}
      onChange={(e) => set(key)(e.target.value)}
      error={missing && !f[key].trim() ? t('vt.required') : undefined}
    />
  );
  return (
    <Card testId="vt-course-form-card">
      <details data-testid="vt-course-form-toggle">
        <summary>{t('vt.courses.new')}</summary>
        <Form onSubmit={submit} error={action.rest(['endsOn'])} testId="vt-course-form">
          {text('titleFa', `${t('vt.courses.name')} (${t('vt.fa')})`, 'vt-course-title-fa')}
          {text('titleEn', `${t('vt.courses.name')} (${t('vt.en')})`, 'vt-course-title-en', true)}
          <TradePicker
            label={t('vt.trade')}
            trades={trades}
            value={f.trade}
            testId="vt-course-trade"
            error={missing && !f.trade ? t('vt.required') : undefined}
            onChange={set('trade')}
          />
          <Select
            label={t('vt.courses.level')}
            value={f.level}
            onChange={(e) => set('level')(e.target.value)}
            options={(['beginner', 'intermediate', 'advanced'] as const).map((l) => ({ value: l, label: t(`vt.courses.level.${l}`) }))}
          />
          <NumberInput label={t('vt.courses.hours')} value={f.hours} onValueChange={set('hours')} data-testid="vt-course-hours" />
          <NumberInput
            label={t('vt.courses.sessions')}
            value={f.sessions}
            onValueChange={set('sessions')}
            data-testid="vt-course-sessions"
          />
          <Select
            label={t('vt.courses.venueKind')}
            value={f.venueKind}
            data-testid="vt-course-venue-kind"
            onChange={(e) => setF({ ...f, venueKind: e.target.value as VenueKind, venueId: '' })}
            options={(['clinic', 'tvto-centre', 'private-institute'] as const).map((k) => ({ value: k, label: t(`vt.venue.${k}`) }))}
          />
          <Select
            label={t('vt.courses.venue')}
            value={f.venueId}
            data-testid="vt-course-venue-id"
            error={missing && !f.venueId ? t('vt.required') : undefined}
            onChange={(e) => pickVenue(e.target.value)}
            options={[{ value: '', label: t('vt.choose') }, ...ofKind.map((v) => ({ value: v.id, label: localize(v.name) }))]}
          />
          {text('placeFa', `${t('vt.courses.venue')} (${t('vt.fa')})`, 'vt-course-place-fa')}
          {text('placeEn', `${t('vt.courses.venue')} (${t('vt.en')})`, 'vt-course-place-en', true)}
          {text('scheduleFa', `${t('vt.courses.schedule')} (${t('vt.fa')})`, 'vt-course-schedule-fa')}
          {text('scheduleEn', `${t('vt.courses.schedule')} (${t('vt.en')})`, 'vt-course-schedule-en', true)}
          <DateInput label={t('vt.courses.startsOn')} value={f.startsOn} onChange={set('startsOn')} data-testid="vt-course-starts" />
          <DateInput
            label={t('vt.courses.endsOn')}
            value={f.endsOn}
            onChange={set('endsOn')}
            error={action.at('endsOn')}
            data-testid="vt-course-ends"
          />
          <NumberInput
            label={t('vt.courses.capacity')}
            value={f.capacity}
            onValueChange={set('capacity')}
            data-testid="vt-course-capacity"
          />
          <Button type="submit" busy={action.busy} data-testid="vt-course-submit">
            {t('vt.save')}
          </Button>
        </Form>
      </details>
    </Card>
  );
}

function CoursePage() {
  const { courseId = '' } = useParams();
  const api = useTvtoApi();
  const { t, localize, formatNumber } = useI18n();
  const canAct = useAuth().hasRole('tvto-staff');
  const data = useApiQuery(
    ['vocational-training', 'course', courseId, canAct],
    () => Promise.all([api.course(courseId), canAct ? api.acceptedReferrals() : Promise.resolve([])]),
    fresh,
  );
  if (data.error) return <ErrorCard error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const [course, referrals] = data.data;
  const enrolled = new Set(course.enrolments.map((e) => e.referralId));
  const waiting = referrals.filter((r) => r.offerId === courseId && !enrolled.has(r.referralId));
  return (
    <>
      <p>
        <Link to=".." relative="path" data-testid="vt-course-back">
          {t('vt.courses.back')}
        </Link>
      </p>
      <Card title={localize(course.title)} testId="vt-course-page">
        <p>
          {localize(course.venueName)} · {localize(course.schedule)} ·{' '}
          <span data-testid="vt-course-page-places">
            {t('vt.courses.places', { enrolled: formatNumber(course.enrolled), capacity: formatNumber(course.capacity) })}
          </span>
        </p>
        <p className="hg-muted">{t('vt.courses.passRule')}</p>
      </Card>
      {canAct && <EnrolForm courseId={courseId} waiting={waiting} onDone={data.reload} />}
      <Card title={t('vt.courses.enrolments')} testId="vt-enrolments">
        <DataTable
          testId="vt-enrolments-table"
          rows={course.enrolments}
          rowKey={(e) => e.enrolmentId}
          rowTestId={(e) => `vt-enrolment-${e.enrolmentId}`}
          empty={t('vt.courses.noEnrolments')}
          columns={[
            {
              key: 'resident',
              header: t('vt.resident'),
              render: (e) => (
                <>
                  <ResidentCode code={e.referralCode} testId={`vt-enrolment-resident-${e.enrolmentId}`} />{' '}
                  {e.unverified && <UnverifiedBadge testId={`vt-enrolment-unverified-${e.enrolmentId}`} />}
                </>
              ),
            },
            { key: 'source', header: t('vt.courses.source'), render: (e) => t(`vt.courses.source.${e.source}`) },
            {
              key: 'rate',
              header: t('vt.courses.rate'),
              render: (e) => (
                <span data-testid={`vt-enrolment-rate-${e.enrolmentId}`}>{formatNumber(e.attendanceRate, { style: 'percent' })}</span>
              ),
            },
            {
              key: 'state',
              header: t('vt.status'),
              render: (e) => (
                <>
                  <Badge tone={enrolmentTone[e.state]} testId={`vt-enrolment-state-${e.enrolmentId}`}>
                    {e.result ? t(`vt.courses.${e.result}`) : t(`vt.enrolment.${e.state}`)}
                  </Badge>{' '}
                  {e.certificateNo && (
                    <code dir="ltr" data-testid={`vt-enrolment-certificate-${e.enrolmentId}`}>
                      {e.certificateNo}
                    </code>
                  )}
                </>
              ),
            },
            ...(canAct
              ? [
                  {
                    key: 'actions',
                    header: t('vt.actions'),
                    render: (e: Enrolment) => <CompleteActions enrolment={e} onDone={data.reload} />,
                  },
                ]
              : []),
          ]}
        />
        <UnverifiedNote rows={course.enrolments} testId="vt-enrolments-unverified-note" />
      </Card>
      {canAct && course.enrolments.some((e) => e.state === 'enrolled') && (
        // A new set of enrolled residents starts a fresh sheet (everyone present until unticked).
        <AttendanceSheet
          key={course.enrolments
            .filter((e) => e.state === 'enrolled')
            .map((e) => e.enrolmentId)
            .join()}
          course={course}
          onDone={data.reload}
        />
      )}
    </>
  );
}

function EnrolForm({
  courseId,
  waiting,
  onDone,
}: {
  courseId: string;
  waiting: { referralId: string; trackingCode: string }[];
  onDone: () => void;
}) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const references = useReferences();
  const [referralId, setReferralId] = useState(waiting[0]?.referralId ?? '');
  const [resident, setResident] = useState<PickableReferral>();
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const action = useTvtoAction(() => (setResident(undefined), onDone()));
  return (
    <Card title={t('vt.courses.enrol')} testId="vt-enrol">
      {action.error !== undefined && <ErrorCard error={action.error} />}
      {waiting.length === 0 ? (
        <p className="hg-muted">{t('vt.courses.noReferrals')}</p>
      ) : (
        <div className="hg-form__row">
          <Select
            label={t('vt.courses.chooseReferral')}
            value={referralId}
            data-testid="vt-enrol-referral"
            onChange={(e) => setReferralId(e.target.value)}
            options={waiting.map((r) => ({ value: r.referralId, label: r.trackingCode }))}
          />
          <Button
            busy={action.busy}
            data-testid="vt-enrol-from-referral"
            onClick={() => void action.run(() => api.enrol(courseId, { referralId: referralId || waiting[0]!.referralId }))}
          >
            {t('vt.courses.fromReferral')}
          </Button>
        </div>
      )}
      <div className="hg-form__row">
        <ReferralPicker label={t('vt.resident')} testId="vt-enrol-resident" value={resident} onChange={setResident} />
        {references.data && (
          <NeighbourhoodPicker
            label={t('vt.neighbourhood')}
            places={references.data[0]}
            value={neighbourhoodId}
            testId="vt-enrol-neighbourhood"
            none={t('vt.courses.outsideTargets')}
            onChange={setNeighbourhoodId}
          />
        )}
        <Button
          variant="secondary"
          busy={action.busy}
          data-testid="vt-enrol-walk-in"
          onClick={() =>
            void action.run(() =>
              api.enrol(courseId, { residentRef: resident?.residentRef ?? null, neighbourhoodId: neighbourhoodId || null }),
            )
          }
        >
          {t('vt.courses.walkIn')}
        </Button>
      </div>
    </Card>
  );
}

function CompleteActions({ enrolment, onDone }: { enrolment: Enrolment; onDone: () => void }) {
  const api = useTvtoApi();
  const { t } = useI18n();
  const action = useTvtoAction(onDone);
  if (enrolment.state !== 'enrolled') return null;
  return (
    <div className="hg-form__row">
      {action.error !== undefined && <ErrorCard error={action.error} testId={`vt-complete-error-${enrolment.enrolmentId}`} />}
      {(['passed', 'failed', 'dropped-out'] as CompletionResult[]).map((result) => (
        <Button
          key={result}
          variant={result === 'passed' ? 'primary' : 'secondary'}
          busy={action.busy}
          data-testid={`vt-complete-${result}-${enrolment.enrolmentId}`}
          onClick={() => void action.run(() => api.complete(enrolment.enrolmentId, result))}
        >
          {t(`vt.courses.${result}`)}
        </Button>
      ))}
    </div>
  );
}

function AttendanceSheet({ course, onDone }: { course: CourseDetail; onDone: () => void }) {
  const api = useTvtoApi();
  const { t, formatNumber } = useI18n();
  const active = course.enrolments.filter((e) => e.state === 'enrolled');
  const [session, setSession] = useState(String(Math.min(course.sessions, course.sessionsHeld + 1)));
  const [present, setPresent] = useState<Set<string>>(new Set(active.map((e) => e.enrolmentId)));
  const [saved, setSaved] = useState<number>();
  const action = useTvtoAction(onDone);
  const toggle = (id: string) => setPresent((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  async function save() {
    const n = Number(session);
    if (
      await action.run(() =>
        api.attendance(
          course.courseId,
          n,
          active.filter((e) => present.has(e.enrolmentId)).map((e) => e.enrolmentId),
        ),
      )
    )
      setSaved(n);
  }
  return (
    <Card title={t('vt.courses.attendance')} testId="vt-attendance">
      <p className="hg-muted">
        {t('vt.courses.sessionsHeld', { held: formatNumber(course.sessionsHeld), sessions: formatNumber(course.sessions) })}
      </p>
      <Form onSubmit={() => void save()} error={action.error} testId="vt-attendance-form">
        <NumberInput label={t('vt.courses.session')} value={session} onValueChange={setSession} data-testid="vt-attendance-session" />
        {active.map((e) => (
          <label key={e.enrolmentId} className="hg-check">
            <input
              type="checkbox"
              checked={present.has(e.enrolmentId)}
              onChange={() => toggle(e.enrolmentId)}
              data-testid={`vt-attendance-present-${e.enrolmentId}`}
            />{' '}
            <ResidentCode code={e.referralCode} />
          </label>
        ))}
        <Button type="submit" busy={action.busy} data-testid="vt-attendance-save">
          {t('vt.courses.saveAttendance')}
        </Button>
        {saved !== undefined && (
          <p data-testid="vt-attendance-saved">{t('vt.courses.attendanceSaved', { session: formatNumber(saved) })}</p>
        )}
      </Form>
    </Card>
  );
}
