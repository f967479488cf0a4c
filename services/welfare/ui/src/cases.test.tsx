import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseSummary, CaseView, CaseloadSummary } from './api';
import App from './App';

const api = '/api/welfare/v1';
const caseId = '11111111-1111-4111-8111-111111111111';
const householdRef = '22222222-2222-4222-8222-222222222222';

const summary: CaseSummary = {
  caseId,
  fileNumber: 'WF-K7QM-3XWA',
  trackingCode: null,
  householdRef,
  residentRef: null,
  neighbourhoodId: 'nbh-sarasiab',
  clinicId: 'clinic-sarasiab',
  referralId: null,
  unverified: false,
  state: 'planned',
  level: 'high',
  openedAt: '2026-03-01T08:00:00Z',
  overdueTasks: 2,
  nextVisitOn: null,
  visitOverdue: true,
  overdue: true,
  activeFlags: ['low-income'],
};
const opened: CaseView = {
  ...summary,
  state: 'opened',
  level: null,
  overdueTasks: 0,
  visitOverdue: false,
  overdue: false,
  activeFlags: [],
  worker: 'welfare.officer',
  closedFrom: null,
  closure: null,
  reopenReason: null,
  assessment: null,
  goals: [],
  visits: [],
  flags: [],
  referral: null,
  revision: 1,
  history: [{ at: '2026-03-01T08:00:00Z', by: 'welfare.officer', action: 'opened', detail: null }],
};
const assessed: CaseView = {
  ...opened,
  state: 'assessed',
  level: 'high',
  revision: 2,
  assessment: {
    answers: {
      income: { level: 'no-income', mainEarnerMonthsUnemployed: 14 },
      housing: { condition: 'overcrowded' },
      health: { disability: 'none', chronicIllness: false },
      household: { members: 4, dependants: 3, earners: 0, femaleHeaded: true },
    },
    result: {
      scores: { income: 3, housing: 2, health: 0, household: 3 },
      total: 8,
      level: 'high',
      suggestedFlags: ['low-income', 'female-headed-household'],
    },
    assessedAt: '2026-03-02T08:00:00Z',
    assessedBy: 'welfare.officer',
  },
};

const places = {
  neighbourhoods: [
    { neighbourhoodId: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } },
    { neighbourhoodId: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' } },
  ],
  clinics: [],
};
const uuidOrSlug = /[0-9a-f]{8}-[0-9a-f]{4}|nbh-|clinic-|welfare-/;

function renderAt(path: string, roles: string[] = ['welfare-officer'], locale: 'fa' | 'en' = 'fa') {
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles }), locale },
  );
}

