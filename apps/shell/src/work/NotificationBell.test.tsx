import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { visibleModules } from '../config';
import { testModules } from '../testModules';
import { NotificationBell } from './NotificationBell';

const welfareWork = (fresh: number, overdue: number) => ({
  'GET /api/welfare/v1/work': [
    { kind: 'referrals-new', count: fresh, path: '?state=received' },
    { kind: 'referrals-overdue', count: overdue, path: '?overdue=true' },
    { kind: 'cases-open', count: 0, path: 'cases' },
  ],
});

function renderBell(userId = 'u-welfare', locale: 'fa' | 'en' = 'fa') {
  const roles = ['welfare-officer'];
  const auth = fakeAuth({ roles, user: { id: userId, username: 'welfare.officer', displayName: 'Test User' } });
  return renderWithKit(
    <MemoryRouter>
      <NotificationBell modules={visibleModules(testModules, roles)} />
    </MemoryRouter>,
    { auth, locale },
  );
}

beforeEach(() => localStorage.clear());

describe('the notification bell', () => {
  it('counts what waits, lists it with links when opened, and clears the count once marked seen', async () => {
    const fetch = stubFetch(welfareWork(2, 1));
    renderBell();

    expect((await screen.findByTestId('bell-count')).textContent).toBe('۳');
    expect(screen.getByTestId('bell').getAttribute('aria-label')).toBe('اعلان‌ها: ۳ مورد تازه');
    fireEvent.click(screen.getByTestId('bell'));
    const fresh = screen.getByTestId('bell-item-welfare-referrals-new');
    expect(fresh.getAttribute('href')).toBe('/welfare?state=received');
    expect(screen.getByTestId('bell-new-welfare-referrals-new').textContent).toBe('۲ تازه');
    expect(screen.getByTestId('bell-item-welfare-referrals-overdue').getAttribute('href')).toBe('/welfare?overdue=true');
    expect(screen.queryByTestId('bell-item-welfare-cases-open')).toBeNull();

    fireEvent.click(screen.getByTestId('bell-mark-seen'));
    await waitFor(() => expect(screen.queryByTestId('bell-count')).toBeNull());
    // From now on the services are asked what is new since the marks.
    const marked = JSON.parse(localStorage.getItem('hamgam.work.seen.u-welfare')!);
    await waitFor(() =>
      expect(fetch.mock.calls.map(([url]) => String(url))).toContain(`/api/welfare/v1/work?since=${encodeURIComponent(marked.at)}`),
    );
    expect(screen.queryByTestId('bell-new-welfare-referrals-new')).toBeNull();
    // The items stay listed (they still wait), only no longer new; when they were seen is said as a Jalali date.
    expect(screen.getByTestId('bell-item-welfare-referrals-new')).toBeTruthy();
    expect(screen.getByTestId('bell-seen-at').textContent).toMatch(/^آخرین بار دیده‌شده: .*۱۴[۰-۹]{2}/);
    expect(JSON.parse(localStorage.getItem('hamgam.work.seen.u-welfare')!).counts).toEqual({
      'welfare:referrals-new': 2,
      'welfare:referrals-overdue': 1,
      'welfare:cases-open': 0,
    });
  });

  it('after marks, asks the services what is new since them, and each user has marks of their own', async () => {
    const at = '2026-03-20T08:00:00.000Z';
    localStorage.setItem(
      'hamgam.work.seen.u-welfare',
      JSON.stringify({ at, counts: { 'welfare:referrals-new': 2, 'welfare:referrals-overdue': 1, 'welfare:cases-open': 1 } }),
    );
    const fetch = stubFetch({
      'GET /api/welfare/v1/work': [
        // Two were answered and one came in since: the count fell, yet one is new.
        { kind: 'referrals-new', count: 1, fresh: 1, path: '?state=received' },
        { kind: 'referrals-overdue', count: 1, fresh: 0, path: '?overdue=true' },
        // A kind the service cannot date: what is new is the rise in its count.
        { kind: 'cases-open', count: 3, path: 'cases' },
      ],
    });
    const view = renderBell();
    expect((await screen.findByTestId('bell-count')).textContent).toBe('۳');
    expect(String(fetch.mock.calls[0]![0])).toBe(`/api/welfare/v1/work?since=${encodeURIComponent(at)}`);
    fireEvent.click(screen.getByTestId('bell'));
    expect(screen.getByTestId('bell-new-welfare-referrals-new').textContent).toBe('۱ تازه');
    expect(screen.queryByTestId('bell-new-welfare-referrals-overdue')).toBeNull();
    expect(screen.getByTestId('bell-new-welfare-cases-open').textContent).toBe('۲ تازه');
    view.unmount();

    // Another user on the same browser has no marks yet: all of it is new to them, and no `since` is asked.
    fetch.mockClear();
    renderBell('u-other', 'en');
    expect((await screen.findByTestId('bell-count')).textContent).toBe('5');
    expect(String(fetch.mock.calls[0]![0])).toBe('/api/welfare/v1/work');
  });

  it('shows no count and says nothing waits when nothing does', async () => {
    stubFetch(welfareWork(0, 0));
    renderBell();
    fireEvent.click(await screen.findByTestId('bell'));
    expect(await screen.findByTestId('bell-empty')).toBeTruthy();
    expect(screen.queryByTestId('bell-count')).toBeNull();
    expect((screen.getByTestId('bell-mark-seen') as HTMLButtonElement).disabled).toBe(true);
  });
});
