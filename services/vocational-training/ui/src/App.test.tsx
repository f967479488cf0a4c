import { screen } from '@testing-library/react';
import { fakeAuth, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { expect, it } from 'vitest';
import App from './App';
import { messages } from './messages';

const api = '/api/vocational-training/v1';

it('shows the agency desk under its title, with who the user is as a section', async () => {
  const fetchMock = stubFetch({
    [`GET ${api}/me`]: { service: 'vocational-training', user: { id: 'u1', username: 'staff.user' }, roles: ['tvto-staff'], scopes: { clinicIds: [], neighbourhoodIds: [] } },
    [`GET ${api}/desk/referrals`]: [],
  });
  const render = (path: string) =>
    renderWithKit(
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/m/*" element={<App basePath="/m" />} />
        </Routes>
      </MemoryRouter>,
      { auth: fakeAuth({ roles: ['tvto-staff'] }) },
    );
  render('/m/me');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(messages.fa['vocational-training.title']);
  expect((await screen.findByTestId('whoami-username')).textContent).toBe('staff.user');
  expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Authorization')).toBe('Bearer test-token');
  expect(screen.getByTestId('desk-nav-commitments').getAttribute('href')).toBe('/m/commitments');
});

it('opens on the referrals the clinics sent the agency', async () => {
  stubFetch({ [`GET ${api}/desk/referrals`]: [] });
  renderWithKit(
    <MemoryRouter initialEntries={['/m']}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles: ['tvto-staff'] }) },
  );
  expect(await screen.findByTestId('desk-referrals-table')).toBeTruthy();
});
