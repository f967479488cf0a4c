import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch, type FakeRoute } from '@hamgam/ui-kit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Board, Commitment, Meeting, MeetingSummary, NeighbourhoodRef } from './api';
import App from './App';
import HomeWidget from './HomeWidget';

const base = '/api/coordination/v1';
const neighbourhoods: NeighbourhoodRef[] = [
  { id: 'nbh-motahari', name: { fa: 'مطهری', en: 'Motahari' }, county: null, hasPriorities: true, list: null },
  { id: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' }, county: null, hasPriorities: true, list: null },
];
const ids = {
  a: '00000000-0000-4000-8000-00000000000a',
  b: '00000000-0000-4000-8000-00000000000b',
  c: '00000000-0000-4000-8000-00000000000c',
  m: '00000000-0000-4000-8000-0000000000aa',
};
const item = (id: string, overrides: Partial<Board['overdue'][number]> = {}): Board['overdue'][number] => ({
  id,
  agency: 'vocational-training',
  title: 'Workshop permits',
  answers: 'workshop-space',
  status: 'planned',
  dueOn: '2026-04-01',
  effectiveDueOn: '2026-04-01',
  overdue: false,
  ...overrides,
});
const agencies = ['vocational-training', 'welfare', 'relief-partnerships', 'institute-funding'] as const;
const board: Board = {
  neighbourhoodId: 'nbh-sarasiab',
  neighbourhoodName: { fa: 'سرآسیاب', en: 'Sar Asiab' },
  period: '1405',
  listVersion: 2,
  today: '2026-05-01',
  rows: [
    {
      rank: 1,
      category: 'workshop-space',
      households: 14,
      agencies: ['vocational-training'],
      covered: true,
      duplicated: false,
      cells: agencies.map((agency) => ({ agency, commitments: agency === 'vocational-training' ? [item(ids.a, { overdue: true })] : [] })),
    },
    {
      rank: 2,
      category: 'skills-training',
      households: 9,
      agencies: ['vocational-training', 'institute-funding'],
      covered: true,
      duplicated: true,
      cells: agencies.map((agency) => ({
        agency,
        commitments:
          agency === 'vocational-training' || agency === 'institute-funding'
            ? [item(`${agency}-x`, { agency, answers: 'skills-training' })]
            : [],
      })),
    },
    {
      rank: 3,
      category: 'housing-repair',
      households: 4,
      agencies: [],
      covered: false,
      duplicated: false,
      cells: agencies.map((agency) => ({ agency, commitments: [] })),
    },
  ],
  uncovered: ['housing-repair'],
  duplicated: ['skills-training'],
  unlinked: [item(ids.b, { agency: 'welfare', answers: null, title: 'Present capacities' })],
  overdue: [item(ids.a, { overdue: true })],
  rates: [
    { agency: 'vocational-training', deliveredOnTime: 1, delivered: 1, overdueUndelivered: 1, slipped: 0, counted: 2, rate: 0.5 },
    { agency: 'welfare', deliveredOnTime: 0, delivered: 0, overdueUndelivered: 0, slipped: 0, counted: 0, rate: null },
    { agency: 'relief-partnerships', deliveredOnTime: 0, delivered: 0, overdueUndelivered: 0, slipped: 0, counted: 0, rate: null },
    { agency: 'institute-funding', deliveredOnTime: 2, delivered: 2, overdueUndelivered: 0, slipped: 0, counted: 2, rate: 1 },
  ],
};
const meeting: Meeting = {
  id: ids.m,
  neighbourhoodId: 'nbh-sarasiab',
  scheduledOn: '2026-05-08',
  today: '2026-05-08',
  title: 'Sar Asiab working group',
  agencies: ['clinics', 'vocational-training'],
  representativeAttends: true,
  status: 'scheduled',
  heldAt: null,
  createdAt: '2026-05-01T08:00:00Z',
  minutes: '',
  agenda: {
    overdue: [
      {
        commitmentId: ids.a,
        agency: 'vocational-training',
        title: 'Workshop permits',
        answers: 'workshop-space',
        dueOn: '2026-04-01',
        status: 'planned',
      },
    ],
    items: [{ id: 'i1', text: 'Home-based jobs' }],
    frozen: false,
  },
  resolutions: [],
};
const commitment = (id: string, overrides: Partial<Commitment> = {}): Commitment => ({
  id,
  source: 'working-group',
  agency: 'vocational-training',
  neighbourhoodId: 'nbh-sarasiab',
  answers: 'workshop-space',
  title: 'Workshop permits',
  dueOn: '2026-04-01',
  revisedDueOn: null,
  effectiveDueOn: '2026-04-01',
  status: 'planned',
  overdue: false,
  evidence: null,
  plannedAt: '2026-03-01T08:00:00Z',
  deliveredOn: null,
  meetingId: ids.m,
  resolutionId: null,
  history: [],
  ...overrides,
});

const agencyList = [
  { id: 'clinics', name: { fa: 'کلینیک‌های مددکاری اجتماعی', en: 'Social-work clinics' }, partner: false },
  { id: 'vocational-training', name: { fa: 'فنی و حرفه‌ای', en: 'Technical & Vocational Training' }, partner: true },
  { id: 'welfare', name: { fa: 'بهزیستی', en: 'Welfare Organisation' }, partner: true },
  { id: 'relief-partnerships', name: { fa: 'کمیته امداد و بسیج سازندگی', en: 'Relief Committee & Basij Construction' }, partner: true },
  { id: 'institute-funding', name: { fa: 'حمایت از آموزشگاه‌های آزاد', en: 'Private institute funding' }, partner: true },
  { id: 'coordination', name: { fa: 'ستاد بازآفرینی شهری', en: 'Urban Regeneration HQ' }, partner: false },
];

function renderAt(path: string, routes: Record<string, FakeRoute>, options: { locale?: 'fa' | 'en'; roles?: string[] } = {}) {
  const fetchMock = stubFetch({ [`GET ${base}/neighbourhoods`]: neighbourhoods, [`GET ${base}/agencies`]: agencyList, ...routes });
  renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/coordination/*" element={<App basePath="/coordination" />} />
      </Routes>
    </MemoryRouter>,
    { locale: options.locale ?? 'en', auth: fakeAuth({ roles: options.roles ?? ['coordinator'] }) },
  );
  return fetchMock;
}

const calls = (fetchMock: ReturnType<typeof stubFetch>, method: string, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => new URL(String(url), 'http://x').pathname === path && (init?.method ?? 'GET') === method);

afterEach(() => vi.restoreAllMocks());

describe('programme board', () => {
  it('opens the first neighbourhood and shows coverage, uncovered, duplicated, unlinked, overdue and on-time rates', async () => {
    renderAt('/coordination', { [`GET ${base}/neighbourhoods/nbh-motahari/board`]: { ...board, neighbourhoodId: 'nbh-motahari' } });
    await screen.findByTestId('board-matrix');
    expect(screen.getByTestId('board-cell-workshop-space-vocational-training').dataset['count']).toBe('1');
    expect(screen.getByTestId('board-cell-workshop-space-welfare').dataset['count']).toBe('0');
    expect(screen.getByTestId('board-uncovered-housing-repair').textContent).toBe('Uncovered');
    expect(screen.queryByTestId('board-uncovered-workshop-space')).toBeNull();
    expect(screen.getByTestId('board-duplicated-skills-training').textContent).toBe('Duplicated work');
    expect(screen.getByTestId(`board-item-${ids.a}`).dataset['overdue']).toBe('true');
    expect(screen.getByTestId(`board-overdue-${ids.a}`).textContent).toContain('Workshop permits');
    expect(screen.getByTestId(`board-unlinked-${ids.b}`).textContent).toContain('No priority');
    expect(screen.getByTestId('board-rate-vocational-training').textContent).toContain('50% (1 of 2)');
    expect(screen.getByTestId('board-rate-welfare').textContent).toContain('No figure yet');
    expect(screen.getByTestId('board-coverage-chart-skills-training').dataset['value']).toBe('2');
  });

  it('switches neighbourhood through the URL and shows Persian, Jalali-year text by default', async () => {
    renderAt('/coordination/board/nbh-sarasiab', { [`GET ${base}/neighbourhoods/nbh-sarasiab/board`]: board }, { locale: 'fa' });
    expect((await screen.findByTestId('board')).textContent).toContain('سرآسیاب');
    expect(screen.getByTestId('board').textContent).toContain('۱۴۰۵');
  });

  it('downloads an export with the token and the user’s language', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const fetchMock = renderAt('/coordination/board/nbh-sarasiab', {
      [`GET ${base}/neighbourhoods/nbh-sarasiab/board`]: board,
      [`GET ${base}/neighbourhoods/nbh-sarasiab/board/export`]: new Response('a,b', {
        headers: { 'Content-Disposition': 'attachment; filename="board-nbh-sarasiab.csv"' },
      }),
    });
    fireEvent.click(await screen.findByTestId('board-export-csv'));
    expect((await screen.findByTestId('board-export-done')).textContent).toBe('board-nbh-sarasiab.csv is ready.');
    const [url, init] = calls(fetchMock, 'GET', `${base}/neighbourhoods/nbh-sarasiab/board/export`)[0]!;
    expect(new URL(String(url), 'http://x').search).toBe('?format=csv&lang=en');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer test-token');
    expect(createObjectURL).toHaveBeenCalled();
  });
});

describe('meetings', () => {
  const summary: MeetingSummary = { ...meeting, resolutionCount: 0, actionItemCount: 0 };

  it('lets a coordinator create a meeting with participants and agenda, then opens it', async () => {
    const fetchMock = renderAt('/coordination/meetings', {
      [`GET ${base}/meetings`]: [summary],
      [`POST ${base}/meetings`]: (body: unknown) => jsonResponse({ ...meeting, ...(body as object) }, 201),
      [`GET ${base}/meetings/${ids.m}`]: meeting,
    });
    await screen.findByTestId(`meeting-row-${ids.m}`);
    fireEvent.click(screen.getByTestId('meeting-create'));
    await waitFor(() => expect(screen.getByTestId('meeting-form').textContent).toContain('Give the meeting a title'));
    expect(calls(fetchMock, 'POST', `${base}/meetings`)).toHaveLength(0);

    expect(screen.getByTestId('meeting-form').textContent).toContain('Choose the meeting');
    // The neighbourhood is picked by its name from the API's list.
    fireEvent.change(screen.getByTestId('meeting-neighbourhood-input'), { target: { value: 'asiab' } });
    fireEvent.click(within(screen.getByTestId('meeting-neighbourhood')).getByRole('option', { name: /Sar Asiab/ }));
    fireEvent.change(screen.getByTestId('meeting-title'), { target: { value: 'Sar Asiab working group' } });
    fireEvent.change(screen.getByTestId('meeting-date'), { target: { value: '2026-05-08' } });
    fireEvent.click(screen.getByTestId('meeting-agency-institute-funding'));
    fireEvent.change(screen.getByTestId('meeting-agenda'), { target: { value: 'Home-based jobs\n\n Workshop space ' } });
    fireEvent.click(screen.getByTestId('meeting-create'));
    await screen.findByTestId('meeting-agenda');
    const [, init] = calls(fetchMock, 'POST', `${base}/meetings`)[0]!;
    expect(JSON.parse(String(init?.body))).toEqual({
      neighbourhoodId: 'nbh-sarasiab',
      scheduledOn: '2026-05-08',
      title: 'Sar Asiab working group',
      agencies: ['clinics', 'vocational-training', 'welfare', 'relief-partnerships'],
      representativeAttends: true,
      agenda: ['Home-based jobs', 'Workshop space'],
    });
  });

  it('puts a refusal naming a field under that field, in the coordinator’s language', async () => {
    renderAt(
      '/coordination/meetings',
      {
        [`GET ${base}/meetings`]: [],
        [`POST ${base}/meetings`]: () =>
          jsonResponse(
            {
              title: 'Unprocessable',
              status: 422,
              code: 'neighbourhood-unknown',
              field: 'neighbourhoodId',
              detail: 'neighbourhood nbh-x is not in the hierarchy',
            },
            422,
            'application/problem+json',
          ),
      },
      { locale: 'fa' },
    );
    fireEvent.change(await screen.findByTestId('meeting-neighbourhood-input'), { target: { value: 'سرآ' } });
    fireEvent.click(within(screen.getByTestId('meeting-neighbourhood')).getByRole('option', { name: /سرآسیاب/ }));
    fireEvent.change(screen.getByTestId('meeting-title'), { target: { value: 'کارگروه سرآسیاب' } });
    fireEvent.change(screen.getByTestId('meeting-date'), { target: { value: '۱۴۰۵/۰۹/۲۹' } });
    fireEvent.click(screen.getByTestId('meeting-create'));
    // Under the neighbourhood field (described by it), not in a card above the form, and never the English detail.
    const sentence = await screen.findByText('این محله در فهرست محله‌های برنامه نیست؛ یکی از فهرست انتخاب کنید.');
    expect(screen.getByTestId('meeting-neighbourhood-input').getAttribute('aria-describedby')).toContain(sentence.id);
    expect(within(screen.getByTestId('meeting-form')).queryByTestId('error-card')).toBeNull();
    expect(screen.getByTestId('meeting-form').textContent).not.toContain('hierarchy');
  });

  it('opens the agenda with the overdue section, passes a resolution and marks the meeting held', async () => {
    const passed: Meeting = {
      ...meeting,
      resolutions: [
        {
          id: 'r1',
          text: 'TVTO acts',
          passedAt: '2026-05-08T09:00:00Z',
          passedBy: 'u',
          actionItems: [
            {
              id: ids.c,
              agency: 'welfare',
              title: 'Care plans',
              dueOn: '2026-06-01',
              answers: 'social-care',
              progress: { status: 'in-progress', overdue: true, evidence: 'Plan 12', deliveredOn: null, effectiveDueOn: '2026-06-01' },
            },
          ],
        },
      ],
    };
    const fetchMock = renderAt(`/coordination/meetings/${ids.m}`, {
      [`GET ${base}/meetings/${ids.m}`]: meeting,
      [`POST ${base}/meetings/${ids.m}/resolutions`]: jsonResponse(passed, 201),
      [`POST ${base}/meetings/${ids.m}/held`]: {
        ...passed,
        status: 'held',
        heldAt: '2026-05-08T12:00:00Z',
        minutes: 'Agreed',
        agenda: { ...meeting.agenda, frozen: true },
      },
    });
    const overdue = await screen.findByTestId(`agenda-overdue-item-${ids.a}`);
    expect(overdue.textContent).toContain('Workshop permits');
    expect(screen.getByTestId('agenda-overdue-count').textContent).toBe('1');
    expect(screen.getByTestId('agenda-overdue-count').className).toContain('hg-badge--danger');
    expect(screen.getByTestId('agenda-overdue').textContent).toContain('Overdue commitments (automatic)');

    fireEvent.change(await screen.findByTestId('resolution-text'), { target: { value: 'Welfare opens care plans' } });
    fireEvent.click(screen.getByTestId('resolution-add-action'));
    fireEvent.click(screen.getByTestId('action-remove-1'));
    fireEvent.change(screen.getByTestId('action-agency-0'), { target: { value: 'welfare' } });
    fireEvent.change(screen.getByTestId('action-title-0'), { target: { value: 'Care plans' } });
    fireEvent.change(screen.getByTestId('action-due-0'), { target: { value: '2026-06-01' } });
    fireEvent.change(screen.getByTestId('action-answers-0'), { target: { value: 'social-care' } });
    fireEvent.click(screen.getByTestId('resolution-submit'));
    expect((await screen.findByTestId(`action-item-${ids.c}`)).dataset['answers']).toBe('social-care');
    const action = screen.getByTestId(`action-item-${ids.c}`);
    expect(action.dataset['status']).toBe('in-progress');
    expect(action.textContent).toContain('Overdue');
    expect(action.textContent).toContain('Evidence: Plan 12');
    const [, init] = calls(fetchMock, 'POST', `${base}/meetings/${ids.m}/resolutions`)[0]!;
    expect(JSON.parse(String(init?.body))).toEqual({
      text: 'Welfare opens care plans',
      actionItems: [{ agency: 'welfare', title: 'Care plans', dueOn: '2026-06-01', answers: 'social-care' }],
    });

    fireEvent.change(screen.getByTestId('meeting-minutes-input'), { target: { value: 'Agreed' } });
    fireEvent.click(screen.getByTestId('meeting-mark-held'));
    await waitFor(() => expect(screen.getByTestId('meeting-status').textContent).toBe('Held'));
    await waitFor(() => expect(screen.getByTestId('agenda-overdue').dataset['frozen']).toBe('true'));
    expect(screen.queryByTestId('resolution-form')).toBeNull();
    expect(screen.getByTestId('meeting-minutes').textContent).toBe('Agreed');
  });

  it('shows a refusal by its code in the coordinator’s language: a past action item (422), a meeting held meanwhile (409)', async () => {
    const problem = (status: number, code: string, detail: string, field?: string) => () =>
      jsonResponse({ title: 'Refused', status, code, detail, ...(field ? { field } : {}) }, status, 'application/problem+json');
    const fetchMock = renderAt(
      `/coordination/meetings/${ids.m}`,
      {
        [`GET ${base}/meetings/${ids.m}`]: meeting,
        [`POST ${base}/meetings/${ids.m}/resolutions`]: problem(
          422,
          'action-item-due-in-past',
          'action item 1 is due before today (2026-05-08)',
          'actionItems.0.dueOn',
        ),
        [`POST ${base}/meetings/${ids.m}/held`]: problem(409, 'meeting-held', 'the meeting has been held and its minutes are closed'),
      },
      { locale: 'fa' },
    );
    fireEvent.change(await screen.findByTestId('resolution-text'), { target: { value: 'Welfare opens care plans' } });
    fireEvent.change(screen.getByTestId('action-title-0'), { target: { value: 'Care plans' } });
    fireEvent.change(screen.getByTestId('action-due-0'), { target: { value: '۱۴۰۵/۰۲/۱۱' } }); // 1 May 2026
    fireEvent.click(screen.getByTestId('resolution-submit'));
    // Under the item's due field, the one the API named.
    const sentence = await screen.findByText('موعد اقدام نمی‌تواند پیش از امروز باشد.');
    expect(within(screen.getByTestId('resolution-action-0')).getByText(sentence.textContent!)).toBe(sentence);
    const [, init] = calls(fetchMock, 'POST', `${base}/meetings/${ids.m}/resolutions`)[0]!;
    expect(JSON.parse(String(init?.body)).actionItems[0].dueOn).toBe('2026-05-01'); // the Jalali day typed, as the API takes it
    fireEvent.click(screen.getByTestId('meeting-mark-held'));
    expect(await screen.findByText('جلسه برگزار شده و صورت‌جلسه آن بسته است.')).toBeTruthy();
    expect(screen.queryByText(/minutes are closed/)).toBeNull();
  });

  it('offers neither "held" nor a resolution before the meeting’s day (29 Azar is not held on 15 Azar)', async () => {
    renderAt(`/coordination/meetings/${ids.m}`, {
      [`GET ${base}/meetings/${ids.m}`]: { ...meeting, scheduledOn: '2026-12-20', today: '2026-12-06' },
    });
    await screen.findByTestId('meeting-not-yet');
    expect(screen.getByTestId('meeting-minutes-input')).toBeTruthy();
    expect(screen.queryByTestId('meeting-mark-held')).toBeNull();
    expect(screen.queryByTestId('resolution-form')).toBeNull();
  });

  it('counts the overdue items the agenda lists: no red badge above "nothing is overdue"', async () => {
    renderAt(`/coordination/meetings/${ids.m}`, {
      [`GET ${base}/meetings/${ids.m}`]: { ...meeting, agenda: { ...meeting.agenda, overdue: [] } },
    });
    const section = await screen.findByTestId('agenda-overdue');
    expect(section.textContent).toContain('Nothing is overdue.');
    expect(section.querySelector('.hg-badge--danger')).toBeNull();
    expect(screen.getByTestId('agenda-overdue-count').textContent).toBe('0');
  });

  it('shows a representative the meeting read-only', async () => {
    renderAt(`/coordination/meetings/${ids.m}`, { [`GET ${base}/meetings/${ids.m}`]: meeting }, { roles: ['representative'] });
    await screen.findByTestId(`agenda-overdue-item-${ids.a}`);
    expect(screen.queryByTestId('resolution-form')).toBeNull();
    expect(screen.queryByTestId('meeting-mark-held')).toBeNull();
    expect(screen.getByTestId('meeting-minutes').textContent).toBe('—');
  });

  it('shows a representative the list without the create form', async () => {
    renderAt('/coordination/meetings', { [`GET ${base}/meetings`]: [summary] }, { roles: ['representative'] });
    await screen.findByTestId(`meeting-row-${ids.m}`);
    expect(screen.queryByTestId('meeting-form')).toBeNull();
  });
});

describe('commitments', () => {
  it('lists commitments with status and overdue badges, filters through the API, and records a status', async () => {
    const late = commitment(ids.a, { overdue: true });
    const fetchMock = renderAt('/coordination/commitments', {
      [`GET ${base}/commitments`]: [late, commitment(ids.b, { status: 'delivered', agency: 'welfare', deliveredOn: '2026-03-30' })],
      [`PUT ${base}/commitments/${ids.a}/status`]: { ...late, status: 'delivered', overdue: false },
    });
    const row = await screen.findByTestId(`commitment-row-${ids.a}`);
    expect(row.dataset['overdue']).toBe('true');
    expect(screen.getByTestId(`commitment-overdue-${ids.a}`).textContent).toBe('Overdue');
    expect(screen.getByTestId(`commitment-status-${ids.b}`).textContent).toBe('Delivered');
    expect(screen.getByTestId(`commitment-row-${ids.b}`).dataset['overdue']).toBe('false');
    expect(screen.queryByTestId(`commitment-edit-${ids.b}`)).toBeNull();

    fireEvent.change(screen.getByTestId('filter-overdue'), { target: { value: 'true' } });
    await waitFor(() =>
      expect(calls(fetchMock, 'GET', `${base}/commitments`).some(([url]) => String(url).includes('overdue=true'))).toBe(true),
    );

    expect(screen.queryByTestId(`commitment-update-${ids.a}`)).toBeNull();
    fireEvent.click(screen.getByTestId(`commitment-edit-${ids.a}`));
    const form = within(await screen.findByTestId(`commitment-update-${ids.a}`));
    fireEvent.change(form.getByTestId(`commitment-new-status-${ids.a}`), { target: { value: 'delivered' } });
    fireEvent.change(form.getByTestId(`commitment-evidence-${ids.a}`), { target: { value: 'Permit list 231' } });
    fireEvent.click(form.getByTestId(`commitment-save-${ids.a}`));
    await waitFor(() => expect(calls(fetchMock, 'PUT', `${base}/commitments/${ids.a}/status`)).toHaveLength(1));
    const [, init] = calls(fetchMock, 'PUT', `${base}/commitments/${ids.a}/status`)[0]!;
    expect(JSON.parse(String(init?.body))).toEqual({ status: 'delivered', evidence: 'Permit list 231', revisedDueOn: null });
  });

  it('shows a refused status by its code, and one it has no sentence for in the service’s words', async () => {
    const refuse = (code: string, detail: string) => () =>
      jsonResponse({ title: 'Conflict', status: 409, code, detail }, 409, 'application/problem+json');
    const save = async (id: string) => {
      fireEvent.click(await screen.findByTestId(`commitment-edit-${id}`));
      fireEvent.click(within(await screen.findByTestId(`commitment-update-${id}`)).getByTestId(`commitment-save-${id}`));
    };
    renderAt('/coordination/commitments', {
      [`GET ${base}/commitments`]: [commitment(ids.a), commitment(ids.b)],
      [`PUT ${base}/commitments/${ids.a}/status`]: refuse('commitment-already-delivered', 'cannot record this status: illegal-transition'),
      [`PUT ${base}/commitments/${ids.b}/status`]: refuse('something-new', 'a refusal this screen does not know'),
    });
    await save(ids.a);
    expect(await screen.findByText('The commitment was delivered; its status changes no more.')).toBeTruthy();
    await save(ids.b);
    expect(await screen.findByText('a refusal this screen does not know')).toBeTruthy();
  });

  it('puts a refused new due day under the due-day field, in Persian', async () => {
    renderAt(
      '/coordination/commitments',
      {
        [`GET ${base}/commitments`]: [commitment(ids.a)],
        [`PUT ${base}/commitments/${ids.a}/status`]: () =>
          jsonResponse(
            {
              title: 'Unprocessable',
              status: 422,
              code: 'revised-due-on-in-past',
              field: 'revisedDueOn',
              detail: 'the revised due date is before today',
            },
            422,
            'application/problem+json',
          ),
      },
      { locale: 'fa' },
    );
    fireEvent.click(await screen.findByTestId(`commitment-edit-${ids.a}`));
    const form = within(await screen.findByTestId(`commitment-update-${ids.a}`));
    fireEvent.change(form.getByTestId(`commitment-new-status-${ids.a}`), { target: { value: 'slipped' } });
    fireEvent.change(await form.findByTestId(`commitment-revised-due-${ids.a}`), { target: { value: '۱۴۰۵/۰۱/۰۱' } });
    fireEvent.click(form.getByTestId(`commitment-save-${ids.a}`));
    const sentence = await form.findByText('موعد جدید نمی‌تواند پیش از امروز باشد.');
    expect(form.getByTestId(`commitment-revised-due-${ids.a}`).getAttribute('aria-describedby')).toContain(sentence.id);
    expect(form.queryByTestId('error-card')).toBeNull();
  });

  it('gives readers no status form', async () => {
    renderAt('/coordination/commitments', { [`GET ${base}/commitments`]: [commitment(ids.a)] }, { roles: ['tvto-staff'] });
    await screen.findByTestId(`commitment-row-${ids.a}`);
    expect(screen.queryByTestId(`commitment-update-${ids.a}`)).toBeNull();
    expect(screen.queryByTestId(`commitment-edit-${ids.a}`)).toBeNull();
  });
});

describe('home widget', () => {
  const home = (overdue: Commitment[]) => {
    stubFetch({
      [`GET ${base}/neighbourhoods`]: neighbourhoods,
      [`GET ${base}/neighbourhood-priorities`]: [],
      [`GET ${base}/commitments`]: overdue,
    });
    renderWithKit(
      <MemoryRouter>
        <HomeWidget />
      </MemoryRouter>,
      { locale: 'en' },
    );
  };

  it('counts the overdue commitments it lists, from one answer: the badge and the list agree', async () => {
    home([commitment(ids.a, { overdue: true }), commitment(ids.b, { overdue: true, neighbourhoodId: 'nbh-motahari' })]);
    const count = await screen.findByTestId('overdue-count');
    expect(count.dataset['count']).toBe('2');
    expect(count.querySelector('.hg-badge--danger')?.textContent).toBe('2');
    expect(screen.getByTestId(`overdue-${ids.a}`).textContent).toContain('Sar Asiab');
    expect(screen.getByTestId(`overdue-${ids.b}`).textContent).toContain('Motahari');
  });

  it('shows no red badge above "nothing is overdue"', async () => {
    home([]);
    const count = await screen.findByTestId('overdue-count');
    expect(count.dataset['count']).toBe('0');
    expect(count.querySelector('.hg-badge--danger')).toBeNull();
    expect(screen.getByTestId('overdue-list').textContent).toBe('Nothing is overdue.');
  });
});