describe('my caseload', () => {
  it('lists the worker’s cases with their level and overdue badges, linking to each case', async () => {
    stubFetch({ [`GET ${api}/cases`]: [summary], [`GET ${api}/cases/openable-referrals`]: [], [`GET ${api}/desk/places`]: places });
    renderAt('/m/cases', ['welfare-officer'], 'en');
    const row = await screen.findByTestId(`welfare-case-row-${caseId}`);
    expect(within(row).getByTestId(`welfare-case-level-${caseId}`).textContent).toBe('High vulnerability');
    expect(within(row).getByTestId(`welfare-case-overdue-tasks-${caseId}`).textContent).toBe('2 overdue task(s)');
    expect(within(row).getByTestId(`welfare-case-visit-overdue-${caseId}`)).toBeTruthy();
    expect(within(row).getByTestId(`welfare-case-link-${caseId}`).getAttribute('href')).toBe(`/m/cases/${caseId}`);
    expect(within(row).queryByTestId(`welfare-case-unverified-${caseId}`)).toBeNull();
  });

  it('marks a case opened for a household no clinic referred as unverified', async () => {
    stubFetch({
      [`GET ${api}/cases`]: [{ ...summary, unverified: true }],
      [`GET ${api}/cases/openable-referrals`]: [],
      [`GET ${api}/desk/places`]: places,
    });
    renderAt('/m/cases', ['welfare-officer'], 'en');
    const row = await screen.findByTestId(`welfare-case-row-${caseId}`);
    expect(within(row).getByTestId(`welfare-case-unverified-${caseId}`).textContent).toMatch(
      /^Unverified: no clinic referred this household/,
    );
  });

  it('opens a case for an accepted referral with one click', async () => {
    const referralId = '33333333-3333-4333-8333-333333333333';
    const fetchMock = stubFetch({
      [`GET ${api}/cases`]: [],
      [`GET ${api}/desk/places`]: places,
      [`GET ${api}/cases/openable-referrals`]: [
        {
          referralId,
          trackingCode: 'K7QM-3XWA',
          offerId: 'welfare-social-case',
          offerTitle: { fa: 'پرونده مددکاری', en: 'Social case' },
          clinicId: 'clinic-sarasiab',
          neighbourhoodId: 'nbh-sarasiab',
          householdRef,
          acceptedAt: '2026-03-01T08:00:00Z',
          completeBy: '2026-06-01',
        },
      ],
      [`POST ${api}/cases/from-referral`]: { ...opened, caseId: referralId, referralId },
      [`GET ${api}/cases/${referralId}`]: { ...opened, caseId: referralId, referralId },
    });
    renderAt('/m/cases');
    fireEvent.click(await screen.findByTestId(`welfare-open-referral-${referralId}`));
    expect(await screen.findByTestId('welfare-assessment-form')).toBeTruthy();
    const posted = fetchMock.mock.calls.find(([url, init]) => String(url).endsWith('/cases/from-referral') && init?.method === 'POST');
    expect(JSON.parse(String(posted![1]!.body))).toEqual({ referralId });
  });

  it('opens a case for a household picked by its referral’s tracking code, in a neighbourhood picked by name: no id or slug typed or shown', async () => {
    const referralId = '44444444-4444-4444-8444-444444444444';
    const residentRef = '55555555-5555-4555-8555-555555555555';
    const known = {
      referralId,
      trackingCode: 'P7QM-4XWA',
      residentRef,
      householdRef,
      neighbourhoodId: 'nbh-fajr',
      neighbourhoodName: { fa: 'فجر', en: 'Fajr' },
      clinicId: 'clinic-fajr',
      clinicName: { fa: 'کلینیک مددکاری اجتماعی فجر', en: 'Fajr social-work clinic' },
      offerTitle: { fa: 'مشاوره خانواده', en: 'Family counselling' },
      state: 'declined',
      madeAt: '2026-03-01T08:00:00Z',
      openCase: false,
    };
    const fetchMock = stubFetch({
      [`GET ${api}/cases`]: [],
      [`GET ${api}/cases/openable-referrals`]: [],
      [`GET ${api}/desk/places`]: places,
      [`GET ${api}/cases/households`]: [known],
      [`POST ${api}/cases`]: jsonResponse(opened, 201),
      [`GET ${api}/cases/${caseId}`]: opened,
    });
    renderAt('/m/cases');
    fireEvent.click(await screen.findByTestId('welfare-open-submit'));
    expect(await screen.findByText('خانوار را از فهرست ارجاع‌ها برگزینید')).toBeTruthy();
    fireEvent.change(screen.getByTestId('welfare-open-household-input'), { target: { value: 'p7qm' } });
    const option = await screen.findByTestId('welfare-open-household-option');
    expect(option.textContent).toContain('P7QM-4XWA');
    expect(option.textContent).toContain('فجر');
    expect(option.textContent).not.toMatch(uuidOrSlug);
    fireEvent.click(option);
    // The household's own neighbourhood is proposed, by name.
    expect((screen.getByTestId('welfare-open-neighbourhood-input') as HTMLInputElement).value).toBe('فجر');
    fireEvent.click(screen.getByTestId('welfare-open-submit'));
    expect(await screen.findByTestId('welfare-assessment-form')).toBeTruthy();
    const posted = fetchMock.mock.calls.find(([url, init]) => String(url).endsWith(`${api}/cases`) && init?.method === 'POST');
    expect(JSON.parse(String(posted![1]!.body))).toEqual({
      householdRef,
      residentRef,
      neighbourhoodId: 'nbh-fajr',
      clinicId: 'clinic-fajr',
    });
    const searched = fetchMock.mock.calls.find(([url]) => String(url).includes('/cases/households'));
    expect(String(searched![0])).toContain('q=p7qm');
  });

  it('says a neighbourhood the API does not know under the neighbourhood, in the worker’s language', async () => {
    const refusal = {
      title: 'Unprocessable Content',
      status: 422,
      code: 'neighbourhood-unknown',
      field: 'neighbourhoodId',
      detail: 'no neighbourhood nbh-x in the programme',
    };
    stubFetch({
      [`GET ${api}/cases`]: [],
      [`GET ${api}/cases/openable-referrals`]: [],
      [`GET ${api}/desk/places`]: places,
      [`GET ${api}/cases/households`]: [
        {
          referralId: 'r1',
          trackingCode: 'P7QM-4XWA',
          residentRef: 'x',
          householdRef,
          neighbourhoodId: 'nbh-sarasiab',
          neighbourhoodName: null,
          clinicId: 'c',
          clinicName: null,
          offerTitle: null,
          state: 'received',
          madeAt: '2026-03-01T08:00:00Z',
          openCase: false,
        },
      ],
      [`POST ${api}/cases`]: () => jsonResponse(refusal, 422, 'application/problem+json'),
    });
    renderAt('/m/cases');
    fireEvent.change(await screen.findByTestId('welfare-open-household-input'), { target: { value: 'p7qm' } });
    fireEvent.click(await screen.findByTestId('welfare-open-household-option'));
    fireEvent.click(screen.getByTestId('welfare-open-submit'));
    const form = screen.getByTestId('welfare-open-form');
    await waitFor(() => expect(form.textContent).toContain('این محله در فهرست محله‌های برنامه نیست'));
    expect(form.textContent).not.toContain('no neighbourhood');
  });

  it('shows each case by its file number, never an id, and searches, filters and orders through the API', async () => {
    const fetchMock = stubFetch({
      [`GET ${api}/cases`]: [{ ...summary, trackingCode: 'K7QM-3XWA', referralId: caseId }],
      [`GET ${api}/cases/openable-referrals`]: [],
      [`GET ${api}/desk/places`]: places,
    });
    renderAt('/m/cases');
    const table = await screen.findByTestId('welfare-caseload-table');
    expect(screen.getByTestId(`welfare-case-file-${caseId}`).textContent).toBe('WF-K7QM-3XWA');
    expect(table.textContent).toContain('K7QM-3XWA');
    expect(table.textContent).toContain('سرآسیاب');
    expect(table.textContent).not.toMatch(uuidOrSlug);
    const last = () =>
      String(fetchMock.mock.calls.filter(([url]) => new URL(String(url), 'http://x').pathname === `${api}/cases`).at(-1)![0]);
    fireEvent.change(screen.getByTestId('welfare-caseload-controls-search'), { target: { value: 'wf-k7qm' } });
    await waitFor(() => expect(last()).toBe(`${api}/cases?q=wf-k7qm`));
    fireEvent.change(screen.getByTestId('welfare-caseload-neighbourhood'), { target: { value: 'nbh-fajr' } });
    fireEvent.change(screen.getByTestId('welfare-caseload-controls-sort'), { target: { value: 'asc' } });
    await waitFor(() => expect(last()).toBe(`${api}/cases?q=wf-k7qm&neighbourhoodId=nbh-fajr&order=asc`));
  });

  it('is not offered to coordinators, who get the numbers instead', async () => {
    stubFetch({ [`GET ${api}/desk/referrals`]: [] });
    renderAt('/m', ['coordinator']);
    expect(await screen.findByTestId('desk-referrals-table')).toBeTruthy();
    expect(screen.queryByTestId('welfare-nav-cases')).toBeNull();
    expect(screen.getByTestId('welfare-nav-summary').getAttribute('href')).toBe('/m/summary');
  });
});

