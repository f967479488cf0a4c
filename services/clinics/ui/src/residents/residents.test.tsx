import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch, type FakeRoute } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import App from '../App';
import type { PrioritiesView } from '../api';
import type { Consent, Draft, Household, HouseholdDetail, QuestionnaireSection, Resident } from './api';
import { ResidentPage } from './ResidentPage';

const base = '/api/clinics/v1';
const name = (fa: string, en: string) => ({ fa, en });
const householdId = 'aaaaaaaa-0000-4000-8000-000000000001';
const residentId = 'bbbbbbbb-0000-4000-8000-000000000002';
const worker = { roles: ['clinic-worker'], claims: { clinicIds: ['clinic-sarasiab'], neighbourhoodIds: ['nbh-sarasiab'] } };

const household: Household = {
  id: householdId,
  clinicId: 'clinic-sarasiab',
  neighbourhoodId: 'nbh-sarasiab',
  fileNumber: 'SAR-0001',
  registeredAt: '2026-03-01T08:00:00Z',
  members: 1,
  assessedAt: null,
  hasDraft: true,
  archivedAt: null,
  headName: null,
};
const resident = (personal: Resident['personal']): Resident => ({
  id: residentId,
  householdId,
  clinicId: 'clinic-sarasiab',
  neighbourhoodId: 'nbh-sarasiab',
  relation: 'head',
  birthYear: 1360,
  registeredAt: '2026-03-01T08:00:00Z',
  archivedAt: null,
  personal,
});
const personal = { nationalId: '0012345679', fullName: 'زهرا احمدی', phone: '09131234567' };
const questionnaire: QuestionnaireSection[] = [
  {
    category: 'employment',
    questions: [
      { id: 'employment.working', category: 'employment', kind: 'yes-no', label: name('شاغل؟', 'Working now?') },
      { id: 'employment.job-seekers', category: 'employment', kind: 'count', max: 20, label: name('جویای کار', 'Looking for work') },
    ],
  },
  {
    category: 'social-care',
    questions: [{ id: 'social.disability', category: 'social-care', kind: 'yes-no', label: name('معلولیت؟', 'Disability?') }],
  },
];

function kit(routes: Record<string, FakeRoute> = {}) {
  return stubFetch({
    [`GET ${base}/clinics`]: [{ id: 'clinic-sarasiab', name: name('کلینیک سرآسیاب', 'Sar Asiab clinic'), neighbourhoodId: 'nbh-sarasiab' }],
    [`GET ${base}/need-categories`]: [
      { id: 'employment', label: name('اشتغال', 'Employment') },
      { id: 'social-care', label: name('مددکاری', 'Social care') },
    ],
    [`GET ${base}/clinics/clinic-sarasiab/households`]: [{ ...household, headName: 'زهرا احمدی' }],
    [`GET ${base}/households/${householdId}`]: { ...household, residents: [resident(personal)] } satisfies HouseholdDetail,
    [`GET ${base}/questionnaire`]: questionnaire,
    [`GET ${base}/residents/${residentId}/access-log`]: [],
    ...routes,
  });
}

