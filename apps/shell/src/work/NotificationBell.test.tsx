import { fireEvent, screen } from '@testing-library/react';
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
    stubFetch(welfareWork(2, 1));
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
    expect(screen.queryByTestId('bell-count')).toBeNull();
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

  it('after marks, counts only what rose since, and marks each user’s own', async () => {
    localStorage.setItem(
      'hamgam.work.seen.u-welfare',
      JSON.stringify({ at: '2026-03-20T08:00:00Z', counts: { 'welfare:referrals-new': 2, 'welfare:referrals-overdue': 1 } }),
    );
    stubFetch(welfareWork(5, 1));
    const view = renderBell();
    expect((await screen.findByTestId('bell-count')).textContent).toBe('۳');
    fireEvent.click(screen.getByTestId('bell'));
    expect(screen.getByTestId('bell-new-welfare-referrals-new').textContent).toBe('۳ تازه');
    expect(screen.queryByTestId('bell-new-welfare-referrals-overdue')).toBeNull();
    view.unmount();

    // Another user on the same browser has marks of their own (none yet): all of it is new to them.
    renderBell('u-other', 'en');
    expect((await screen.findByTestId('bell-count')).textContent).toBe('6');
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
