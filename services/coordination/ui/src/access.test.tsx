import { screen, waitFor } from '@testing-library/react';
import { fakeAuth, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Commitment, MeetingSummary, NeighbourhoodRef } from './api';
import App from './App';

// A role sees only the tabs and controls the API lets it use (issue 10: "Forbidden" cards on the representative's
// page and on TVTO's working-group tab; a read-only representative who could change things).
const base = '/api/coordination/v1';
const sarasiab: NeighbourhoodRef = {
  id: 'nbh-sarasiab',
  name: { fa: 'سرآسیاب', en: 'Sar Asiab' },
  county: null,
  hasPriorities: false,
  list: null,
};
const id = '00000000-0000-4000-8000-00000000000a';
const meetingId = '00000000-0000-4000-8000-0000000000aa';
const promised: Commitment = {
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
  overdue: true,
  evidence: null,
  plannedAt: '2026-03-01T08:00:00Z',
  deliveredOn: null,
  meetingId,
  resolutionId: null,
  history: [],
};
const held: MeetingSummary = {
  id: meetingId,
  neighbourhoodId: 'nbh-sarasiab',
  scheduledOn: '2026-03-01',
  title: 'Sar Asiab working group',
  agencies: ['clinics'],
  representativeAttends: true,
  status: 'held',
  heldAt: '2026-03-01T12:00:00Z',
  createdAt: '2026-02-20T08:00:00Z',
  resolutionCount: 2,
  actionItemCount: 3,
};

function renderAs(roles: string[], path = '/coordination') {
  const fetchMock = stubFetch({
    [`GET ${base}/neighbourhoods`]: [sarasiab],
    [`GET ${base}/neighbourhood-priorities`]: [],
    [`GET ${base}/commitments`]: [promised],
    [`GET ${base}/meetings`]: [held],
    [`GET ${base}/neighbourhoods/nbh-sarasiab/board`]: {
      neighbourhoodId: 'nbh-sarasiab',
      neighbourhoodName: sarasiab.name,
      period: null,
      listVersion: null,
      today: '2026-05-01',
      rows: [],
      uncovered: [],
      duplicated: [],
      unlinked: [],
      overdue: [],
      rates: [],
    },
  });
  renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/coordination/*" element={<App basePath="/coordination" />} />
      </Routes>
    </MemoryRouter>,
    { locale: 'en', auth: fakeAuth({ roles }) },
  );
  return fetchMock;
}

const tabs = () => [...document.querySelectorAll('[data-testid^="coordination-nav-"]')].map((a) => a.getAttribute('data-testid'));
const asked = (fetchMock: ReturnType<typeof stubFetch>, path: string) =>
  fetchMock.mock.calls.some(([url]) => new URL(String(url), 'http://x').pathname === `${base}${path}`);

afterEach(() => vi.restoreAllMocks());

describe('tabs by role', () => {
  it('shows agencies’ staff the board and the commitments, never the meetings or priority lists they may not read', async () => {
    const fetchMock = renderAs(['tvto-staff'], '/coordination/meetings');
    await waitFor(() => expect(tabs()).toEqual(['coordination-nav-board', 'coordination-nav-commitments']));
    // The meetings address leads back to the board instead of a "Forbidden" card.
    await screen.findByTestId('board-no-list');
    expect(asked(fetchMock, '/meetings')).toBe(false);
    expect(screen.queryByTestId('error-card')).toBeNull();
  });

  it('shows coordinators every tab', async () => {
    renderAs(['coordinator'], '/coordination/commitments');
    await waitFor(() =>
      expect(tabs()).toEqual([
        'coordination-nav-board',
        'coordination-nav-meetings',
        'coordination-nav-commitments',
        'coordination-nav-priorities',
      ]),
    );
  });
});

describe('the representative’s page', () => {
  it('opens on what was promised to their neighbourhood: who, what, due when, status, overdue — and nothing to change', async () => {
    const fetchMock = renderAs(['representative']);
    await waitFor(() => expect(tabs()).toEqual(['coordination-nav-promises', 'coordination-nav-board', 'coordination-nav-meetings']));
    const row = await screen.findByTestId(`commitment-row-${id}`);
    expect(row.dataset['overdue']).toBe('true');
    expect(row.textContent).toContain('Technical & Vocational Training');
    expect(row.textContent).toContain('Workshop permits');
    expect(screen.getByTestId(`commitment-overdue-${id}`).textContent).toBe('Overdue');
    expect(screen.getByTestId('overdue-count').dataset['count']).toBe('1');
    expect(screen.queryByTestId(`commitment-edit-${id}`)).toBeNull();
    // What the working group decided, one link per held meeting.
    expect((await screen.findByTestId(`outcome-${meetingId}`)).textContent).toContain('Sar Asiab working group');
    // Their neighbourhood, by name, before its first list.
    await screen.findByTestId('nbh-no-list-nbh-sarasiab');
    expect(document.body.textContent).not.toContain('nbh-sarasiab');
    const ofTheirs = fetchMock.mock.calls
      .map(([url]) => new URL(String(url), 'http://x'))
      .filter((u) => u.pathname === `${base}/commitments`);
    expect(ofTheirs.every((u) => u.searchParams.get('neighbourhoodId') === 'nbh-sarasiab')).toBe(true);
    expect(screen.queryByTestId('error-card')).toBeNull();
  });

  it('reads the meetings without the scheduling form', async () => {
    renderAs(['representative'], '/coordination/meetings');
    await screen.findByTestId(`meeting-row-${meetingId}`);
    expect(screen.queryByTestId('meeting-form')).toBeNull();
  });
});
