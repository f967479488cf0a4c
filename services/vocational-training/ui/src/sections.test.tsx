import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Course, CourseDetail, Demand, Master, Permit, Session } from './api';
import App from './App';
import { messages } from './messages';

const api = '/api/vocational-training/v1';
const fa = messages.fa;
const residentA = '11111111-1111-4111-8111-111111111111';
const residentB = '22222222-2222-4222-8222-222222222222';
const referralId = '33333333-3333-4333-8333-333333333333';

const course: Course = {
  courseId: 'tvto-inst-negin-tailoring-1405',
  title: { fa: 'خیاطی', en: 'Tailoring' },
  trade: 'tailoring',
  level: 'beginner',
  hours: 90,
  sessions: 30,
  sessionsHeld: 12,
  venue: { kind: 'private-institute', id: 'inst-negin' },
  venueName: { fa: 'آموزشگاه نگین', en: 'Negin institute' },
  schedule: { fa: 'شنبه‌ها', en: 'Saturdays' },
  startsOn: '2026-11-01',
  endsOn: '2027-01-10',
  capacity: 14,
  enrolled: 2,
  available: 12,
};
const enrolment = (id: string, residentRef: string, rate: number, referralCode: string | null = null) => ({
  enrolmentId: id,
  courseId: course.courseId,
  residentRef,
  referralId: null,
  source: 'direct' as const,
  unverified: false,
  referralCode,
  state: 'enrolled' as const,
  attended: [],
  attendanceRate: rate,
  result: null,
  certificateNo: null,
  enrolledAt: '2026-11-01T08:00:00Z',
});
const detail: CourseDetail = { ...course, enrolments: [enrolment('e-1', residentA, 0.9, 'K7QM-3XWA'), enrolment('e-2', residentB, 0.5)] };

// The lists the forms pick from, as the API serves them (the desk's places and trades, TVTO's venues).
const references = {
  [`GET ${api}/desk/places`]: {
    neighbourhoods: [
      { neighbourhoodId: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } },
      { neighbourhoodId: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' } },
    ],
    clinics: [
      { clinicId: 'clinic-sarasiab', name: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' }, neighbourhoodId: 'nbh-sarasiab' },
      { clinicId: 'clinic-fajr', name: { fa: 'کلینیک فجر', en: 'Fajr clinic' }, neighbourhoodId: 'nbh-fajr' },
    ],
  },
  [`GET ${api}/desk/trades`]: [
    { tradeId: 'tailoring', name: { fa: 'خیاطی', en: 'Tailoring' } },
    { tradeId: 'carpentry', name: { fa: 'نجاری', en: 'Carpentry' } },
  ],
  [`GET ${api}/venues`]: [
    { kind: 'tvto-centre', id: 'tvto-kerman-1', name: { fa: 'مرکز شماره ۱', en: 'Centre no. 1' } },
    { kind: 'private-institute', id: 'inst-negin', name: { fa: 'آموزشگاه نگین', en: 'Negin institute' } },
  ],
};
// No course yet, and no certificate: where a new course is made.
const noCourses = { [`GET ${api}/courses`]: [], [`GET ${api}/certificates`]: [] };
// A new course's titles and schedule, as staff type them.
const courseTexts = [
  ['vt-course-title-fa', 'خیاطی'],
  ['vt-course-title-en', 'Tailoring'],
  ['vt-course-schedule-fa', 'شنبه‌ها'],
  ['vt-course-schedule-en', 'Saturdays'],
] as const;
const referrals = [
  {
    referralId,
    trackingCode: 'K7QM-3XWA',
    offerId: course.courseId,
    offerTitle: course.title,
    residentRef: residentA,
    clinicId: 'clinic-sarasiab',
    clinicName: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
  },
  {
    referralId: '44444444-4444-4444-8444-444444444444',
    trackingCode: 'ZZZZ-ZZZZ',
    offerId: 'other',
    offerTitle: null,
    residentRef: residentB,
    clinicId: 'clinic-fajr',
    clinicName: { fa: 'کلینیک فجر', en: 'Fajr clinic' },
  },
];

/** Types into a picker and picks the option whose label holds `label`, as a person does. */
async function pick(testId: string, typed: string, label: string) {
  fireEvent.change(screen.getByTestId(`${testId}-input`), { target: { value: typed } });
  const options = await screen.findAllByTestId(`${testId}-option`);
  const option = options.find((o) => o.textContent?.includes(label));
  if (!option) throw new Error(`${testId}: no option "${label}" among ${options.map((o) => o.textContent).join(', ')}`);
  fireEvent.click(option);
}

/** Types each value into the input of its test id. */
function fill(values: readonly (readonly [string, string])[]) {
  for (const [testId, value] of values) fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

/** The labelled field around an input: where its sentence shows. */
function field(testId: string) {
  return screen.getByTestId(testId).closest('.hg-field')!;
}

/** No slug, no opaque id on the page: what a person may never be shown. */
function expectNoIdsOnScreen(...ids: string[]) {
  const text = document.body.textContent ?? '';
  for (const id of ids) expect(text).not.toContain(id);
}

function renderAt(path: string, roles = ['tvto-staff'], locale: 'fa' | 'en' = 'fa') {
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles }), locale },
  );
}

