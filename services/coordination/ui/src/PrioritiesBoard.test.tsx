import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { describe, expect, it } from 'vitest';
import type { NeighbourhoodPriorities, NeighbourhoodRef } from './api';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import App from './App';
import HomeWidget from './HomeWidget';

const motahari: NeighbourhoodPriorities = {
  neighbourhoodId: 'nbh-motahari',
  neighbourhoodName: { fa: 'مطهری', en: 'Motahari' },
  clinicId: 'clinic-motahari',
  period: '1405',
  version: 2,
  publishedAt: '2026-03-21T12:00:00Z',
  receivedAt: '2026-03-21T12:00:01Z',
  priorities: [
    { rank: 1, category: 'workshop-space', score: 9, households: 3 },
    { rank: 2, category: 'skills-training', score: 6, households: 1 },
  ],
};
// The hierarchy as the API serves it: Sar Asiab's clinic has published nothing yet.
const neighbourhoods: NeighbourhoodRef[] = [
  { id: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' }, county: null, hasPriorities: false, list: null },
  {
    id: 'nbh-motahari',
    name: { fa: 'مطهری', en: 'Motahari' },
    county: null,
    hasPriorities: true,
    list: { period: '1405', version: 2, publishedAt: '2026-03-21T12:00:00Z' },
  },
];

const base = 'GET /api/coordination/v1';
const routes = {
  [`${base}/neighbourhoods`]: neighbourhoods,
  [`${base}/neighbourhood-priorities`]: [motahari],
  [`${base}/commitments`]: [],
};

const home = (options: Parameters<typeof renderWithKit>[1] = {}) =>
  renderWithKit(
    <MemoryRouter>
      <HomeWidget />
    </MemoryRouter>,
    options,
  );

describe('coordination board', () => {
  it('shows every neighbourhood of the hierarchy, one with no published list yet too, in Persian by default', async () => {
    stubFetch(routes);
    home();
    const card = await screen.findByTestId('nbh-priorities-nbh-motahari');
    expect(card.textContent).toContain('مطهری');
    expect(card.textContent).toContain('۱۴۰۵');
    const items = card.querySelectorAll('li');
    expect(items[0]?.textContent).toBe('مجوز و فضای کارگاه — ۳ خانوار');
    expect(items[1]?.textContent).toBe('آموزش مهارت و مشاغل خانگی — ۱ خانوار');
    const sarasiab = screen.getByTestId('nbh-priorities-nbh-sarasiab');
    expect(sarasiab.textContent).toContain('سرآسیاب');
    expect(screen.getByTestId('nbh-no-list-nbh-sarasiab')).toBeTruthy();
    expect(document.body.textContent).not.toContain('nbh-');
  });

  it('shows the same board on its page in English', async () => {
    stubFetch(routes);
    renderWithKit(
      <MemoryRouter initialEntries={['/coordination/priorities']}>
        <Routes>
          <Route path="/coordination/*" element={<App basePath="/coordination" />} />
        </Routes>
      </MemoryRouter>,
      { locale: 'en' },
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Programme coordination');
    const card = await screen.findByTestId('nbh-priorities-nbh-motahari');
    expect(card.textContent).toContain('1405, version 2');
    expect(screen.getByTestId('priority-nbh-motahari-workshop-space').textContent).toBe('Workshop permit and space — 3 households');
    expect(screen.getByTestId('priority-nbh-motahari-skills-training').textContent).toBe(
      'Skills and home-based-job training — 1 household',
    );
    expect(screen.getByTestId('nbh-priorities-nbh-sarasiab').textContent).toContain('Sar Asiab');
  });

  it('lists every neighbourhood when no clinic has published yet', async () => {
    stubFetch({ ...routes, [`${base}/neighbourhood-priorities`]: [] });
    home({ locale: 'en' });
    await screen.findByTestId('nbh-no-list-nbh-motahari');
    expect(screen.getByTestId('nbh-no-list-nbh-sarasiab')).toBeTruthy();
  });

  it('shows the API problem with a retry', async () => {
    stubFetch({
      ...routes,
      [`${base}/neighbourhood-priorities`]: jsonResponse(
        { title: 'Unavailable', status: 503, detail: 'store down' },
        503,
        'application/problem+json',
      ),
    });
    home({ locale: 'en' });
    const alert = await screen.findByTestId('error-card');
    expect(alert.textContent).toContain('Try again');
  });

  it('gives the representative a link to the page made for them, and only their neighbourhood', async () => {
    stubFetch({ ...routes, [`${base}/neighbourhoods`]: [neighbourhoods[0]], [`${base}/neighbourhood-priorities`]: [] });
    home({ locale: 'en', auth: fakeAuth({ roles: ['representative'] }) });
    expect((await screen.findByTestId('rep-home-link')).querySelector('a')?.getAttribute('href')).toBe('/coordination/promises');
    await screen.findByTestId('nbh-no-list-nbh-sarasiab');
    expect(screen.queryByTestId('nbh-priorities-nbh-motahari')).toBeNull();
  });
});

describe('the priorities page', () => {
  it('asks the API for the neighbourhoods whose name has the searched text', async () => {
    const fetchMock = stubFetch(routes);
    renderWithKit(
      <MemoryRouter initialEntries={['/coordination/priorities']}>
        <Routes>
          <Route path="/coordination/*" element={<App basePath="/coordination" />} />
        </Routes>
      </MemoryRouter>,
      { locale: 'en' },
    );
    fireEvent.change(await screen.findByTestId('priorities-controls-search'), { target: { value: 'سرآ' } });
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => new URL(String(url), 'http://x').searchParams.get('q') === 'سرآ')).toBe(true),
    );
    expect((screen.getByTestId('priorities-controls-search') as HTMLInputElement).value).toBe('سرآ');
  });
});
