import { screen, within } from '@testing-library/react';
import { fakeAuth, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { ShellRoutes } from '../App';
import { visibleModules } from '../config';
import { testModules } from '../testModules';

vi.mock('../remotes/federation', () => ({ loadComponent: vi.fn(), registerModules: vi.fn() }));

describe('the home and the header’s bell together', () => {
  it('show the same work from one request per service', async () => {
    const fetch = stubFetch({ 'GET /api/welfare/v1/work': [{ kind: 'referrals-new', count: 4, path: '?state=received' }] });
    const roles = ['welfare-officer'];
    renderWithKit(
      <MemoryRouter initialEntries={['/']}>
        <ShellRoutes modules={visibleModules(testModules, roles)} />
      </MemoryRouter>,
      { auth: fakeAuth({ roles, user: { id: 'u-shared', username: 'welfare.officer', displayName: 'Test User' } }) },
    );

    const card = await screen.findByTestId('work-welfare-referrals-new');
    expect(card.getAttribute('href')).toBe('/welfare?state=received');
    // The bell sits in the header, beside the user's name.
    const header = screen.getByTestId('app-name').closest('header')!;
    expect((await within(header).findByTestId('bell-count')).textContent).toBe('۴');
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual(['/api/welfare/v1/work']);
  });
});