describe('courses section', () => {
  it('lists courses with their places in Persian digits and the certificates issued', async () => {
    stubFetch({
      ...references,
      [`GET ${api}/courses`]: [course],
      [`GET ${api}/certificates`]: [
        {
          certificateNo: 'TVTO-TAILORING-0F8FAD5B',
          enrolmentId: 'e-9',
          courseId: course.courseId,
          courseTitle: course.title,
          residentRef: residentA,
          completedAt: '2026-10-01T08:00:00Z',
        },
      ],
    });
    renderAt('/m/courses');
    expect((await screen.findByTestId(`vt-course-places-${course.courseId}`)).textContent).toBe('۲ از ۱۴');
    expect(screen.getByTestId('vt-certificates-table').textContent).toContain('TVTO-TAILORING-0F8FAD5B');
    expect(screen.getByTestId('vt-nav-courses').getAttribute('href')).toBe('/m/courses');
    expect(await screen.findByTestId('vt-course-form')).toBeTruthy();
  });

  it('searches the courses by title and kind of venue on the server, latest first when asked', async () => {
    const fetchMock = stubFetch({ ...references, [`GET ${api}/courses`]: [course], [`GET ${api}/certificates`]: [] });
    renderAt('/m/courses', ['auditor']);
    await screen.findByTestId(`vt-course-${course.courseId}`);
    fireEvent.change(screen.getByTestId('vt-courses-controls-search'), { target: { value: 'خیاطي' } });
    fireEvent.keyDown(screen.getByTestId('vt-courses-controls-search'), { key: 'Enter' });
    fireEvent.change(screen.getByTestId('vt-courses-venue-kind'), { target: { value: 'private-institute' } });
    fireEvent.change(screen.getByTestId('vt-courses-controls-sort'), { target: { value: 'desc' } });
    await waitFor(() => {
      const last = new URL(String(fetchMock.mock.calls.filter(([url]) => String(url).includes('/courses?')).at(-1)![0]), 'http://x');
      expect(Object.fromEntries(last.searchParams)).toEqual({ limit: '20', q: 'خیاطی', venueKind: 'private-institute', order: 'desc' });
    });
  });

  it('creates a course without asking staff for an id (the API makes a tvto- one)', async () => {
    const posted: Record<string, unknown>[] = [];
    stubFetch({
      ...references,
      ...noCourses,
      [`POST ${api}/courses`]: (body: Record<string, unknown>) => (posted.push(body), jsonResponse(course, 201)),
    });
    renderAt('/m/courses');
    await screen.findByTestId('vt-course-form');
    expect(screen.queryByTestId('vt-course-id')).toBeNull();
    fill(courseTexts);
    // The trade and the venue are picked from the API's lists by name; the venue's name fills the place.
    await pick('vt-course-trade', 'خیا', 'خیاطی');
    fireEvent.change(screen.getByTestId('vt-course-venue-kind'), { target: { value: 'private-institute' } });
    const venues = screen.getByTestId('vt-course-venue-id') as HTMLSelectElement;
    expect([...venues.options].map((o) => o.textContent)).toEqual([fa['vt.choose'], 'آموزشگاه نگین']);
    fireEvent.change(venues, { target: { value: 'inst-negin' } });
    expect((screen.getByTestId('vt-course-place-fa') as HTMLInputElement).value).toBe('آموزشگاه نگین');
    fireEvent.click(screen.getByTestId('vt-course-submit'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      title: { fa: 'خیاطی', en: 'Tailoring' },
      trade: 'tailoring',
      venue: { kind: 'private-institute', id: 'inst-negin' },
      venueName: { fa: 'آموزشگاه نگین', en: 'Negin institute' },
    });
    expectNoIdsOnScreen('tailoring', 'inst-negin');
    expect(posted[0]).not.toHaveProperty('courseId');
  });

  it('says a refusal naming a field under that field, in the staff’s language (422 course-ends-before-start on endsOn)', async () => {
    stubFetch({
      ...references,
      ...noCourses,
      [`POST ${api}/courses`]: () =>
        jsonResponse(
          {
            title: 'Unprocessable Content',
            status: 422,
            code: 'course-ends-before-start',
            field: 'endsOn',
            detail: 'endsOn cannot be before startsOn',
          },
          422,
          'application/problem+json',
        ),
    });
    renderAt('/m/courses');
    await screen.findByTestId('vt-course-form');
    fill(courseTexts);
    await pick('vt-course-trade', 'خیا', 'خیاطی');
    fireEvent.change(screen.getByTestId('vt-course-venue-kind'), { target: { value: 'private-institute' } });
    fireEvent.change(screen.getByTestId('vt-course-venue-id'), { target: { value: 'inst-negin' } });
    fireEvent.click(screen.getByTestId('vt-course-submit'));
    const ends = field('vt-course-ends');
    await waitFor(() => expect(ends.textContent).toContain(fa['vt.problem.course-ends-before-start']));
    expect(document.body.textContent).not.toContain('endsOn cannot be before startsOn');
    expect(screen.getByTestId('vt-course-form').textContent!.split(fa['vt.problem.course-ends-before-start']).length).toBe(2);
  });

  it('enrols an accepted referral of this course, takes attendance and completes an enrolment', async () => {
    const calls: { what: string; body: unknown }[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/courses/${course.courseId}`]: detail,
      [`GET ${api}/desk/referrals`]: referrals,
      [`POST ${api}/courses/${course.courseId}/enrolments`]: (body: unknown) => (
        calls.push({ what: 'enrol', body }),
        jsonResponse(enrolment('e-3', residentA, 0), 201)
      ),
      [`PUT ${api}/courses/${course.courseId}/sessions/13/attendance`]: (body: unknown) => (
        calls.push({ what: 'attendance', body }),
        jsonResponse({ session: 13, present: 1, enrolled: 2, changed: 2 })
      ),
      [`POST ${api}/enrolments/e-1/complete`]: (body: unknown) => (
        calls.push({ what: 'complete', body }),
        jsonResponse({ ...enrolment('e-1', residentA, 0.9), state: 'completed', result: 'passed' })
      ),
    });
    renderAt(`/m/courses/${course.courseId}`);
    const referralSelect = (await screen.findByTestId('vt-enrol-referral')) as HTMLSelectElement;
    expect([...referralSelect.options].map((o) => o.textContent)).toEqual(['K7QM-3XWA']);
    fireEvent.click(screen.getByTestId('vt-enrol-from-referral'));
    await waitFor(() => expect(calls).toContainEqual({ what: 'enrol', body: { referralId } }));

    expect(screen.getByTestId('vt-enrolment-rate-e-1').textContent).toContain('۹۰');
    expect((screen.getByTestId('vt-attendance-session') as HTMLInputElement).value).toBe('13');
    fireEvent.click(screen.getByTestId('vt-attendance-present-e-2'));
    fireEvent.click(screen.getByTestId('vt-attendance-save'));
    await waitFor(() => expect(calls).toContainEqual({ what: 'attendance', body: { present: ['e-1'] } }));
    expect((await screen.findByTestId('vt-attendance-saved')).textContent).toContain('۱۳');

    fireEvent.click(screen.getByTestId('vt-complete-passed-e-1'));
    await waitFor(() => expect(calls).toContainEqual({ what: 'complete', body: { result: 'passed' } }));

    // Residents are named by their referral's tracking code, never by their ref.
    expect(screen.getByTestId('vt-enrolment-resident-e-1').textContent).toBe('K7QM-3XWA');
    expect(screen.getByTestId('vt-enrolment-resident-e-2').textContent).toBe(fa['vt.resident.noReferral']);
    expectNoIdsOnScreen(residentA.slice(0, 8), residentB.slice(0, 8));

    await pick('vt-enrol-neighbourhood', 'فج', 'فجر');
    fireEvent.click(screen.getByTestId('vt-enrol-walk-in'));
    await waitFor(() => expect(calls).toContainEqual({ what: 'enrol', body: { residentRef: null, neighbourhoodId: 'nbh-fajr' } }));
    // A resident a referral names is found by its tracking code and picked; their ref is sent, not shown.
    await pick('vt-enrol-resident', 'zzz', 'ZZZZ-ZZZZ');
    fireEvent.click(screen.getByTestId('vt-enrol-walk-in'));
    await waitFor(() => expect(calls).toContainEqual({ what: 'enrol', body: { residentRef: residentB, neighbourhoodId: 'nbh-fajr' } }));
    expectNoIdsOnScreen('nbh-fajr', residentB.slice(0, 8));
  });

  const refusal = (status: number, code: string, detail: string) =>
    jsonResponse(
      { title: status === 409 ? 'Conflict' : 'Unprocessable Content', status, code, detail },
      status,
      'application/problem+json',
    );

  it('shows the API’s refusal of a pass below the attendance rule (422) by its code, in the staff’s language', async () => {
    stubFetch({
      ...references,
      [`GET ${api}/courses/${course.courseId}`]: detail,
      [`GET ${api}/desk/referrals`]: [],
      [`POST ${api}/enrolments/e-2/complete`]: () =>
        refusal(422, 'attendance-below-pass-mark', 'passing needs at least 80 % attendance (2 of 5 sessions held)'),
    });
    const { unmount } = renderAt(`/m/courses/${course.courseId}`);
    fireEvent.click(await screen.findByTestId('vt-complete-passed-e-2'));
    expect((await screen.findByTestId('vt-complete-error-e-2')).textContent).toContain(fa['vt.problem.attendance-below-pass-mark']);
    expect(screen.getByTestId('vt-complete-error-e-2').textContent).not.toContain('sessions held');
    unmount();
    renderAt(`/m/courses/${course.courseId}`, ['tvto-staff'], 'en');
    fireEvent.click(await screen.findByTestId('vt-complete-passed-e-2'));
    expect((await screen.findByTestId('vt-complete-error-e-2')).textContent).toContain(
      'Passing needs at least 80 % attendance of the sessions held.',
    );
  });

  it('shows a conflict (409) by its code, and a code it has no sentence for in the service’s words', async () => {
    stubFetch({
      ...references,
      [`GET ${api}/courses/${course.courseId}`]: detail,
      [`GET ${api}/desk/referrals`]: [],
      [`POST ${api}/enrolments/e-1/complete`]: () =>
        refusal(409, 'enrolment-ended', 'an enrolment that is completed cannot become completed'),
      [`POST ${api}/enrolments/e-2/complete`]: () => refusal(409, 'something-new', 'a refusal this screen does not know'),
    });
    renderAt(`/m/courses/${course.courseId}`, ['tvto-staff'], 'en');
    fireEvent.click(await screen.findByTestId('vt-complete-failed-e-1'));
    expect((await screen.findByTestId('vt-complete-error-e-1')).textContent).toContain('This enrolment has ended; it changes no more.');
    fireEvent.click(screen.getByTestId('vt-complete-failed-e-2'));
    expect((await screen.findByTestId('vt-complete-error-e-2')).textContent).toContain('a refusal this screen does not know');
  });

  it('marks an enrolment of a resident no clinic referred to TVTO as unverified, explaining why', async () => {
    stubFetch({
      ...references,
      [`GET ${api}/courses/${course.courseId}`]: {
        ...detail,
        enrolments: [enrolment('e-1', residentA, 0.9), { ...enrolment('e-2', residentB, 0.5), unverified: true }],
      },
    });
    renderAt(`/m/courses/${course.courseId}`, ['auditor']);
    const badge = await screen.findByTestId('vt-enrolment-unverified-e-2');
    expect(badge.textContent).toBe('تأیید نشده');
    expect(badge.parentElement!.getAttribute('title')).toBe(fa['vt.unverified.why']);
    expect(screen.queryByTestId('vt-enrolment-unverified-e-1')).toBeNull();
    expect(screen.getByTestId('vt-enrolments-unverified-note').textContent).toContain(fa['vt.unverified.why']);
  });

  it('says nothing of verification when every enrolment’s resident was referred', async () => {
    stubFetch({ ...references, [`GET ${api}/courses/${course.courseId}`]: detail });
    renderAt(`/m/courses/${course.courseId}`, ['auditor']);
    await screen.findByTestId('vt-enrolments-table');
    expect(screen.queryByTestId('vt-enrolments-unverified-note')).toBeNull();
  });

  it('lets auditors read a course without any action', async () => {
    stubFetch({ ...references, [`GET ${api}/courses/${course.courseId}`]: detail });
    renderAt(`/m/courses/${course.courseId}`, ['auditor']);
    expect(await screen.findByTestId('vt-enrolments-table')).toBeTruthy();
    expect(screen.queryByTestId('vt-enrol')).toBeNull();
    expect(screen.queryByTestId('vt-attendance')).toBeNull();
    expect(screen.queryByTestId('vt-complete-passed-e-1')).toBeNull();
  });
});

const permit = (status: Permit['status'], extra: Partial<Permit> = {}): Permit => ({
  permitId: `p-${status}`,
  trackingCode: 'K7QM-3XWA',
  referralId: null,
  residentRef: null,
  unverified: false,
  referralCode: null,
  applicantName: 'Zahra',
  trade: 'carpentry',
  neighbourhoodId: 'nbh-fajr',
  address: 'Alley 12',
  status,
  checklist: ['id-copy'],
  inspection: null,
  decision: null,
  permitNo: null,
  validUntil: null,
  renewable: false,
  updatedAt: '2026-11-01T08:00:00Z',
  ...extra,
});

describe('permits section', () => {
  it('ticks documents, approves an inspected application with a reason, renews an expired permit', async () => {
    const calls: { what: string; body: unknown }[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/permits`]: [
        permit('submitted'),
        permit('inspected', { inspection: { date: '2026-11-01', inspector: 'R', findings: 'ok', passed: true } }),
        permit('expired', { permitNo: 'WP-2025-0F8FAD5B', validUntil: '2026-10-01', renewable: true }),
        permit('approved', { permitNo: 'WP-2026-1A2B3C4D', validUntil: '2027-10-01' }),
      ],
      [`PUT ${api}/permits/p-submitted/checklist`]: (body: unknown) => (
        calls.push({ what: 'checklist', body }),
        jsonResponse(permit('submitted'))
      ),
      [`POST ${api}/permits/p-inspected/decision`]: (body: unknown) => (
        calls.push({ what: 'decision', body }),
        jsonResponse(permit('approved'))
      ),
      [`POST ${api}/permits/p-expired/renew`]: (body: unknown) => (calls.push({ what: 'renew', body }), jsonResponse(permit('renewed'))),
    });
    renderAt('/m/permits', ['tvto-staff'], 'en');
    fireEvent.click(await screen.findByTestId('vt-permit-item-safety-p-submitted'));
    await waitFor(() => expect(calls).toContainEqual({ what: 'checklist', body: { item: 'safety', received: true } }));
    expect((screen.getByTestId('vt-approve-p-inspected') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('vt-decision-reason-p-inspected'), { target: { value: 'All requirements met' } });
    fireEvent.click(screen.getByTestId('vt-approve-p-inspected'));
    await waitFor(() => expect(calls).toContainEqual({ what: 'decision', body: { decision: 'approved', reason: 'All requirements met' } }));
    expect(screen.getByTestId('vt-permit-status-p-expired').textContent).toBe('Expired');
    expect(screen.queryByTestId('vt-renew-p-approved')).toBeNull();
    fireEvent.click(screen.getByTestId('vt-renew-p-expired'));
    await waitFor(() => expect(calls.map((c) => c.what)).toContain('renew'));
  });

  it('marks an application for a resident no clinic referred to TVTO as unverified (in English too)', async () => {
    stubFetch({
      ...references,
      [`GET ${api}/permits`]: [
        permit('submitted', { permitId: 'p-made-up', residentRef: residentA, applicantName: null, unverified: true }),
        permit('approved'),
      ],
    });
    renderAt('/m/permits', ['coordinator'], 'en');
    const badge = await screen.findByTestId('vt-permit-unverified-p-made-up');
    expect(badge.textContent).toBe('Unverified');
    expect(badge.parentElement!.getAttribute('title')).toBe(messages.en['vt.unverified.why']);
    expect(screen.queryByTestId('vt-permit-unverified-p-approved')).toBeNull();
  });

  it('names trades and neighbourhoods, and residents by their referral’s tracking code, never by slug or ref', async () => {
    stubFetch({
      ...references,
      [`GET ${api}/permits`]: [
        permit('submitted', { permitId: 'p-referred', residentRef: residentA, applicantName: null, referralCode: 'K7QM-3XWA' }),
      ],
    });
    renderAt('/m/permits');
    expect((await screen.findByTestId('vt-permit-resident-p-referred')).textContent).toBe('K7QM-3XWA');
    const row = screen.getByTestId('vt-permit-p-referred').textContent!;
    expect(row).toContain('نجاری');
    expect(row).toContain('فجر');
    expectNoIdsOnScreen('carpentry', 'nbh-fajr', residentA.slice(0, 8));
  });

  it('searches the applications by tracking code, status and trade on the server, a page at a time', async () => {
    const fetchMock = stubFetch({ ...references, [`GET ${api}/permits`]: [permit('submitted')] });
    renderAt('/m/permits');
    await screen.findByTestId('vt-permit-p-submitted');
    fireEvent.change(screen.getByTestId('vt-permits-controls-search'), { target: { value: 'k7qm ۳x' } });
    fireEvent.keyDown(screen.getByTestId('vt-permits-controls-search'), { key: 'Enter' });
    fireEvent.change(screen.getByTestId('vt-permits-status'), { target: { value: 'inspected' } });
    await pick('vt-permits-trade', 'نجا', 'نجاری');
    fireEvent.change(screen.getByTestId('vt-permits-controls-sort'), { target: { value: 'updatedAt' } });
    await waitFor(() => {
      const last = new URL(String(fetchMock.mock.calls.filter(([url]) => String(url).includes('/permits?')).at(-1)![0]), 'http://x');
      expect(Object.fromEntries(last.searchParams)).toEqual({
        limit: '20',
        q: 'k7qm 3x',
        status: 'inspected',
        trade: 'carpentry',
        sort: 'updatedAt',
      });
    });
  });

  it('takes a walk-in application by name only when no resident id is given, and refuses an incomplete one', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/permits`]: [],
      [`POST ${api}/permits`]: (body: unknown) => (bodies.push(body), jsonResponse(permit('submitted'), 201)),
    });
    renderAt('/m/permits');
    fireEvent.click(await screen.findByTestId('vt-permit-submit'));
    expect(await screen.findByTestId('vt-permit-missing')).toBeTruthy();
    fireEvent.change(screen.getByTestId('vt-permit-name'), { target: { value: 'Zahra Karimi' } });
    await pick('vt-permit-trade', 'نجا', 'نجاری');
    await pick('vt-permit-neighbourhoodId', 'فجر', 'فجر');
    fireEvent.change(screen.getByTestId('vt-permit-address'), { target: { value: 'Alley 12' } });
    fireEvent.click(screen.getByTestId('vt-permit-submit'));
    await waitFor(() =>
      expect(bodies).toEqual([
        {
          referralId: null,
          residentRef: null,
          applicantName: 'Zahra Karimi',
          trade: 'carpentry',
          neighbourhoodId: 'nbh-fajr',
          address: 'Alley 12',
        },
      ]),
    );
  });
});

// A booked session, a guild master and an active placement with that master.
const session: Session = {
  sessionId: 's-1',
  clinicId: 'clinic-fajr',
  residentRef: residentA,
  referralId: null,
  unverified: false,
  referralCode: null,
  day: '2026-11-20',
  time: '10:00',
  state: 'booked',
  notes: null,
  guidance: [],
};
const master: Master = {
  masterId: 'm-1',
  name: 'Ostad Karimi',
  guild: { fa: 'درودگران', en: 'Carpenters' },
  trade: 'carpentry',
  neighbourhoodId: 'nbh-fajr',
  capacity: 3,
  placed: 1,
  available: 2,
};
const placement = {
  placementId: 'pl-1',
  masterId: 'm-1',
  trade: 'carpentry',
  residentRef: residentA,
  referralId: null,
  unverified: false,
  referralCode: 'K7QM-3XWA',
  state: 'active',
  startedOn: '2026-10-01',
  checks: [],
};

describe('counselling and apprenticeships', () => {
  const demand: Demand[] = [
    {
      trade: 'tailoring',
      label: { fa: 'خیاطی', en: 'Tailoring' },
      level: 'high',
      note: { fa: 'زیاد', en: 'Strong' },
      updatedAt: '2026-11-01T08:00:00Z',
    },
  ];

  it('marks a session booked for a resident no clinic referred to TVTO as unverified, explaining why', async () => {
    stubFetch({
      ...references,
      [`GET ${api}/counselling/demand`]: demand,
      [`GET ${api}/counselling/sessions`]: [session, { ...session, sessionId: 's-2', residentRef: residentB, unverified: true }],
    });
    renderAt('/m/counselling', ['auditor'], 'en');
    const badge = await screen.findByTestId('vt-session-unverified-s-2');
    expect(badge.textContent).toBe('Unverified');
    expect(badge.parentElement!.getAttribute('title')).toBe(messages.en['vt.unverified.why']);
    expect(screen.queryByTestId('vt-session-unverified-s-1')).toBeNull();
    expect(screen.getByTestId('vt-sessions-unverified-note').textContent).toContain(messages.en['vt.unverified.why']);
  });

  it('records a held session with guidance from the demand list and filters sessions by clinic', async () => {
    const calls: { what: string; body: unknown }[] = [];
    const fetchMock = stubFetch({
      ...references,
      [`GET ${api}/counselling/demand`]: demand,
      [`GET ${api}/counselling/sessions`]: [session],
      [`POST ${api}/counselling/sessions/s-1/record`]: (body: unknown) => (
        calls.push({ what: 'record', body }),
        jsonResponse({ ...session, state: 'held' })
      ),
    });
    renderAt('/m/counselling');
    expect(await screen.findByTestId('vt-counsellor-days-error')).toBeTruthy(); // the clinics' calendar is not there: the rest still works
    fireEvent.change(await screen.findByTestId('vt-record-notes-s-1'), { target: { value: 'Has a sewing machine' } });
    fireEvent.click(screen.getByTestId('vt-record-guidance-tailoring-s-1'));
    fireEvent.click(screen.getByTestId('vt-record-held-s-1'));
    await waitFor(() =>
      expect(calls).toEqual([{ what: 'record', body: { state: 'held', notes: 'Has a sewing machine', guidance: ['tailoring'] } }]),
    );
    await pick('vt-sessions-clinic', 'فجر', 'کلینیک فجر');
    fireEvent.change(screen.getByTestId('vt-sessions-state'), { target: { value: 'held' } });
    await waitFor(() => {
      const last = new URL(
        String(fetchMock.mock.calls.filter(([url]) => String(url).includes('/counselling/sessions?')).at(-1)![0]),
        'http://x',
      );
      expect(Object.fromEntries(last.searchParams)).toEqual({ limit: '20', clinicId: 'clinic-fajr', state: 'held' });
    });
  });

  it('shows the counsellor’s days from the clinics’ calendar and fills the booking form from one', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/counselling/demand`]: demand,
      [`GET ${api}/counselling/sessions`]: [],
      'GET /api/clinics/v1/calendar/slots': [
        {
          id: 'slot-1',
          clinicId: 'clinic-fajr',
          startsAt: '2026-11-24T05:30:00Z',
          endsAt: '2026-11-24T12:30:00Z',
          capacity: 8,
          bookedCount: 3,
          available: 5,
        },
      ],
      [`GET ${api}/desk/referrals`]: referrals,
      [`POST ${api}/counselling/sessions`]: (body: unknown) => (bodies.push(body), jsonResponse(session, 201)),
    });
    renderAt('/m/counselling');
    fireEvent.click(await screen.findByTestId('vt-counsellor-day-slot-1'));
    expect((screen.getByTestId('vt-book-clinic-input') as HTMLInputElement).value).toBe('کلینیک فجر');
    expect(screen.getByTestId('vt-counsellor-days-table').textContent).toContain('۳ آذر ۱۴۰۵، ۹:۰۰'); // Iran's day and time, not the browser's
    expect((screen.getByTestId('vt-book-day') as HTMLInputElement).value).toBe('۱۴۰۵/۰۹/۰۳'); // 24 Nov 2026 in Jalali
    expect((screen.getByTestId('vt-book-time') as HTMLInputElement).value).toBe('۰۹:۰۰');
    await pick('vt-book-resident', 'k7qm', 'K7QM-3XWA');
    fireEvent.click(screen.getByTestId('vt-book-submit'));
    await waitFor(() =>
      expect(bodies).toEqual([{ clinicId: 'clinic-fajr', residentRef: residentA, referralId: null, day: '2026-11-24', time: '09:00' }]),
    );
  });

  it('shows masters’ places and records a monthly check of an active placement', async () => {
    const bodies: unknown[] = [];
    const fetchMock = stubFetch({
      ...references,
      [`GET ${api}/apprenticeships/masters`]: [master],
      [`GET ${api}/apprenticeships/placements`]: [
        placement,
        {
          placementId: 'pl-2',
          masterId: 'm-1',
          trade: 'carpentry',
          residentRef: residentB,
          referralId: null,
          unverified: true,
          referralCode: null,
          state: 'active',
          startedOn: '2026-10-02',
          checks: [],
        },
      ],
      [`POST ${api}/apprenticeships/placements/pl-1/progress`]: (body: unknown) => (bodies.push(body), jsonResponse({})),
    });
    renderAt('/m/apprenticeships');
    expect((await screen.findByTestId('vt-master-places-m-1')).textContent).toBe('۱ از ۳');
    expect(screen.getByTestId('vt-master-m-1').textContent).toContain('نجاری');
    expect(screen.getByTestId('vt-placement-resident-pl-1').textContent).toBe('K7QM-3XWA');
    expectNoIdsOnScreen('carpentry', 'nbh-fajr', residentA.slice(0, 8));
    expect(screen.queryByTestId('vt-master-masterId')).toBeNull();
    // A placement of a resident no clinic referred to TVTO is marked, with the reason.
    expect(screen.queryByTestId('vt-placement-unverified-pl-1')).toBeNull();
    expect(screen.getByTestId('vt-placement-unverified-pl-2').textContent).toBe(fa['vt.unverified']);
    expect(screen.getByTestId('vt-placements-unverified-note').textContent).toContain(fa['vt.unverified.why']);
    fireEvent.change(screen.getByTestId('vt-progress-note-pl-1'), { target: { value: 'Cuts cleanly' } });
    fireEvent.click(screen.getByTestId('vt-progress-save-pl-1'));
    await waitFor(() => expect(bodies).toEqual([{ rating: 4, note: 'Cuts cleanly' }]));
    // The placements are filtered by master and state on the server.
    fireEvent.change(screen.getByTestId('vt-placements-master'), { target: { value: 'm-1' } });
    fireEvent.change(screen.getByTestId('vt-placements-state'), { target: { value: 'active' } });
    await waitFor(() => {
      const last = new URL(String(fetchMock.mock.calls.filter(([url]) => String(url).includes('/placements?')).at(-1)![0]), 'http://x');
      expect(Object.fromEntries(last.searchParams)).toEqual({ limit: '20', masterId: 'm-1', state: 'active' });
    });
  });
});

