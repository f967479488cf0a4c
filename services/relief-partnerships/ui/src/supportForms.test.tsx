import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, fieldErrorOf, jsonResponse as json, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, expect, it, vi } from 'vitest';
import type { SupportRequestPage } from './api';
import App from './App';
import { messages } from './messages';
import { page, request } from './testFixtures';

const api = '/api/relief-partnerships/v1';
const fa = messages.fa;

afterEach(() => vi.unstubAllGlobals());

const render = (path: string) =>
  renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles: ['relief-officer'] }), locale: 'fa' },
  );

it('a new request without its person, amount and plan says which are missing under each and sends nothing', async () => {
  const submit = vi.fn(() => json(page));
  stubFetch({
    [`GET ${api}/support-requests`]: [],
    [`GET ${api}/benefit-flags`]: [],
    [`GET ${api}/support-referrals`]: [],
    [`GET ${api}/support-candidates`]: [],
    [`POST ${api}/support-requests`]: submit,
  });
  render('/m/support');
  fireEvent.click(await screen.findByTestId('support-submit'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('support-amount'))).toBe(fa['relief.new.required']));
  expect(fieldErrorOf(screen.getByTestId('support-plan'))).toBe(fa['relief.new.required']);
  expect(fieldErrorOf(screen.getByTestId('support-person-input'))).toBe(fa['relief.new.required']);
  expect(submit).not.toHaveBeenCalled();
});

it('an approval without its amount or a rejection without its reason says so and sends nothing; a reason is sent trimmed', async () => {
  const approve = vi.fn(() => json(page));
  const reject = vi.fn((_body: unknown) => json({ ...page, state: 'rejected', status: 'rejected' }));
  stubFetch({
    [`GET ${api}/support-requests/${request.requestId}`]: page,
    [`POST ${api}/support-requests/${request.requestId}/approve`]: approve,
    [`POST ${api}/support-requests/${request.requestId}/reject`]: reject,
  });
  render(`/m/support/${request.requestId}`);
  fireEvent.change(await screen.findByTestId('support-approve-amount'), { target: { value: '' } });
  fireEvent.change(screen.getByTestId('support-approve-months'), { target: { value: '' } });
  fireEvent.click(screen.getByTestId('support-approve'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('support-approve-amount'))).toBe(fa['relief.new.required']));
  expect(fieldErrorOf(screen.getByTestId('support-approve-months'))).toBe(fa['relief.new.required']);
  fireEvent.click(screen.getByTestId('support-reject'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('support-reject-reason'))).toBe(fa['relief.new.required']));
  expect(approve).not.toHaveBeenCalled();
  expect(reject).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('support-reject-reason'), { target: { value: ' طرح ناقص ' } });
  fireEvent.click(screen.getByTestId('support-reject'));
  await waitFor(() => expect(reject).toHaveBeenCalled());
  expect(reject.mock.calls[0]).toEqual([{ reason: 'طرح ناقص' }]);
});

const repaying: SupportRequestPage = {
  ...page,
  state: 'repaying',
  status: 'repaying',
  priorBenefits: [],
  decision: {
    decision: 'approved',
    amountRials: 1200,
    reason: null,
    terms: { months: 2, graceMonths: 0, feePercent: 0 },
    decidedAt: '2026-01-01T08:00:00Z',
  },
  disbursement: { amountRials: 1200, disbursedAt: '2026-01-10T08:00:00Z', disbursedOn: '2026-01-10', benefitId: 'b9' },
  schedule: {
    principalRials: 1200,
    feeRials: 0,
    totalRials: 1200,
    instalments: [{ no: 1, dueOn: '2026-02-10', principalRials: 1200, feeRials: 0, amountRials: 1200 }],
  },
  arrears: { paidRials: 0, outstandingRials: 1200, arrearsRials: 0, overdueInstalments: 0, oldestOverdueOn: null, nextDue: null },
};

it('a repayment without its amount says so under it and sends nothing', async () => {
  const repay = vi.fn(() => json(repaying));
  stubFetch({
    [`GET ${api}/support-requests/${request.requestId}`]: repaying,
    [`POST ${api}/support-requests/${request.requestId}/repayments`]: repay,
  });
  render(`/m/support/${request.requestId}`);
  fireEvent.click(await screen.findByTestId('support-repay'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('support-repay-amount'))).toBe(fa['relief.new.required']));
  expect(repay).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('support-repay-amount'), { target: { value: '۶۰۰' } });
  fireEvent.change(screen.getByTestId('support-repay-date'), { target: { value: '۱۴۰۴/۱۱/۲۲' } }); // 11 Feb 2026
  fireEvent.click(screen.getByTestId('support-repay'));
  await waitFor(() => expect(repay).toHaveBeenCalled());
  expect(repay.mock.calls[0]).toEqual([{ amountRials: 600, paidOn: '2026-02-11' }]);
});

it('a follow-up visit without its day says so and sends nothing; with it, the day, whether the business operates and the note are sent', async () => {
  const followUp = vi.fn((_body: unknown) => json(repaying));
  stubFetch({
    [`GET ${api}/support-requests/${request.requestId}`]: repaying,
    [`POST ${api}/support-requests/${request.requestId}/follow-ups`]: followUp,
  });
  render(`/m/support/${request.requestId}`);
  fireEvent.change(await screen.findByTestId('support-follow-up-date'), { target: { value: '' } });
  fireEvent.click(screen.getByTestId('support-follow-up'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('support-follow-up-date'))).toBe(fa['relief.new.required']));
  expect(followUp).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('support-follow-up-date'), { target: { value: '۱۴۰۴/۱۱/۲۲' } });
  fireEvent.click(screen.getByTestId('support-follow-up-operating'));
  fireEvent.change(screen.getByTestId('support-follow-up-note'), { target: { value: ' تعطیل بود ' } });
  fireEvent.click(screen.getByTestId('support-follow-up'));
  await waitFor(() => expect(followUp).toHaveBeenCalled());
  expect(followUp.mock.calls[0]).toEqual([{ visitedOn: '2026-02-11', operating: false, note: 'تعطیل بود' }]);
});
