// Test helpers for the partner modules that render the desk (not part of the runtime bundle).
import { screen } from '@testing-library/react';
import { fakeAuth, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { expect, it } from 'vitest';

export interface DeskModuleSpec {
  App: (props: { basePath: string }) => ReactElement;
  /** The agency's service, e.g. `welfare` (its API is `/api/<service>/v1`). */
  service: string;
  /** The agency's staff roles. */
  roles: string[];
  /** The module's title, as its heading shows it in Persian. */
  title: string;
}

/** What every partner module's first screens must do: the desk under the agency's title, opening on the referrals. */
export function itIsADeskModule({ App, service, roles, title }: DeskModuleSpec): void {
  const api = `/api/${service}/v1`;
  const renderAt = (path: string) =>
    renderWithKit(
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/m/*" element={<App basePath="/m" />} />
        </Routes>
      </MemoryRouter>,
      { auth: fakeAuth({ roles }) },
    );

  it('shows the agency desk under its title, with who the user is as a section', async () => {
    const fetchMock = stubFetch({
      [`GET ${api}/me`]: { service, user: { id: 'u1', username: 'staff.user' }, roles, scopes: { clinicIds: [], neighbourhoodIds: [] } },
      [`GET ${api}/desk/referrals`]: [],
    });
    renderAt('/m/me');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title);
    expect((await screen.findByTestId('whoami-username')).textContent).toBe('staff.user');
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Authorization')).toBe('Bearer test-token');
    expect(screen.getByTestId('desk-nav-commitments').getAttribute('href')).toBe('/m/commitments');
  });

  it('opens on the referrals the clinics sent the agency', async () => {
    stubFetch({ [`GET ${api}/desk/referrals`]: [] });
    renderAt('/m');
    expect(await screen.findByTestId('desk-referrals-table')).toBeTruthy();
  });
}
