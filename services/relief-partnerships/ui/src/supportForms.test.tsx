import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, jsonResponse as json, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, expect, it, vi } from 'vitest';
import type { SupportRequest, SupportRequestPage } from './api';
import App from './App';
import { messages } from './messages';

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
const errorOf = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;

const request: SupportRequest = {
  requestId: '11111111-1111-4111-8111-111111111111',
  requestNumber: 'RL-K7QM-3XWA',
  trackingCode: null,
  referralId: null,
  unverified: false,
  residentRef: '22222222-2222-4222-8222-222222222222',
  householdRef: '33333333-3333-4333-8333-333333333333',
  neighbourhoodId: 'nbh-sarasiab',
  kind: 'micro-loan',
  purpose: 'income-support',
  requestedRials: 300_000_000,
  businessPlan: 'خیاطی خانگی',
  meansTest: 'not-done',
  state: 'eligible',
  status: 'eligible',
  assessment: {
    eligible: true,
    reasons: ['certificate', 'welfare-flag', 'means-test-not-done'],
    validFlags: ['low-income'],
    at: '2026-06-01T08:00:00Z',
  },
  decision: null,
  disbursement: null,
  schedule: null,
  arrears: null,
  repayments: [],
  followUps: [],
  duplicateBenefits: 1,
  submittedAt: '2026-06-01T08:00:00Z',
};
const page: SupportRequestPage = {
  ...request,
  facts: {
    certificates: [{ enrolmentId: 'e1', trade: 'tailoring', certificateNo: 'TVTO-1405-77', completedAt: '2026-05-01T08:00:00Z' }],
    flags: [{ flagId: 'f1', flag: 'low-income', validUntil: '2026-12-01', revokedAt: null, status: 'valid' }],
  },
  eligibleToday: { eligible: true, reasons: ['certificate', 'welfare-flag', 'means-test-not-done'], validFlags: ['low-income'] },
  priorBenefits: [
    {
      benefitId: 'b1',
      source: 'institute-funding',
      householdRef: request.householdRef,
      purpose: 'income-support',
      amountRials: 80_000_000,
      grantedAt: '2026-03-01T08:00:00Z',
      requestId: null,
      requestNumber: null,
    },
  ],
};
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
  await waitFor(() => expect(errorOf(screen.getByTestId('support-amount'))).toBe(fa['relief.new.required']));
  expect(errorOf(screen.getByTestId('support-plan'))).toBe(fa['relief.new.required']);
  expect(errorOf(screen.getByTestId('support-person-input'))).toBe(fa['relief.new.required']);
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
  await waitFor(() => expect(errorOf(screen.getByTestId('support-approve-amount'))).toBe(fa['relief.new.required']));
  expect(errorOf(screen.getByTestId('support-approve-months'))).toBe(fa['relief.new.required']);
  fireEvent.click(screen.getByTestId('support-reject'));
  await waitFor(() => expect(errorOf(screen.getByTestId('support-reject-reason'))).toBe(fa['relief.new.required']));
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
  await waitFor(() => expect(errorOf(screen.getByTestId('support-repay-amount'))).toBe(fa['relief.new.required']));
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
  await waitFor(() => expect(errorOf(screen.getByTestId('support-follow-up-date'))).toBe(fa['relief.new.required']));
  expect(followUp).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('support-follow-up-date'), { target: { value: '۱۴۰۴/۱۱/۲۲' } });
  fireEvent.click(screen.getByTestId('support-follow-up-operating'));
  fireEvent.change(screen.getByTestId('support-follow-up-note'), { target: { value: ' تعطیل بود ' } });
  fireEvent.click(screen.getByTestId('support-follow-up'));
  await waitFor(() => expect(followUp).toHaveBeenCalled());
  expect(followUp.mock.calls[0]).toEqual([{ visitedOn: '2026-02-11', operating: false, note: 'تعطیل بود' }]);
});