describe('the course forms on react-hook-form', () => {
  it('says what is missing under each empty field of a new course, in Persian, and sends nothing', async () => {
    const posted: unknown[] = [];
    stubFetch({
      ...references,
      ...noCourses,
      [`POST ${api}/courses`]: (body: unknown) => (posted.push(body), jsonResponse(course, 201)),
    });
    renderAt('/m/courses');
    await screen.findByTestId('vt-course-form');
    fireEvent.change(screen.getByTestId('vt-course-title-fa'), { target: { value: 'خیاطی' } });
    fireEvent.click(screen.getByTestId('vt-course-submit'));
    // English title, trade, venue, both place names and both schedules: seven sentences.
    await waitFor(() => expect(screen.getAllByText(fa['vt.required'])).toHaveLength(7));
    expect(field('vt-course-venue-id').textContent).toContain(fa['vt.required']);
    expect(posted).toHaveLength(0);
  });

  it('sends the whole new course as filled', async () => {
    const posted: unknown[] = [];
    stubFetch({
      ...references,
      ...noCourses,
      [`POST ${api}/courses`]: (body: unknown) => (posted.push(body), jsonResponse(course, 201)),
    });
    renderAt('/m/courses');
    await screen.findByTestId('vt-course-form');
    fill([
      ...courseTexts,
      ['vt-course-hours', '۹۰'],
      ['vt-course-capacity', '12'],
      ['vt-course-starts', '2026-12-01'],
      ['vt-course-ends', '2027-02-01'],
    ]);
    await pick('vt-course-trade', 'خیا', 'خیاطی');
    fireEvent.change(screen.getByTestId('vt-course-venue-id'), { target: { value: 'tvto-kerman-1' } });
    fireEvent.click(screen.getByTestId('vt-course-submit'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      title: { fa: 'خیاطی', en: 'Tailoring' },
      trade: 'tailoring',
      level: 'beginner',
      hours: 90,
      sessions: 20,
      venue: { kind: 'tvto-centre', id: 'tvto-kerman-1' },
      venueName: { fa: 'مرکز شماره ۱', en: 'Centre no. 1' },
      schedule: { fa: 'شنبه‌ها', en: 'Saturdays' },
      startsOn: expect.any(String),
      endsOn: expect.any(String),
      capacity: 12,
      eligibility: { fa: 'ساکنان محله‌های هدف', en: 'Residents of the target neighbourhoods' },
    });
  });

  it('takes no attendance without a session number', async () => {
    const sent: unknown[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/courses/${course.courseId}`]: detail,
      [`GET ${api}/desk/referrals`]: [],
      [`PUT ${api}/courses/${course.courseId}/sessions/13/attendance`]: (body: unknown) => (sent.push(body), jsonResponse({})),
    });
    renderAt(`/m/courses/${course.courseId}`);
    fireEvent.change(await screen.findByTestId('vt-attendance-session'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('vt-attendance-save'));
    expect(await screen.findByText(fa['vt.required'])).toBeTruthy();
    expect(sent).toHaveLength(0);
  });
});

describe('the permit forms on react-hook-form', () => {
  it('says under the address that it is missing, and sends nothing', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/permits`]: [],
      [`POST ${api}/permits`]: (body: unknown) => (bodies.push(body), jsonResponse(permit('submitted'), 201)),
    });
    renderAt('/m/permits');
    fireEvent.change(await screen.findByTestId('vt-permit-name'), { target: { value: 'Zahra Karimi' } });
    await pick('vt-permit-trade', 'نجا', 'نجاری');
    await pick('vt-permit-neighbourhoodId', 'فجر', 'فجر');
    fireEvent.click(screen.getByTestId('vt-permit-submit'));
    await waitFor(() => expect(field('vt-permit-address').textContent).toContain(fa['vt.required']));
    expect(field('vt-permit-name').textContent).not.toContain(fa['vt.required']);
    expect(bodies).toHaveLength(0);
  });

  it('records an inspection only with its inspector and findings, and sends them trimmed', async () => {
    const bodies: unknown[] = [];
    const p = permit('documents-complete');
    stubFetch({
      ...references,
      [`GET ${api}/permits`]: [p],
      [`POST ${api}/permits/${p.permitId}/inspection`]: (body: unknown) => (bodies.push(body), jsonResponse(permit('inspected'))),
    });
    renderAt('/m/permits');
    fireEvent.change(await screen.findByTestId(`vt-findings-${p.permitId}`), { target: { value: ' ok ' } });
    fireEvent.click(screen.getByTestId(`vt-inspection-save-${p.permitId}`));
    await waitFor(() => expect(field(`vt-inspector-${p.permitId}`).textContent).toContain(fa['vt.required']));
    expect(bodies).toHaveLength(0);
    fireEvent.change(screen.getByTestId(`vt-inspector-${p.permitId}`), { target: { value: ' Eng. Rahimi ' } });
    fireEvent.click(screen.getByTestId(`vt-inspection-passed-${p.permitId}`));
    fireEvent.click(screen.getByTestId(`vt-inspection-save-${p.permitId}`));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ date: expect.any(String), inspector: 'Eng. Rahimi', findings: 'ok', passed: false });
  });
});