function render(path: string, auth: Parameters<typeof fakeAuth>[0] = worker) {
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/clinics/*" element={<App basePath="/clinics" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth(auth), locale: 'en' },
  );
}

const calls = (fetchMock: ReturnType<typeof kit>, method: string, path: string) =>
  fetchMock.mock.calls
    .filter(([url, init]) => url === path && (init?.method ?? 'GET') === method)
    .map(([, init]) => (init?.body ? JSON.parse(String(init.body)) : undefined));

describe('households and residents section', () => {
  it('lists the clinic’s households and registers a new one, opening its page', async () => {
    const fetchMock = kit({
      [`POST ${base}/households`]: jsonResponse(household, 201),
      [`GET ${base}/households/${householdId}/assessment-draft`]: jsonResponse({ title: 'Not Found', status: 404 }, 404),
    });
    render('/clinics/residents');
    const row = await screen.findByTestId('household-SAR-0001');
    expect(row.textContent).toContain('زهرا احمدی');
    expect(row.textContent).not.toContain(householdId);
    fireEvent.change(screen.getByTestId('new-household-file'), { target: { value: 'SAR-0099' } });
    await act(async () => fireEvent.click(screen.getByTestId('register-household')));
    expect(calls(fetchMock, 'POST', `${base}/households`)).toEqual([{ clinicId: 'clinic-sarasiab', fileNumber: 'SAR-0099' }]);
    expect((await screen.findByTestId(`resident-${residentId}`)).textContent).toContain('زهرا احمدی');
  });

  it('warns of a duplicate national id before saving and does not register it', async () => {
    const fetchMock = kit({
      [`GET ${base}/households/${householdId}/assessment-draft`]: jsonResponse({ title: 'Not Found', status: 404 }, 404),
      [`POST ${base}/residents/duplicate-check`]: { exists: true, sameClinic: true, residentId },
    });
    render(`/clinics/residents/households/${householdId}`);
    const input = await screen.findByTestId('resident-national-id');
    fireEvent.change(input, { target: { value: '۰۰۱۲۳۴۵۶۷۹' } });
    await act(async () => fireEvent.blur(input));
    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning.textContent).toContain('already registered at this clinic');
    expect(screen.getByTestId('duplicate-open').getAttribute('href')).toBe(`/clinics/residents/${residentId}`);
    expect(calls(fetchMock, 'POST', `${base}/residents/duplicate-check`)).toEqual([
      { clinicId: 'clinic-sarasiab', nationalId: '0012345679' },
    ]);
    expect((screen.getByTestId('register-resident') as HTMLButtonElement).disabled).toBe(true);
    expect(calls(fetchMock, 'POST', `${base}/households/${householdId}/residents`)).toEqual([]);
  });

  it('refuses an invalid national id in the form and registers a valid new one', async () => {
    const fetchMock = kit({
      [`GET ${base}/households/${householdId}/assessment-draft`]: jsonResponse({ title: 'Not Found', status: 404 }, 404),
      [`POST ${base}/residents/duplicate-check`]: { exists: false, sameClinic: false },
      [`POST ${base}/households/${householdId}/residents`]: jsonResponse(resident(personal), 201),
    });
    render(`/clinics/residents/households/${householdId}`);
    fireEvent.change(await screen.findByTestId('resident-national-id'), { target: { value: '0012345678' } });
    fireEvent.change(screen.getByTestId('resident-name'), { target: { value: 'علی رضایی' } });
    fireEvent.change(screen.getByTestId('resident-phone'), { target: { value: '۰۹۱۳۱۲۳۴۵۶۷' } });
    await act(async () => fireEvent.click(screen.getByTestId('register-resident')));
    expect(screen.getByText('A national id has ten digits and a matching check digit')).toBeTruthy();
    fireEvent.change(screen.getByTestId('resident-national-id'), { target: { value: '0012345679' } });
    await act(async () => fireEvent.click(screen.getByTestId('register-resident')));
    await waitFor(() =>
      expect(calls(fetchMock, 'POST', `${base}/households/${householdId}/residents`)).toEqual([
        { nationalId: '0012345679', fullName: 'علی رضایی', phone: '09131234567', relation: 'head', birthYear: null },
      ]),
    );
  });
});

describe('households list', () => {
  it('refuses a household with nothing filled in, naming the file number, without asking the service', async () => {
    const fetchMock = kit();
    render('/clinics/residents');
    await screen.findByTestId('household-SAR-0001');
    await act(async () => fireEvent.click(screen.getByTestId('register-household')));
    expect((await screen.findByText('Enter the file number: a household without one cannot be told apart.')).className).toContain(
      'hg-field__error',
    );
    expect(calls(fetchMock, 'POST', `${base}/households`)).toEqual([]);
  });

  it('shows a file number the service refuses as taken next to the field, in the user’s language', async () => {
    kit({
      [`POST ${base}/households`]: jsonResponse(
        {
          title: 'Conflict',
          status: 409,
          code: 'household-file-number-taken',
          field: 'fileNumber',
          detail: 'file number SAR-0001 is another household’s',
        },
        409,
        'application/problem+json',
      ),
    });
    render('/clinics/residents');
    await screen.findByTestId('household-SAR-0001');
    fireEvent.change(screen.getByTestId('new-household-file'), { target: { value: 'SAR-0001' } });
    await act(async () => fireEvent.click(screen.getByTestId('register-household')));
    expect(await screen.findByText('This file number belongs to another household of this clinic.')).toBeTruthy();
    expect(screen.queryByText(/another household’s/)).toBeNull();
  });

  it('asks the service for what was searched, sorted and filtered, a page at a time', async () => {
    const fetchMock = kit();
    render('/clinics/residents');
    await screen.findByTestId('household-SAR-0001');
    fireEvent.change(screen.getByTestId('list-controls-search'), { target: { value: 'احمدي' } });
    fireEvent.keyDown(screen.getByTestId('list-controls-search'), { key: 'Enter' });
    fireEvent.change(screen.getByTestId('list-controls-sort'), { target: { value: 'file' } });
    fireEvent.change(screen.getByTestId('households-archived-filter'), { target: { value: 'only' } });
    await waitFor(() => {
      const urls = fetchMock.mock.calls.map(([url]) => new URL(String(url), 'http://x')).filter((u) => u.pathname.endsWith('/households'));
      const last = urls.at(-1)!;
      expect([last.searchParams.get('q'), last.searchParams.get('sort'), last.searchParams.get('archived')]).toEqual([
        'احمدی',
        'file',
        'only',
      ]);
    });
  });
});

describe('residents list', () => {
  it('lists the clinic’s residents by name and file number (never an id), searched and filtered on the server', async () => {
    const fetchMock = kit({
      [`GET ${base}/clinics/clinic-sarasiab/residents`]: [
        { ...resident(personal), personal: null, fullName: 'زهرا احمدی', fileNumber: 'SAR-0001' },
      ],
    });
    render('/clinics/residents');
    await screen.findByTestId('household-SAR-0001');
    fireEvent.change(screen.getByTestId('residents-view'), { target: { value: 'people' } });
    const row = await screen.findByTestId('resident-row-SAR-0001-head');
    expect(row.textContent).toContain('زهرا احمدی');
    expect(row.textContent).toContain('SAR-0001');
    expect(row.textContent).toContain('1360');
    expect(row.textContent).not.toContain(residentId);
    fireEvent.change(screen.getByTestId('residents-controls-search'), { target: { value: '۰۰۱۲۳۴۵۶۷۹' } });
    fireEvent.keyDown(screen.getByTestId('residents-controls-search'), { key: 'Enter' });
    fireEvent.change(screen.getByTestId('residents-relation-filter'), { target: { value: 'child' } });
    await waitFor(() => {
      const last = fetchMock.mock.calls
        .map(([url]) => new URL(String(url), 'http://x'))
        .filter((u) => u.pathname.endsWith('/residents'))
        .at(-1)!;
      expect([last.searchParams.get('q'), last.searchParams.get('relation')]).toEqual(['0012345679', 'child']);
    });
  });

  it('opens from the home’s consents card (?consents=ending) on the residents whose consent ends soon, and clears it', async () => {
    const fetchMock = kit({
      [`GET ${base}/clinics/clinic-sarasiab/residents`]: [
        { ...resident(personal), personal: null, fullName: 'زهرا احمدی', fileNumber: 'SAR-0001' },
      ],
    });
    const asked = () =>
      fetchMock.mock.calls
        .map(([url]) => new URL(String(url), 'http://x'))
        .filter((u) => u.pathname.endsWith('/clinic-sarasiab/residents'));
    render('/clinics/residents?consents=ending');
    await screen.findByTestId('resident-row-SAR-0001-head');
    expect((screen.getByTestId('residents-view') as HTMLSelectElement).value).toBe('people');
    expect((screen.getByTestId('residents-consents-filter') as HTMLInputElement).checked).toBe(true);
    expect(asked().every((u) => u.searchParams.get('consents') === 'ending')).toBe(true);
    fireEvent.click(screen.getByTestId('residents-consents-filter'));
    await waitFor(() => expect(asked().at(-1)!.searchParams.get('consents')).toBeNull());
  });
});

describe('assessment questionnaire', () => {
  const draft: Draft = {
    householdId,
    needs: [{ category: 'employment', severity: 4 }],
    answers: { 'employment.working': false },
    savedAt: '2026-03-02T08:00:00Z',
  };

  it('resumes the saved draft, refuses an incomplete submission, saves and submits', async () => {
    const fetchMock = kit({
      [`GET ${base}/households/${householdId}/assessment-draft`]: draft,
      [`PUT ${base}/households/${householdId}/assessment-draft`]: (body) =>
        jsonResponse({ ...(body as object), householdId, savedAt: '2026-03-03T08:00:00Z' }),
      [`POST ${base}/households/${householdId}/assessment-draft/submit`]: jsonResponse({ id: 'x' }, 201),
    });
    render(`/clinics/residents/households/${householdId}`);
    await screen.findByTestId('draft-resumed');
    expect((screen.getByTestId('q-severity-employment') as HTMLSelectElement).value).toBe('4');
    expect((screen.getByTestId('q-employment.working') as HTMLSelectElement).value).toBe('no');
    expect(screen.queryByTestId('q-social.disability')).toBeNull();

    await act(async () => fireEvent.click(screen.getByTestId('submit-assessment')));
    // The message names the question left unanswered, and the question itself says so.
    expect(screen.getByTestId('questionnaire-error').textContent).toBe('These questions are not answered: «Looking for work»');
    expect(screen.getByTestId('q-employment.job-seekers').getAttribute('aria-invalid')).toBe('true');
    expect(calls(fetchMock, 'POST', `${base}/households/${householdId}/assessment-draft/submit`)).toEqual([]);

    fireEvent.change(screen.getByTestId('q-employment.job-seekers'), { target: { value: '۲' } });
    await act(async () => fireEvent.click(screen.getByTestId('save-draft')));
    expect(calls(fetchMock, 'PUT', `${base}/households/${householdId}/assessment-draft`)).toEqual([
      { needs: [{ category: 'employment', severity: 4 }], answers: { 'employment.working': false, 'employment.job-seekers': 2 } },
    ]);
    await act(async () => fireEvent.click(screen.getByTestId('submit-assessment')));
    expect(calls(fetchMock, 'POST', `${base}/households/${householdId}/assessment-draft/submit`)).toHaveLength(1);
    await screen.findByTestId('assessment-submitted');
  });

  it('shows the service’s refusal at the question it names, by the question’s words', async () => {
    kit({
      [`GET ${base}/households/${householdId}/assessment-draft`]: draft,
      [`PUT ${base}/households/${householdId}/assessment-draft`]: jsonResponse(
        {
          title: 'Unprocessable',
          status: 422,
          code: 'assessment-draft-invalid',
          field: 'employment.working',
          detail: 'employment.working: yes or no',
        },
        422,
        'application/problem+json',
      ),
    });
    render(`/clinics/residents/households/${householdId}`);
    await screen.findByTestId('draft-resumed');
    await act(async () => fireEvent.click(screen.getByTestId('save-draft')));
    expect((await screen.findByTestId('questionnaire-error')).textContent).toBe('Check the answer to this question: «Working now?»');
    expect(screen.getByTestId('q-employment.working').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/yes or no/)).toBeNull();
  });

  it('after submitting, shows what was recorded (the answers as the service stored them)', async () => {
    let submitted = false;
    kit({
      [`GET ${base}/households/${householdId}`]: () =>
        jsonResponse({ ...household, assessedAt: submitted ? '2026-03-04T08:00:00Z' : null, residents: [resident(personal)] }),
      [`GET ${base}/households/${householdId}/assessment-draft`]: () =>
        submitted ? jsonResponse({ title: 'Not Found', status: 404 }, 404, 'application/problem+json') : jsonResponse(draft),
      [`PUT ${base}/households/${householdId}/assessment-draft`]: (body) =>
        jsonResponse({ ...(body as object), householdId, savedAt: '2026-03-03T08:00:00Z' }),
      [`POST ${base}/households/${householdId}/assessment-draft/submit`]: () => {
        submitted = true;
        return jsonResponse({ id: 'x' }, 201);
      },
      [`GET ${base}/households/${householdId}/assessment`]: {
        id: 'a1',
        householdRef: householdId,
        clinicId: 'clinic-sarasiab',
        neighbourhoodId: 'nbh-sarasiab',
        needs: [{ category: 'employment', severity: 4 }],
        answers: { 'employment.working': false, 'employment.job-seekers': 3 },
        createdAt: '2026-03-04T08:00:00Z',
      },
    });
    render(`/clinics/residents/households/${householdId}`);
    await screen.findByTestId('draft-resumed');
    expect(screen.queryByTestId('recorded-assessment')).toBeNull();
    fireEvent.change(screen.getByTestId('q-employment.job-seekers'), { target: { value: '3' } });
    await act(async () => fireEvent.click(screen.getByTestId('submit-assessment')));
    expect((await screen.findByTestId('recorded-answer-employment.job-seekers')).textContent).toBe('Looking for work: 3');
  });

  it('shows what was recorded once the household is assessed: each need, its severity and every answer', async () => {
    kit({
      [`GET ${base}/households/${householdId}`]: { ...household, assessedAt: '2026-03-04T08:00:00Z', residents: [resident(personal)] },
      [`GET ${base}/households/${householdId}/assessment-draft`]: jsonResponse({ title: 'Not Found', status: 404 }, 404),
      [`GET ${base}/households/${householdId}/assessment`]: {
        id: 'a1',
        householdRef: householdId,
        needs: [{ category: 'employment', severity: 4 }],
        answers: { 'employment.working': false, 'employment.job-seekers': 2 },
        createdAt: '2026-03-04T08:00:00Z',
      },
    });
    render(`/clinics/residents/households/${householdId}`);
    expect((await screen.findByTestId('recorded-employment')).textContent).toContain('Employment — Severity 4');
    expect(screen.getByTestId('recorded-answer-employment.working').textContent).toBe('Working now?: No');
    expect(screen.getByTestId('recorded-answer-employment.job-seekers').textContent).toBe('Looking for work: 2');
  });
});

describe('digits and archiving on the resident’s page', () => {
  it('shows the phone and the birth year in Persian digits, the year never grouped (۱۳۶۰, not ۱٬۳۶۰)', async () => {
    kit({ [`GET ${base}/residents/${residentId}`]: resident(personal), [`GET ${base}/residents/${residentId}/consents`]: [] });
    renderWithKit(
      <MemoryRouter initialEntries={[`/clinics/residents/${residentId}`]}>
        <Routes>
          <Route path="/clinics/*" element={<App basePath="/clinics" />} />
        </Routes>
      </MemoryRouter>,
      { auth: fakeAuth(worker), locale: 'fa' },
    );
    expect((await screen.findByTestId('resident-phone-value')).textContent).toBe('۰۹۱۳۱۲۳۴۵۶۷');
    expect(screen.getByTestId('resident-personal').textContent).toContain('۱۳۶۰');
    expect(screen.getByTestId('resident-personal').textContent).not.toContain('۱٬۳۶۰');
  });

  it('archives a resident registered by mistake after asking, and says why the service refused in the user’s words', async () => {
    const fetchMock = kit({
      [`GET ${base}/residents/${residentId}`]: resident(personal),
      [`GET ${base}/residents/${residentId}/consents`]: [],
      [`POST ${base}/residents/${residentId}/archive`]: jsonResponse(
        { title: 'Conflict', status: 409, code: 'resident-has-open-referrals', detail: 'the resident has open referrals' },
        409,
        'application/problem+json',
      ),
    });
    render(`/clinics/residents/${residentId}`);
    await act(async () => fireEvent.click(await screen.findByTestId('archive-resident')));
    expect(calls(fetchMock, 'POST', `${base}/residents/${residentId}/archive`)).toEqual([]);
    await act(async () => fireEvent.click(screen.getByTestId('archive-resident-yes')));
    expect(calls(fetchMock, 'POST', `${base}/residents/${residentId}/archive`)).toHaveLength(1);
    expect(await screen.findByText('This resident has an open referral; withdraw it first.')).toBeTruthy();
  });
});

describe('correcting mistaken records', () => {
  it('corrects a household’s file number, and says a taken one under the field', async () => {
    const fetchMock = kit({
      [`GET ${base}/households/${householdId}/assessment-draft`]: jsonResponse({ title: 'Not Found', status: 404 }, 404),
      [`PATCH ${base}/households/${householdId}`]: (body) =>
        (body as { fileNumber: string }).fileNumber === 'SAR-0002'
          ? jsonResponse(
              { title: 'Conflict', status: 409, code: 'household-file-number-taken', field: 'fileNumber' },
              409,
              'application/problem+json',
            )
          : jsonResponse({ ...household, ...(body as object), residents: [] }),
    });
    render(`/clinics/residents/households/${householdId}`);
    fireEvent.click(await screen.findByTestId('edit-household'));
    fireEvent.change(screen.getByTestId('edit-household-file'), { target: { value: 'SAR-0002' } });
    await act(async () => fireEvent.click(screen.getByTestId('save-household')));
    expect(await screen.findByText('This file number belongs to another household of this clinic.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('edit-household-file'), { target: { value: 'SAR-۰۰۱۰' } });
    await act(async () => fireEvent.click(screen.getByTestId('save-household')));
    await waitFor(() =>
      expect(calls(fetchMock, 'PATCH', `${base}/households/${householdId}`)).toEqual([
        { fileNumber: 'SAR-0002' },
        { fileNumber: 'SAR-0010' },
      ]),
    );
  });

  it('corrects a resident’s name and phone (typed in Persian digits), sending Latin digits', async () => {
    const fetchMock = kit({
      [`GET ${base}/residents/${residentId}`]: resident(personal),
      [`GET ${base}/residents/${residentId}/consents`]: [],
      [`PATCH ${base}/residents/${residentId}`]: (body) => jsonResponse({ ...resident(personal), ...(body as object) }),
    });
    render(`/clinics/residents/${residentId}`);
    fireEvent.click(await screen.findByTestId('edit-resident'));
    fireEvent.change(screen.getByTestId('edit-resident-name'), { target: { value: 'زهرا احمدی‌نژاد' } });
    fireEvent.change(screen.getByTestId('edit-resident-phone'), { target: { value: '۰۹۱۳۷۶۵۴۳۲۱' } });
    await act(async () => fireEvent.click(screen.getByTestId('save-resident')));
    await waitFor(() =>
      expect(calls(fetchMock, 'PATCH', `${base}/residents/${residentId}`)).toEqual([
        { fullName: 'زهرا احمدی‌نژاد', phone: '09137654321', relation: 'head', birthYear: 1360 },
      ]),
    );
  });
});

describe('resident page', () => {
  const consent: Consent = {
    id: 'cccccccc-0000-4000-8000-000000000003',
    residentId,
    purpose: 'referral',
    agency: 'welfare',
    grantedAt: '2026-03-01T08:00:00Z',
    expiresOn: '2099-01-01',
    withdrawnAt: null,
    status: 'active',
  };

  it('shows the own clinic’s worker the personal data, records and withdraws consents', async () => {
    const fetchMock = kit({
      [`GET ${base}/residents/${residentId}`]: resident(personal),
      [`GET ${base}/residents/${residentId}/consents`]: [consent],
      [`POST ${base}/residents/${residentId}/consents`]: (body) => jsonResponse({ ...consent, ...(body as object), id: 'new' }, 201),
      [`POST ${base}/residents/${residentId}/consents/${consent.id}/withdraw`]: { ...consent, status: 'withdrawn' },
    });
    render(`/clinics/residents/${residentId}`);
    expect((await screen.findByTestId('resident-full-name')).textContent).toBe('زهرا احمدی');
    expect(screen.getByTestId('resident-national-id-value').textContent).toBe('0012345679');
    await screen.findByTestId(`consent-status-${consent.id}`);
    fireEvent.change(screen.getByTestId('consent-agency'), { target: { value: 'vocational-training' } });
    fireEvent.change(screen.getByTestId('consent-expires'), { target: { value: '2099-06-30' } });
    await act(async () => fireEvent.click(screen.getByTestId('grant-consent')));
    expect(calls(fetchMock, 'POST', `${base}/residents/${residentId}/consents`)).toEqual([
      { purpose: 'referral', agency: 'vocational-training', expiresOn: '2099-06-30' },
    ]);
    await act(async () => fireEvent.click(screen.getByTestId(`withdraw-consent-${consent.id}`)));
    expect(calls(fetchMock, 'POST', `${base}/residents/${residentId}/consents/${consent.id}/withdraw`)).toHaveLength(1);
    await screen.findByTestId('access-log');
  });

  it('shows a refused consent by its code in the user’s language, and a code it has no sentence for as the service said it', async () => {
    const problem = (code: string, detail: string) =>
      jsonResponse({ title: 'Unprocessable Content', status: 422, code, field: 'expiresOn', detail }, 422, 'application/problem+json');
    let answer = problem('consent-expiry-passed', 'the expiry day has passed already');
    kit({
      [`GET ${base}/residents/${residentId}`]: resident(personal),
      [`GET ${base}/residents/${residentId}/consents`]: [],
      [`POST ${base}/residents/${residentId}/consents`]: () => answer,
    });
    render(`/clinics/residents/${residentId}`);
    await screen.findByTestId('grant-consent-form');
    fireEvent.change(screen.getByTestId('consent-expires'), { target: { value: '2099-06-30' } });
    await act(async () => fireEvent.click(screen.getByTestId('grant-consent')));
    expect(await screen.findByText('The consent’s last day has passed; choose today or a later day.')).toBeTruthy();
    expect(screen.queryByText('the expiry day has passed already')).toBeNull();
    // The refusal names the expiry field, so it is said under that field, not above the form.
    expect(within(screen.getByTestId('grant-consent-form')).queryByTestId('error-card')).toBeNull();

    answer = problem('something-new', 'a refusal this screen does not know');
    await act(async () => fireEvent.click(screen.getByTestId('grant-consent')));
    expect(await screen.findByText('a refusal this screen does not know')).toBeTruthy();
  });

  it('refuses an expiry day before today without asking the service', async () => {
    const fetchMock = kit({
      [`GET ${base}/residents/${residentId}`]: resident(personal),
      [`GET ${base}/residents/${residentId}/consents`]: [],
    });
    render(`/clinics/residents/${residentId}`);
    await screen.findByTestId('grant-consent-form');
    fireEvent.change(screen.getByTestId('consent-expires'), { target: { value: '2020-01-01' } });
    await act(async () => fireEvent.click(screen.getByTestId('grant-consent')));
    expect(screen.getByText('Choose a day in the future')).toBeTruthy();
    expect(calls(fetchMock, 'POST', `${base}/residents/${residentId}/consents`)).toEqual([]);
  });

  it('shows a coordinator no personal data and no consent form', async () => {
    kit({ [`GET ${base}/residents/${residentId}`]: resident(null), [`GET ${base}/residents/${residentId}/consents`]: [consent] });
    render(`/clinics/residents/${residentId}`, { roles: ['coordinator'] });
    await screen.findByTestId('resident-personal-hidden');
    expect(screen.queryByTestId('resident-full-name')).toBeNull();
    expect(screen.queryByTestId('grant-consent-form')).toBeNull();
    expect(screen.queryByTestId('access-log')).toBeNull();
  });
});

describe('resident page slot', () => {
  it('renders what another section adds about the resident', async () => {
    kit({ [`GET ${base}/residents/${residentId}`]: resident(personal), [`GET ${base}/residents/${residentId}/consents`]: [] });
    renderWithKit(
      <MemoryRouter initialEntries={[`/r/${residentId}`]}>
        <Routes>
          <Route
            path="/r/:residentId"
            element={<ResidentPage basePath="/clinics">{(r) => <p data-testid="slot">{r.id}</p>}</ResidentPage>}
          />
        </Routes>
      </MemoryRouter>,
      { auth: fakeAuth(worker), locale: 'en' },
    );
    expect((await screen.findByTestId('slot')).textContent).toBe(residentId);
  });
});

describe('re-ranking priorities', () => {
  const neighbourhood = {
    id: 'nbh-sarasiab',
    name: name('سرآسیاب', 'Sar Asiab'),
    county: name('شهرستان کرمان', 'Kerman County'),
    province: name('کرمان', 'Kerman'),
    clinics: [
      {
        id: 'clinic-sarasiab',
        name: name('کلینیک سرآسیاب', 'Sar Asiab clinic'),
        staff: [{ id: 's1', name: name('مریم رضایی', 'Maryam Rezaei'), role: 'social-worker' }],
      },
    ],
    representative: { name: name('محمد کرمانی', 'Mohammad Kermani') },
  };
  const priorities = (): PrioritiesView => ({
    draft: [
      { rank: 1, category: 'employment', score: 9, households: 3 },
      { rank: 2, category: 'social-care', score: 2, households: 1 },
    ],
    computed: [
      { rank: 1, category: 'employment', score: 9, households: 3 },
      { rank: 2, category: 'social-care', score: 2, households: 1 },
    ],
    agreed: null,
    published: null,
  });
  const neighbourhoods = [
    { id: 'nbh-sarasiab', name: name('سرآسیاب', 'Sar Asiab'), county: name('کرمان', 'Kerman'), province: name('کرمان', 'Kerman') },
  ];

  it('lets the clinic worker move a priority up with the reason and the meeting date the residents agreed', async () => {
    const view = priorities();
    const fetchMock = kit({
      [`GET ${base}/neighbourhoods`]: neighbourhoods,
      [`GET ${base}/neighbourhoods/nbh-sarasiab/assessments`]: [],
      [`GET ${base}/neighbourhoods/nbh-sarasiab`]: neighbourhood,
      [`GET ${base}/neighbourhoods/nbh-sarasiab/priorities`]: () => jsonResponse(view),
      [`PUT ${base}/neighbourhoods/nbh-sarasiab/priorities/agreed-order`]: (body) => {
        const { order, reason, meetingDate } = body as { order: string[]; reason: string; meetingDate: string };
        view.draft = order.map((category, i) => ({ ...view.computed!.find((p) => p.category === category)!, rank: i + 1 }));
        view.agreed = {
          order,
          reason,
          meetingDate,
          agreedByName: 'worker',
          agreedByRole: 'clinic-worker',
          agreedAt: '2026-03-05T08:00:00Z',
        };
        return jsonResponse(view);
      },
    });
    render('/clinics/neighbourhoods/nbh-sarasiab');
    const open = await screen.findByTestId('open-rerank');
    await act(async () => fireEvent.click(open));
    expect((screen.getByTestId('rerank-up-employment') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('rerank-up-social-care'));
    await act(async () => fireEvent.click(screen.getByTestId('rerank-save')));
    expect(screen.getByText('Say why')).toBeTruthy();
    expect(calls(fetchMock, 'PUT', `${base}/neighbourhoods/nbh-sarasiab/priorities/agreed-order`)).toEqual([]);
    fireEvent.change(screen.getByTestId('rerank-reason'), { target: { value: 'The meeting put the elderly first' } });
    fireEvent.change(screen.getByTestId('rerank-date'), { target: { value: '2026-03-04' } });
    await act(async () => fireEvent.click(screen.getByTestId('rerank-save')));
    expect(calls(fetchMock, 'PUT', `${base}/neighbourhoods/nbh-sarasiab/priorities/agreed-order`)).toEqual([
      { order: ['social-care', 'employment'], reason: 'The meeting put the elderly first', meetingDate: '2026-03-04' },
    ]);
    expect((await screen.findByTestId('agreed-order')).textContent).toContain('The meeting put the elderly first');
  });

  it('shows the representative their neighbourhood’s people and priorities, to read only: no re-ranking, no publishing', async () => {
    kit({
      [`GET ${base}/neighbourhoods`]: neighbourhoods,
      [`GET ${base}/neighbourhoods/nbh-sarasiab/assessments`]: jsonResponse({ title: 'Forbidden', status: 403 }, 403),
      [`GET ${base}/neighbourhoods/nbh-sarasiab`]: neighbourhood,
      [`GET ${base}/neighbourhoods/nbh-sarasiab/priorities`]: priorities(),
    });
    render('/clinics/neighbourhoods/nbh-sarasiab', {
      roles: ['representative'],
      claims: { clinicIds: [], neighbourhoodIds: ['nbh-sarasiab'] },
    });
    expect((await screen.findByTestId('neighbourhood-hierarchy')).textContent).toBe('Kerman › Kerman County › Sar Asiab');
    expect(screen.getByTestId('clinic-staff-clinic-sarasiab').textContent).toContain('Maryam Rezaei (social worker)');
    expect(screen.getByTestId('neighbourhood-representative').textContent).toBe('Mohammad Kermani');
    expect((await screen.findByTestId('draft-priorities-social-care')).textContent).toContain('Social care');
    expect(screen.queryByTestId('open-rerank')).toBeNull();
    expect(screen.queryByTestId('publish-priorities')).toBeNull();
  });
});
