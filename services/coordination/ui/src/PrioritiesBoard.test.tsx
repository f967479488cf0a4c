import { screen } from '@testing-library/react';
import { jsonResponse, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { describe, expect, it } from 'vitest';
import type { NeighbourhoodPriorities } from './api';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import App from './App';
import HomeWidget from './HomeWidget';

const sarasiab: NeighbourhoodPriorities = {
  neighbourhoodId: 'nbh-sarasiab',
  neighbourhoodName: { fa: 'سرآسیاب', en: 'Sar Asiab' },
  period: '1405',
  version: 2,
  publishedAt: '2026-03-21T12:00:00Z',
  receivedAt: '2026-03-21T12:00:01Z',
  priorities: [
    { rank: 1, category: 'workshop-space', score: 9, households: 3 },
    { rank: 2, category: 'skills-training', score: 6, households: 1 },
  ],
};

const route = 'GET /api/coordination/v1/neighbourhood-priorities';
const overdueRoute = 'GET /api/coordination/v1/commitments';

describe('coordination board', () => {
  it('shows one card per neighbourhood with ranked categories, in Persian by default', async () => {
    stubFetch({ [route]: [sarasiab], [overdueRoute]: [] });
    renderWithKit(<HomeWidget />);
    const card = await screen.findByTestId('nbh-priorities-nbh-sarasiab');
    expect(card.textContent).toContain('سرآسیاب');
    expect(card.textContent).toContain('۱۴۰۵');
    const items = card.querySelectorAll('li');
    expect(items[0]?.textContent).toBe('مجوز و فضای کارگاه — ۳ خانوار');
    expect(items[1]?.textContent).toBe('آموزش مهارت و مشاغل خانگی — ۱ خانوار');
  });

  it('shows the same board on its page in English', async () => {
    stubFetch({ [route]: [sarasiab] });
    renderWithKit(
      <MemoryRouter initialEntries={['/coordination/priorities']}>
        <Routes>
          <Route path="/coordination/*" element={<App basePath="/coordination" />} />
        </Routes>
      </MemoryRouter>,
      { locale: 'en' },
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Programme coordination');
    const card = await screen.findByTestId('nbh-priorities-nbh-sarasiab');
    expect(card.textContent).toContain('1405, version 2');
    expect(screen.getByTestId('priority-nbh-sarasiab-workshop-space').textContent).toBe('Workshop permit and space — 3 households');
    expect(screen.getByTestId('priority-nbh-sarasiab-skills-training').textContent).toBe(
      'Skills and home-based-job training — 1 household',
    );
  });

  it('says so when nothing is published yet', async () => {
    stubFetch({ [route]: [] });
    renderWithKit(<HomeWidget />, { locale: 'en' });
    expect((await screen.findByTestId('priorities-board')).textContent).toBe('No clinic has published a priority list yet.');
  });

  it('shows the API problem with a retry', async () => {
    stubFetch({
      [route]: jsonResponse({ title: 'Forbidden', status: 403, detail: 'needs role coordinator' }, 403, 'application/problem+json'),
    });
    renderWithKit(<HomeWidget />, { locale: 'en' });
    const alert = await screen.findByTestId('error-card');
    expect(alert.textContent).toContain('Forbidden');
    expect(alert.textContent).toContain('Try again');
  });
});
