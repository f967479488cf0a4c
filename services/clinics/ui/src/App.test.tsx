import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { jalaliYear } from '@hamgam/ui-kit';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch, type FakeRoute } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Assessment, PrioritiesView } from './api';
import type { Household } from './residents/api';
import App from './App';

const base = '/api/clinics/v1';
const name = (fa: string, en: string) => ({ fa, en });

function clinicsApi(overrides: Record<string, FakeRoute> = {}) {
  const assessments: Assessment[] = [];
  const priorities: PrioritiesView = { draft: [], published: null };
  const households: Household[] = [];
  const fetchMock = stubFetch({
    [`GET ${base}/neighbourhoods`]: [
      { id: 'nbh-sarasiab', name: name('سرآسیاب', 'Sar Asiab'), county: name('کرمان', 'Kerman'), province: name('کرمان', 'Kerman') },
      { id: 'nbh-fajr', name: name('فجر', 'Fajr'), county: name('کرمان', 'Kerman'), province: name('کرمان', 'Kerman') },
    ],
    [`GET ${base}/clinics`]: [
      { id: 'clinic-sarasiab', name: name('کلینیک سرآسیاب', 'Sar Asiab clinic'), neighbourhoodId: 'nbh-sarasiab' },
      { id: 'clinic-fajr', name: name('کلینیک فجر', 'Fajr clinic'), neighbourhoodId: 'nbh-fajr' },
    ],
    [`GET ${base}/need-categories`]: [
      { id: 'employment', label: name('اشتغال', 'Employment') },
      { id: 'workshop-space', label: name('مجوز و فضای کارگاه', 'Workshop permit and space') },
    ],
    [`GET ${base}/neighbourhoods/nbh-sarasiab/assessments`]: () => jsonResponse(assessments),
    [`GET ${base}/clinics/clinic-sarasiab/households`]: () => jsonResponse(households),
    [`POST ${base}/households`]: (body) => {
      const { clinicId, fileNumber } = body as { clinicId: string; fileNumber: string };
      const created: Household = {
        id: `hh-${households.length + 1}`,
        clinicId,
        neighbourhoodId: 'nbh-sarasiab',
        fileNumber,
        registeredAt: '2026-03-21T12:00:00Z',
        archivedAt: null,
        headName: null,
        members: 0,
        assessedAt: null,
        hasDraft: false,
      };
      households.push(created);
      return jsonResponse(created, 201);
    },
    [`GET ${base}/neighbourhoods/nbh-sarasiab/priorities`]: () => jsonResponse(priorities),
    [`POST ${base}/assessments`]: (body) => {
      const recorded = body as Assessment;
      // The API names the household by its file number in the list.
      const fileNumber = households.find((h) => h.id === recorded.householdRef)?.fileNumber ?? '';
      const created = { ...recorded, fileNumber, id: `a${assessments.length + 1}`, createdAt: '2026-03-21T12:00:00Z' };
      assessments.push(created);
      priorities.draft = [{ rank: 1, category: 'employment', score: 4, households: 1 }];
      return jsonResponse(created, 201);
    },
    [`POST ${base}/neighbourhoods/nbh-sarasiab/priority-lists`]: (body) => {
      const list = {
        version: 1,
        period: (body as { period: string }).period,
        publishedAt: '2026-03-21T12:00:00Z',
        priorities: priorities.draft,
      };
      priorities.published = list;
      return jsonResponse(list, 201);
    },
    ...overrides,
  });
  return fetchMock;
}

