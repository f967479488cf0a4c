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
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { useTvtoApi, type CompletionResult, type Enrolment, type EnrolmentState, type VenueKind } from './api';
import { AttendanceSheet } from './AttendanceSheet';
import { CourseForm } from './CourseForm';
import { EnrolForm } from './EnrolForm';
import { useTvtoAction } from './problems';
import { ResidentCode, useReferences } from './references';
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
