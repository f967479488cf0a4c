import { screen, within } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { visibleModules } from '../config';
import { Home } from '../pages/Home';
import { loadComponent } from '../remotes/federation';
import { testModules } from '../testModules';

vi.mock('../remotes/federation', () => ({ loadComponent: vi.fn(), registerModules: vi.fn() }));
vi.mocked(loadComponent).mockImplementation(async () => ({ default: () => <p data-testid="home-widget">board</p> }) as never);

function renderHome(roles: string[], locale: 'fa' | 'en' = 'fa') {
  const auth = fakeAuth({ roles, user: { id: `u-${roles[0]}`, username: roles[0]!, displayName: 'Test User' } });
  return renderWithKit(
    <MemoryRouter>
      <Home modules={visibleModules(testModules, roles)} />
    </MemoryRouter>,
    { auth, locale },
  );
}

const unavailable = () => jsonResponse({ title: 'Service Unavailable', status: 503 }, 503, 'application/problem+json');

describe('the home’s work', () => {
  it('shows a clinic worker’s counts as cards in Persian digits, each a link into the module page, leaving out what counts nothing', async () => {
    const fetch = stubFetch({
      'GET /api/clinics/v1/work': [
        { kind: 'bookings-today', count: 12, path: 'calendar' },
        { kind: 'referrals-overdue', count: 3, path: 'referrals?overdue=true' },
        { kind: 'referrals-declined', count: 0, path: 'referrals?state=declined' },
      ],
    });
    renderHome(['clinic-worker']);

    const bookings = await screen.findByTestId('work-clinics-bookings-today');
    expect(bookings.getAttribute('href')).toBe('/clinics/calendar');
    expect(bookings.textContent).toBe('۱۲نوبت امروزکلینیک‌های مددکاری');
    expect(screen.getByTestId('work-clinics-referrals-overdue').getAttribute('href')).toBe('/clinics/referrals?overdue=true');
    expect(screen.queryByTestId('work-clinics-referrals-declined')).toBeNull();
    expect(screen.queryByTestId('work-nothing')).toBeNull();
    // Only the services the worker's roles reach are asked.
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual(['/api/clinics/v1/work']);
  });

  it('says plainly when nothing waits, in the user’s language', async () => {
    stubFetch({ 'GET /api/clinics/v1/work': [{ kind: 'bookings-today', count: 0, path: 'calendar' }] });
    renderHome(['clinic-worker'], 'en');
    expect((await screen.findByTestId('work-nothing')).textContent).toBe('Nothing is waiting for you; you are all caught up.');
  });

  it('reads every service a coordinator reaches; one that fails says so and the others still show', async () => {
    stubFetch({
      // A clinics service without the route yet (404: stubFetch's answer to a route it does not know) lists nothing, silently.
      'GET /api/welfare/v1/work': unavailable(),
      'GET /api/coordination/v1/work': [
        { kind: 'commitments-overdue', count: 1000, path: 'commitments?overdue=true' },
        { kind: 'something-new', count: 2, path: 'meetings' },
      ],
    });
    renderHome(['coordinator']);

    const overdue = await screen.findByTestId('work-coordination-commitments-overdue');
    expect(overdue.getAttribute('href')).toBe('/coordination/commitments?overdue=true');
    // At the services' cap the count reads "at least".
    expect(overdue.textContent).toContain('۱٬۰۰۰+');
    // A kind the shell has no words for yet never shows its key.
    expect(screen.getByTestId('work-coordination-something-new').textContent).toBe('۲موارد دیگرهماهنگی و پایش');
    expect(screen.getByTestId('work-failed-welfare').textContent).toContain('کارهای «بهزیستی» خوانده نشد.');
    expect(screen.queryByTestId('work-failed-clinics')).toBeNull();
    expect(screen.queryByTestId('work-nothing')).toBeNull();
    // The coordinator's board still follows.
    expect(await screen.findByTestId('home-widget')).toBeTruthy();
    expect(within(screen.getByTestId('work')).queryByText(/something-new|commitments-overdue/)).toBeNull();
  });
});