function renderClinics(roles = ['clinic-worker'], path = '/clinics') {
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/clinics/*" element={<App basePath="/clinics" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles }), locale: 'en' },
  );
}

const postBodies = (fetchMock: ReturnType<typeof clinicsApi>, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => url === path && init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)));

describe('clinics App', () => {
  it('opens the first neighbourhood in scope with its clinic selected', async () => {
    clinicsApi();
    renderClinics();
    const neighbourhood = (await screen.findByTestId('neighbourhood-select')) as HTMLSelectElement;
    expect(neighbourhood.value).toBe('nbh-sarasiab');
    expect((screen.getByTestId('clinic-select') as HTMLSelectElement).value).toBe('clinic-sarasiab');
  });

  it('records an assessment with only the categories marked as needs, then refreshes the lists', async () => {
    const fetchMock = clinicsApi();
    renderClinics();
    fireEvent.change(await screen.findByTestId('household-ref'), { target: { value: 'HH-0012' } });
    fireEvent.change(screen.getByTestId('severity-employment'), { target: { value: '4' } });
    await act(async () => fireEvent.click(screen.getByTestId('save-assessment')));

    expect(postBodies(fetchMock, `${base}/assessments`)).toEqual([
      {
        clinicId: 'clinic-sarasiab',
        neighbourhoodId: 'nbh-sarasiab',
        householdRef: 'hh-1',
        needs: [{ category: 'employment', severity: 4 }],
      },
    ]);
    // The file number named no registered household, so it was registered first.
    expect(postBodies(fetchMock, `${base}/households`)).toEqual([{ clinicId: 'clinic-sarasiab', fileNumber: 'HH-0012' }]);
    expect((await screen.findByTestId('assessment-HH-0012')).textContent).toContain('Employment (4)');
    expect(within(await screen.findByTestId('draft-priorities')).getByTestId('draft-priorities-employment').textContent).toContain(
      'Employment',
    );
    expect(screen.getByTestId('assessment-saved').textContent).toContain('HH-0012');
    // Emptied for the next household.
    expect((screen.getByTestId('household-ref') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('severity-employment') as HTMLSelectElement).value).toBe('0');
  });

  it('asks for a household reference and at least one need before calling the API', async () => {
    const fetchMock = clinicsApi();
    renderClinics();
    const save = await screen.findByTestId('save-assessment');
    await act(async () => fireEvent.click(save));
    expect(screen.getByText('Enter the household file number')).toBeTruthy();
    expect(screen.getByText('Choose a severity of 1 to 5 for at least one need')).toBeTruthy();
    expect(postBodies(fetchMock, `${base}/assessments`)).toEqual([]);
    expect(postBodies(fetchMock, `${base}/households`)).toEqual([]);
  });

  it('shows the problem title and detail the API returns', async () => {
    clinicsApi({
      [`POST ${base}/assessments`]: jsonResponse(
        {
          title: 'Validation failed',
          status: 400,
          detail: 'Request body is invalid',
          errors: [{ path: 'householdRef', message: 'letters, digits, - or _' }],
        },
        400,
        'application/problem+json',
      ),
    });
    renderClinics();
    fireEvent.change(await screen.findByTestId('household-ref'), { target: { value: 'Ali Rezaei' } });
    fireEvent.change(screen.getByTestId('severity-workshop-space'), { target: { value: '2' } });
    await act(async () => fireEvent.click(screen.getByTestId('save-assessment')));
    const alert = await screen.findByTestId('error-card');
    expect(alert.textContent).toContain('Validation failed');
    expect(alert.textContent).toContain('Request body is invalid');
    expect(alert.textContent).toContain('householdRef: letters, digits, - or _');
  });

  it('publishes the draft for the current Jalali year and shows the published version', async () => {
    const fetchMock = clinicsApi();
    renderClinics();
    fireEvent.change(await screen.findByTestId('household-ref'), { target: { value: 'HH-1' } });
    fireEvent.change(screen.getByTestId('severity-employment'), { target: { value: '3' } });
    await act(async () => fireEvent.click(screen.getByTestId('save-assessment')));

    const period = (await screen.findByTestId('period')) as HTMLInputElement;
    expect(period.value).toBe(jalaliYear());
    fireEvent.change(period, { target: { value: '14' } });
    await act(async () => fireEvent.click(screen.getByTestId('publish-priorities')));
    expect(await screen.findByText('Write the year with four digits, e.g. 1405')).toBeTruthy();
    expect(postBodies(fetchMock, `${base}/neighbourhoods/nbh-sarasiab/priority-lists`)).toEqual([]);
    fireEvent.change(period, { target: { value: jalaliYear() } });
    await act(async () => fireEvent.click(screen.getByTestId('publish-priorities')));

    expect(postBodies(fetchMock, `${base}/neighbourhoods/nbh-sarasiab/priority-lists`)).toEqual([{ period: jalaliYear() }]);
    await waitFor(() => expect(screen.getByTestId('published-meta').textContent).toContain('Version 1'));
    expect(screen.getByTestId('published-priorities').textContent).toContain('Employment');
  });

  it('lets readers see the neighbourhood without the recording and publishing forms', async () => {
    clinicsApi();
    renderClinics(['coordinator']);
    await screen.findByTestId('draft-priorities');
    expect(screen.queryByTestId('assessment-form')).toBeNull();
    expect(screen.queryByTestId('publish-priorities')).toBeNull();
  });
});

describe('tabs by role (issue 10: a role never sees a tab it cannot use)', () => {
  const tabs = () =>
    within(screen.getByRole('navigation', { name: 'Clinic sections' }))
      .getAllByRole('link')
      .map((link) => link.getAttribute('data-testid'));

  it('shows the representative only the priorities and the catalogue', async () => {
    const fetchMock = clinicsApi();
    renderClinics(['representative']);
    await screen.findByTestId('draft-priorities');
    expect(tabs()).toEqual(['clinics-nav-priorities', 'clinics-nav-catalogue']);
    expect(fetchMock.mock.calls.filter(([url]) => String(url).startsWith(`${base}/referrals`))).toEqual([]);
  });

  it('shows clinic workers, coordinators and auditors every tab', async () => {
    for (const role of ['clinic-worker', 'coordinator', 'auditor']) {
      clinicsApi({ [`GET ${base}/referrals/summary`]: [] });
      const { unmount } = renderClinics([role]);
      await screen.findByTestId('draft-priorities');
      expect(tabs(), role).toEqual([
        'clinics-nav-priorities',
        'clinics-nav-residents',
        'clinics-nav-referrals',
        'clinics-nav-catalogue',
        'clinics-nav-calendar',
      ]);
      unmount();
    }
  });

  it('tells a representative who opens the referrals or the residents by address that they are not for their work, without asking the API', async () => {
    for (const path of ['/clinics/referrals', '/clinics/residents', '/clinics/calendar']) {
      const fetchMock = clinicsApi();
      const { unmount } = renderClinics(['representative'], path);
      expect((await screen.findByTestId('not-for-your-role')).textContent, path).toContain('This part is not for your work');
      expect(screen.getByTestId('not-for-your-role-home').getAttribute('href')).toBe('/clinics');
      expect(screen.queryByTestId('error-card')).toBeNull();
      const asked = fetchMock.mock.calls.map(([url]) => String(url));
      expect(
        asked.filter((url) => /\/(referrals|households|calendar)/.test(url)),
        path,
      ).toEqual([]);
      unmount();
    }
  });
});