describe('the counselling forms on react-hook-form', () => {
  it('sends nothing while a demand, a booking or a held session lacks what it needs, each saying so under its field', async () => {
    const sent: unknown[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/counselling/demand`]: [],
      [`GET ${api}/counselling/sessions`]: [session],
      [`PUT ${api}/counselling/demand/tailoring`]: (body: unknown) => (sent.push(body), jsonResponse({})),
      [`POST ${api}/counselling/sessions`]: (body: unknown) => (sent.push(body), jsonResponse(session, 201)),
      [`POST ${api}/counselling/sessions/s-1/record`]: (body: unknown) => (sent.push(body), jsonResponse(session)),
    });
    renderAt('/m/counselling');
    fireEvent.click(await screen.findByTestId('vt-record-held-s-1'));
    await waitFor(() => expect(field('vt-record-notes-s-1').textContent).toContain(fa['vt.required']));
    fireEvent.click(screen.getByTestId('vt-book-submit'));
    await waitFor(() => expect(field('vt-book-referral-input').textContent).toContain(fa['vt.required']));
    fireEvent.change(screen.getByTestId('vt-demand-noteFa'), { target: { value: 'زیاد' } });
    fireEvent.click(screen.getByTestId('vt-demand-save'));
    await waitFor(() => expect(field('vt-demand-noteEn').textContent).toContain(fa['vt.required']));
    expect(field('vt-demand-trade-input').textContent).toContain(fa['vt.required']);
    expect(sent).toHaveLength(0);
    // Completed, the demand goes out with the trade's name from the programme's list.
    await pick('vt-demand-trade', 'خیا', 'خیاطی');
    fireEvent.change(screen.getByTestId('vt-demand-level'), { target: { value: 'high' } });
    fireEvent.change(screen.getByTestId('vt-demand-noteEn'), { target: { value: ' Strong ' } });
    fireEvent.click(screen.getByTestId('vt-demand-save'));
    await waitFor(() =>
      expect(sent).toEqual([{ label: { fa: 'خیاطی', en: 'Tailoring' }, level: 'high', note: { fa: 'زیاد', en: 'Strong' } }]),
    );
  });
});

describe('the apprenticeship forms on react-hook-form', () => {
  it('adds a master only when named and placed, and checks progress only with a rating of 1 to 5', async () => {
    const sent: { what: string; body: unknown }[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/apprenticeships/masters`]: [master],
      [`GET ${api}/apprenticeships/placements`]: [placement],
      [`POST ${api}/apprenticeships/masters`]: (body: unknown) => (sent.push({ what: 'master', body }), jsonResponse(master, 201)),
      [`POST ${api}/apprenticeships/placements/pl-1/progress`]: (body: unknown) => (sent.push({ what: 'check', body }), jsonResponse({})),
    });
    renderAt('/m/apprenticeships');
    fireEvent.change(await screen.findByTestId('vt-master-name'), { target: { value: 'Ostad Rahimi' } });
    fireEvent.click(screen.getByTestId('vt-master-submit'));
    await waitFor(() => expect(field('vt-master-guildFa').textContent).toContain(fa['vt.required']));
    expect(field('vt-master-trade-input').textContent).toContain(fa['vt.required']);
    fireEvent.change(screen.getByTestId('vt-progress-rating-pl-1'), { target: { value: '۷' } });
    fireEvent.change(screen.getByTestId('vt-progress-note-pl-1'), { target: { value: 'Cuts cleanly' } });
    fireEvent.click(screen.getByTestId('vt-progress-save-pl-1'));
    await waitFor(() => expect(field('vt-progress-rating-pl-1').textContent).toContain(fa['vt.problem.rating-out-of-range']));
    expect(sent).toHaveLength(0);

    fireEvent.change(screen.getByTestId('vt-master-guildFa'), { target: { value: 'درودگران' } });
    fireEvent.change(screen.getByTestId('vt-master-guildEn'), { target: { value: 'Carpenters' } });
    await pick('vt-master-trade', 'نجا', 'نجاری');
    await pick('vt-master-neighbourhoodId', 'فجر', 'فجر');
    fireEvent.change(screen.getByTestId('vt-master-capacity'), { target: { value: '۳' } });
    fireEvent.click(screen.getByTestId('vt-master-submit'));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          what: 'master',
          body: {
            name: 'Ostad Rahimi',
            guild: { fa: 'درودگران', en: 'Carpenters' },
            trade: 'carpentry',
            neighbourhoodId: 'nbh-fajr',
            capacity: 3,
          },
        },
      ]),
    );
  });

  it('places the resident a referral names with the chosen master', async () => {
    const sent: unknown[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/apprenticeships/masters`]: [master, { ...master, masterId: 'm-2', name: 'Ostad Ahmadi' }],
      [`GET ${api}/apprenticeships/placements`]: [],
      [`GET ${api}/desk/referrals`]: referrals,
      [`POST ${api}/apprenticeships/masters/m-2/placements`]: (body: unknown) => (sent.push(body), jsonResponse(placement, 201)),
    });
    renderAt('/m/apprenticeships');
    fireEvent.change(await screen.findByTestId('vt-place-master'), { target: { value: 'm-2' } });
    await pick('vt-place-resident', 'k7qm', 'K7QM-3XWA');
    fireEvent.click(screen.getByTestId('vt-place-submit'));
    await waitFor(() => expect(sent).toEqual([{ residentRef: residentA }]));
  });
});
