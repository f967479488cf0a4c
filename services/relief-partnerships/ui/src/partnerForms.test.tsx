import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, fieldErrorOf, jsonResponse as json, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, expect, it, vi } from 'vitest';
import App from './App';
import { messages } from './messages';

const api = '/api/relief-partnerships/v1';
const fa = messages.fa;

afterEach(() => vi.unstubAllGlobals());

const render = () =>
  renderWithKit(
    <MemoryRouter initialEntries={['/m/partners']}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles: ['relief-officer'] }), locale: 'fa' },
  );

it('an agreement without its title, days and scope, or ending before it starts, says so under each and sends nothing', async () => {
  const create = vi.fn(() => json({}));
  stubFetch({ [`GET ${api}/agreements`]: [], [`GET ${api}/joint-meetings`]: [], [`POST ${api}/agreements`]: create });
  render();
  fireEvent.click(await screen.findByTestId('agreement-create'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('agreement-title'))).toBe(fa['relief.new.required']));
  expect(fieldErrorOf(screen.getByTestId('agreement-start'))).toBe(fa['relief.new.required']);
  expect(fieldErrorOf(screen.getByTestId('agreement-end'))).toBe(fa['relief.new.required']);
  expect(fieldErrorOf(screen.getByTestId('agreement-scope'))).toBe(fa['relief.new.required']);
  fireEvent.change(screen.getByTestId('agreement-start'), { target: { value: '۱۴۰۵/۰۴/۱۰' } });
  fireEvent.change(screen.getByTestId('agreement-end'), { target: { value: '۱۴۰۵/۰۱/۱۰' } });
  fireEvent.click(screen.getByTestId('agreement-create'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('agreement-end'))).toBe(fa['relief.problem.agreement-ends-before-start']));
  expect(create).not.toHaveBeenCalled();
});

it('records the officer’s own partner’s agreement: signed when it has its signing day', async () => {
  const create = vi.fn((_body: unknown) => json({}));
  stubFetch({ [`GET ${api}/agreements`]: [], [`GET ${api}/joint-meetings`]: [], [`POST ${api}/agreements`]: create });
  render();
  fireEvent.change(await screen.findByTestId('agreement-title'), { target: { value: ' اردوهای جهادی ' } });
  fireEvent.change(screen.getByTestId('agreement-start'), { target: { value: '۱۴۰۵/۰۱/۰۱' } }); // 21 March 2026
  fireEvent.change(screen.getByTestId('agreement-end'), { target: { value: '۱۴۰۵/۱۲/۲۹' } }); // 20 March 2027
  fireEvent.change(screen.getByTestId('agreement-signed'), { target: { value: '۱۴۰۴/۱۲/۲۰' } }); // 11 March 2026
  fireEvent.change(screen.getByTestId('agreement-scope'), { target: { value: 'کارگاه‌ها' } });
  fireEvent.click(screen.getByTestId('agreement-create'));
  await waitFor(() => expect(create).toHaveBeenCalled());
  expect(create.mock.calls[0]).toEqual([
    {
      partner: 'relief-committee',
      title: 'اردوهای جهادی',
      scope: 'کارگاه‌ها',
      startsOn: '2026-03-21',
      endsOn: '2027-03-20',
      signedOn: '2026-03-11',
      status: 'signed',
    },
  ]);
});

it('a joint meeting with fewer than two attendees or without its title and decisions says so and sends nothing; then it is recorded', async () => {
  const create = vi.fn((_body: unknown) => json({}));
  stubFetch({ [`GET ${api}/agreements`]: [], [`GET ${api}/joint-meetings`]: [], [`POST ${api}/joint-meetings`]: create });
  render();
  fireEvent.click(await screen.findByTestId('joint-meeting-attendee-basij-construction'));
  fireEvent.click(screen.getByTestId('joint-meeting-create'));
  expect((await screen.findByTestId('joint-meeting-attendees-error')).textContent).toBe(fa['relief.meetings.attendeesTooFew']);
  expect(fieldErrorOf(screen.getByTestId('joint-meeting-title'))).toBe(fa['relief.new.required']);
  expect(fieldErrorOf(screen.getByTestId('joint-meeting-decisions'))).toBe(fa['relief.new.required']);
  expect(create).not.toHaveBeenCalled();
  fireEvent.click(screen.getByTestId('joint-meeting-attendee-welfare'));
  fireEvent.click(screen.getByTestId('joint-meeting-attendee-clinics'));
  fireEvent.change(screen.getByTestId('joint-meeting-date'), { target: { value: '۱۴۰۵/۰۴/۱۰' } });
  fireEvent.change(screen.getByTestId('joint-meeting-title'), { target: { value: 'جلسه فصلی' } });
  fireEvent.change(screen.getByTestId('joint-meeting-decisions'), { target: { value: ' دو کارگاه تازه ' } });
  fireEvent.click(screen.getByTestId('joint-meeting-create'));
  await waitFor(() => expect(create).toHaveBeenCalled());
  expect(create.mock.calls[0]).toEqual([
    { heldOn: '2026-07-01', title: 'جلسه فصلی', attendees: ['relief-committee', 'clinics', 'welfare'], decisions: 'دو کارگاه تازه' },
  ]);
});