describe('the case page', () => {
  it('records the assessment with the answers given, then shows the level and offers the suggested flags', async () => {
    const fetchMock = stubFetch({
      [`GET ${api}/cases/${caseId}`]: opened,
      [`GET ${api}/desk/places`]: places,
      [`PUT ${api}/cases/${caseId}/assessment`]: () => jsonResponse(assessed),
    });
    renderAt(`/m/cases/${caseId}`);
    fireEvent.change(await screen.findByTestId('welfare-assess-income'), { target: { value: 'no-income' } });
    fireEvent.change(screen.getByTestId('welfare-assess-months'), { target: { value: '۱۴' } });
    fireEvent.change(screen.getByTestId('welfare-assess-housing'), { target: { value: 'overcrowded' } });
    fireEvent.click(screen.getByTestId('welfare-assess-female-headed'));
    fireEvent.change(screen.getByTestId('welfare-assess-members'), { target: { value: '4' } });
    fireEvent.change(screen.getByTestId('welfare-assess-dependants'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('welfare-assess-earners'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('welfare-assess-submit'));

    expect((await screen.findByTestId('welfare-assessment-level')).textContent).toBe('آسیب‌پذیری زیاد');
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(String(put![1]!.body))).toEqual(assessed.assessment!.answers);
    expect(screen.getByTestId('welfare-assessment-result').textContent).toContain('۸');
    const options = [...(screen.getByTestId('welfare-flag-select') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['low-income', 'female-headed-household']);
  });

  it('refuses impossible household numbers without calling the API', async () => {
    const fetchMock = stubFetch({ [`GET ${api}/cases/${caseId}`]: opened, [`GET ${api}/desk/places`]: places });
    renderAt(`/m/cases/${caseId}`);
    fireEvent.change(await screen.findByTestId('welfare-assess-members'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('welfare-assess-dependants'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('welfare-assess-submit'));
    expect((await screen.findByTestId('welfare-assess-invalid')).textContent).toBe(
      'شمار تحت تکفل و شاغلان روی هم بیش از اعضای خانوار نیست و خانوار دست‌کم یک عضو دارد.',
    );
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
    // Mending the dependants judges the household's numbers again: the sentence goes.
    fireEvent.change(screen.getByTestId('welfare-assess-dependants'), { target: { value: '1' } });
    await waitFor(() => expect(screen.queryByTestId('welfare-assess-invalid')).toBeNull());
  });

  it('confirms a flag with its validity, and revokes it', async () => {
    const flagId = '44444444-4444-4444-8444-444444444444';
    const flagged: CaseView = {
      ...assessed,
      activeFlags: ['low-income'],
      flags: [
        {
          flagId,
          flag: 'low-income',
          validUntil: '2026-09-01',
          confirmedAt: '2026-03-02T08:00:00Z',
          confirmedBy: 'welfare.officer',
          revokedAt: null,
          active: true,
        },
      ],
    };
    const fetchMock = stubFetch({
      [`GET ${api}/cases/${caseId}`]: assessed,
      [`GET ${api}/desk/places`]: places,
      [`POST ${api}/cases/${caseId}/flags`]: () => jsonResponse(flagged),
      [`POST ${api}/cases/${caseId}/flags/${flagId}/revoke`]: () =>
        jsonResponse({ ...flagged, activeFlags: [], flags: [{ ...flagged.flags[0]!, revokedAt: '2026-03-03T08:00:00Z', active: false }] }),
    });
    renderAt(`/m/cases/${caseId}`, ['welfare-officer'], 'en');
    fireEvent.change(await screen.findByTestId('welfare-flag-until'), { target: { value: '2026-09-01' } });
    fireEvent.click(screen.getByTestId('welfare-flag-submit'));
    expect((await screen.findByTestId(`welfare-flag-status-${flagId}`)).textContent).toBe('Active');
    const posted = fetchMock.mock.calls.find(([url, init]) => String(url).endsWith('/flags') && init?.method === 'POST');
    expect(JSON.parse(String(posted![1]!.body))).toEqual({ flag: 'low-income', validUntil: '2026-09-01' });

    fireEvent.click(screen.getByTestId(`welfare-flag-revoke-${flagId}`));
    await waitFor(() => expect(screen.getByTestId(`welfare-flag-status-${flagId}`).textContent).toBe('Revoked'));
  });

  it('shows the API’s refusal by its code, in the worker’s language, when a case cannot close with its goals met', async () => {
    const refusal = {
      title: 'Conflict',
      status: 409,
      code: 'goals-not-met',
      detail: 'the case cannot be closed with its goals met: 1 goal(s) not met',
    };
    stubFetch({
      [`GET ${api}/cases/${caseId}`]: {
        ...assessed,
        state: 'in-follow-up',
        goals: [{ goalId: 'g1', text: 'Stable income', met: false, tasks: [] }],
      },
      [`GET ${api}/desk/places`]: places,
      [`POST ${api}/cases/${caseId}/close`]: () => jsonResponse(refusal, 409, 'application/problem+json'),
    });
    const { unmount } = renderAt(`/m/cases/${caseId}`);
    fireEvent.click(await screen.findByTestId('welfare-close-submit'));
    expect(await screen.findByText('همه‌ی اهداف برنامه محقق نشده‌اند؛ پرونده را نمی‌توان با «تحقق اهداف» بست.')).toBeTruthy();
    expect(screen.queryByText(/1 goal\(s\) not met/)).toBeNull();
    unmount();
    renderAt(`/m/cases/${caseId}`, ['welfare-officer'], 'en');
    fireEvent.click(await screen.findByTestId('welfare-close-submit'));
    expect(await screen.findByText('Not every goal of the plan is met; the case cannot be closed with its goals met.')).toBeTruthy();
    expect(screen.getByTestId('welfare-case-state').textContent).toBe('In follow-up');
  });

  it('says in the worker’s language that a case is not found', async () => {
    stubFetch({
      [`GET ${api}/cases/${caseId}`]: () =>
        jsonResponse(
          { title: 'Not Found', status: 404, code: 'case-not-found', detail: `no case ${caseId}` },
          404,
          'application/problem+json',
        ),
    });
    renderAt(`/m/cases/${caseId}`);
    expect(await screen.findByText('این پرونده پیدا نشد.')).toBeTruthy();
  });

  it('shows a broken rule (422) by its code, and a code it has no sentence for in the service’s words', async () => {
    stubFetch({
      [`GET ${api}/cases/${caseId}`]: {
        ...assessed,
        state: 'planned',
        goals: [{ goalId: 'g1', text: 'Stable income', met: false, tasks: [] }],
      },
      [`GET ${api}/desk/places`]: places,
      [`POST ${api}/cases/${caseId}/visits`]: () =>
        jsonResponse(
          {
            title: 'Unprocessable Content',
            status: 422,
            code: 'visit-in-future',
            field: 'visitedOn',
            detail: 'a visit is recorded once it took place',
          },
          422,
          'application/problem+json',
        ),
      [`POST ${api}/cases/${caseId}/close`]: () =>
        jsonResponse(
          { title: 'Conflict', status: 409, code: 'something-new', detail: 'a refusal this screen does not know' },
          409,
          'application/problem+json',
        ),
    });
    renderAt(`/m/cases/${caseId}`, ['welfare-officer'], 'en');
    fireEvent.change(await screen.findByTestId('welfare-visit-notes'), { target: { value: 'Home visit' } });
    fireEvent.click(screen.getByTestId('welfare-visit-submit'));
    expect(await screen.findByText('A visit is recorded once it took place; its day cannot be in the future.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('welfare-close-submit'));
    expect(await screen.findByText('a refusal this screen does not know')).toBeTruthy();
  });
});

describe('the case page’s forms say what is missing and send nothing until it is given', () => {
  const sent = (fetchMock: ReturnType<typeof stubFetch>, path: string) =>
    fetchMock.mock.calls.filter(([url, init]) => String(url).endsWith(path) && init?.method === 'POST');
  const planned: CaseView = {
    ...assessed,
    state: 'planned',
    goals: [{ goalId: 'g1', text: 'Stable income', met: false, tasks: [] }],
  };

  it('reopens a closed case only with its reason, said in Persian when missing', async () => {
    const closed: CaseView = {
      ...assessed,
      state: 'closed',
      closure: { reason: 'goals-met', at: '2026-03-09T08:00:00Z', by: 'welfare.officer' },
    };
    const fetchMock = stubFetch({
      [`GET ${api}/cases/${caseId}`]: closed,
      [`GET ${api}/desk/places`]: places,
      [`POST ${api}/cases/${caseId}/reopen`]: () => jsonResponse({ ...assessed, reopenReason: 'Lost the job again' }),
    });
    renderAt(`/m/cases/${caseId}`);
    fireEvent.click(await screen.findByTestId('welfare-reopen-submit'));
    expect(await within(screen.getByTestId('welfare-reopen-form')).findByText('این خانه را پر کنید')).toBeTruthy();
    expect(sent(fetchMock, '/reopen')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('welfare-reopen-reason'), { target: { value: '  Lost the job again ' } });
    fireEvent.click(screen.getByTestId('welfare-reopen-submit'));
    await waitFor(() => expect(sent(fetchMock, '/reopen')).toHaveLength(1));
    expect(JSON.parse(String(sent(fetchMock, '/reopen')[0]![1]!.body))).toEqual({ reason: 'Lost the job again' });
  });

  it('adds a goal and a task with its due day, each only once its text is given', async () => {
    const fetchMock = stubFetch({
      [`GET ${api}/cases/${caseId}`]: planned,
      [`GET ${api}/desk/places`]: places,
      [`POST ${api}/cases/${caseId}/goals`]: () => jsonResponse(planned),
      [`POST ${api}/cases/${caseId}/goals/g1/tasks`]: () => jsonResponse(planned),
    });
    renderAt(`/m/cases/${caseId}`, ['welfare-officer'], 'en');
    fireEvent.click(await screen.findByTestId('welfare-goal-submit'));
    expect(await within(screen.getByTestId('welfare-goal-form')).findByText('Please fill this in')).toBeTruthy();
    fireEvent.change(screen.getByTestId('welfare-task-due-g1'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('welfare-task-submit-g1'));
    const taskForm = screen.getByTestId('welfare-task-form-g1');
    await waitFor(() => expect(within(taskForm).getAllByText('Please fill this in')).toHaveLength(2));
    expect(sent(fetchMock, '/goals')).toHaveLength(0);
    expect(sent(fetchMock, '/tasks')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('welfare-goal-text'), { target: { value: 'Children back at school ' } });
    fireEvent.click(screen.getByTestId('welfare-goal-submit'));
    await waitFor(() => expect(sent(fetchMock, '/goals')).toHaveLength(1));
    expect(JSON.parse(String(sent(fetchMock, '/goals')[0]![1]!.body))).toEqual({ text: 'Children back at school' });

    fireEvent.change(screen.getByTestId('welfare-task-text-g1'), { target: { value: 'Enrol the eldest' } });
    fireEvent.change(screen.getByTestId('welfare-task-due-g1'), { target: { value: '2026-04-01' } });
    fireEvent.click(screen.getByTestId('welfare-task-submit-g1'));
    await waitFor(() => expect(sent(fetchMock, '/tasks')).toHaveLength(1));
    expect(JSON.parse(String(sent(fetchMock, '/tasks')[0]![1]!.body))).toEqual({ text: 'Enrol the eldest', dueOn: '2026-04-01' });
  });

  it('marks a goal met and a task done as they were ticked', async () => {
    const withTask: CaseView = {
      ...planned,
      goals: [
        {
          ...planned.goals[0]!,
          tasks: [{ taskId: 't1', text: 'Enrol the eldest', dueOn: '2026-04-01', done: false, doneAt: null, overdue: false }],
        },
      ],
    };
    const fetchMock = stubFetch({
      [`GET ${api}/cases/${caseId}`]: withTask,
      [`GET ${api}/desk/places`]: places,
      [`PUT ${api}/cases/${caseId}/goals/g1`]: () => jsonResponse(withTask),
      [`PUT ${api}/cases/${caseId}/tasks/t1`]: () => jsonResponse(withTask),
    });
    const put = (path: string) => fetchMock.mock.calls.filter(([url, init]) => String(url).endsWith(path) && init?.method === 'PUT');
    renderAt(`/m/cases/${caseId}`, ['welfare-officer'], 'en');
    fireEvent.click(await screen.findByTestId('welfare-goal-met-g1'));
    await waitFor(() => expect(put('/goals/g1')).toHaveLength(1));
    expect(JSON.parse(String(put('/goals/g1')[0]![1]!.body))).toEqual({ met: true });
    await waitFor(() => expect((screen.getByTestId('welfare-task-done-t1') as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('welfare-task-done-t1'));
    await waitFor(() => expect(put('/tasks/t1')).toHaveLength(1));
    expect(JSON.parse(String(put('/tasks/t1')[0]![1]!.body))).toEqual({ done: true });
  });

  it('records no visit without its notes, and says a refused day under that day', async () => {
    const fetchMock = stubFetch({
      [`GET ${api}/cases/${caseId}`]: planned,
      [`GET ${api}/desk/places`]: places,
      [`POST ${api}/cases/${caseId}/visits`]: () =>
        jsonResponse(
          { title: 'Unprocessable Content', status: 422, code: 'visit-in-future', field: 'visitedOn', detail: 'not yet' },
          422,
          'application/problem+json',
        ),
    });
    renderAt(`/m/cases/${caseId}`, ['welfare-officer'], 'en');
    fireEvent.click(await screen.findByTestId('welfare-visit-submit'));
    const visitForm = screen.getByTestId('welfare-visit-form');
    expect(await within(visitForm).findByText('Please fill this in')).toBeTruthy();
    expect(sent(fetchMock, '/visits')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('welfare-visit-notes'), { target: { value: 'Home visit' } });
    fireEvent.click(screen.getByTestId('welfare-visit-submit'));
    const sentence = 'A visit is recorded once it took place; its day cannot be in the future.';
    await waitFor(() => expect(screen.getByTestId('welfare-visit-date').getAttribute('aria-invalid')).toBe('true'));
    expect(within(visitForm).getAllByText(sentence)).toHaveLength(1);
  });

  it('confirms no flag without the day it is valid until', async () => {
    const fetchMock = stubFetch({ [`GET ${api}/cases/${caseId}`]: assessed, [`GET ${api}/desk/places`]: places });
    renderAt(`/m/cases/${caseId}`, ['welfare-officer'], 'en');
    fireEvent.change(await screen.findByTestId('welfare-flag-until'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('welfare-flag-submit'));
    expect(await within(screen.getByTestId('welfare-flag-form')).findByText('Please fill this in')).toBeTruthy();
    expect(sent(fetchMock, '/flags')).toHaveLength(0);
  });
});

describe('casework in numbers', () => {
  it('shows counts per neighbourhood and in total, in Persian digits', async () => {
    const counts = {
      total: 12,
      byState: { opened: 1, assessed: 3, planned: 2, 'in-follow-up': 4, closed: 2 },
      byLevel: { low: 1, medium: 5, high: 5, unassessed: 1 },
      withOverdueWork: 3,
    };
    const data: CaseloadSummary = {
      asOf: '2026-03-10T08:00:00Z',
      neighbourhoods: [{ neighbourhoodId: 'nbh-sarasiab', ...counts }],
      totals: counts,
      activeFlags: { 'low-income': 7, 'female-headed-household': 2, 'disability-in-household': 1, 'long-term-unemployed': 2 },
    };
    stubFetch({
      [`GET ${api}/cases/summary`]: data,
      [`GET ${api}/desk/places`]: places,
    });
    renderAt('/m/summary', ['auditor']);
    const row = await screen.findByTestId('welfare-summary-nbh-sarasiab');
    await waitFor(() => expect(row.textContent).toContain('سرآسیاب'));
    expect(row.textContent).toContain('۱۲');
    expect(screen.getByTestId('welfare-summary-overdue-total').textContent).toBe('۳');
    expect(screen.getByTestId('welfare-summary-flag-low-income').textContent).toContain('۷');
  });
});

// At 00:30 in Iran it is still the previous day in UTC; at 23:30 it is the same day.
describe('the visit form’s days are Iran’s days (issue 12)', () => {
  afterEach(() => vi.useRealTimers());

  for (const [label, now] of [
    ['00:30', '2026-03-20T21:00:00Z'],
    ['23:30', '2026-03-21T20:00:00Z'],
  ] as const) {
    it(`at ${label} Iran time proposes a visit today and the next one in 30 days, and records them`, async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now));
      const planned: CaseView = { ...assessed, state: 'planned' };
      const fetchMock = stubFetch({
        [`GET ${api}/cases/${caseId}`]: planned,
        [`GET ${api}/desk/places`]: places,
        [`POST ${api}/cases/${caseId}/visits`]: () => jsonResponse(planned),
      });
      renderAt(`/m/cases/${caseId}`, ['welfare-officer'], 'en');
      expect(((await screen.findByTestId('welfare-visit-date')) as HTMLInputElement).value).toBe('2026-03-21');
      expect((screen.getByTestId('welfare-visit-next') as HTMLInputElement).value).toBe('2026-04-20');
      fireEvent.change(screen.getByTestId('welfare-visit-notes'), { target: { value: 'Home visit' } });
      fireEvent.click(screen.getByTestId('welfare-visit-submit'));
      await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/visits'))).toBe(true));
      const posted = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/visits'));
      expect(JSON.parse(String(posted![1]!.body))).toEqual({ visitedOn: '2026-03-21', notes: 'Home visit', nextVisitOn: '2026-04-20' });
    });
  }
});
