import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, jsonResponse as json, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, expect, it, vi } from 'vitest';
import type { Agreement, Permit, Project, SupportRequestPage } from './api';
import App from './App';
import { messages } from './messages';
import { page, request } from './testFixtures';

const api = '/api/relief-partnerships/v1';
const fa = messages.fa;

afterEach(() => vi.unstubAllGlobals());

const render = (path: string, roles: string[], locale: 'fa' | 'en' = 'fa') =>
  renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles }), locale },
  );

const reference = {
  [`GET ${api}/desk/places`]: {
    neighbourhoods: [
      { neighbourhoodId: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } },
      { neighbourhoodId: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' } },
    ],
    clinics: [],
  },
  [`GET ${api}/desk/trades`]: [{ tradeId: 'tailoring', name: { fa: 'خیاطی', en: 'Tailoring' } }],
};
const uuidOrSlug = /[0-9a-f]{8}-[0-9a-f]{4}|nbh-|clinic-|relief-partnerships-|tailoring/;

it('lists support requests with their status, the duplicate-benefit warning and the households funded twice', async () => {
  stubFetch({
    ...reference,
    [`GET ${api}/support-requests`]: [{ ...request, status: 'in-arrears', unverified: true }],
    [`GET ${api}/benefit-flags`]: [{ householdRef: request.householdRef, purpose: 'income-support', benefits: page.priorBenefits }],
    [`GET ${api}/support-referrals`]: [],
  });
  render('/m/support', ['relief-officer']);
  expect((await screen.findByTestId(`support-status-${request.requestId}`)).textContent).toBe(fa['relief.status.in-arrears']);
  expect(screen.getByTestId(`support-duplicate-${request.requestId}`)).toBeTruthy();
  expect(screen.getByTestId(`support-unverified-${request.requestId}`).textContent).toBe(fa['relief.unverified']);
  expect(screen.getByTestId(`benefit-flag-${request.householdRef}`).textContent).toContain('۸۰٬۰۰۰٬۰۰۰');
  expect(screen.getByTestId(`support-row-${request.requestId}`).textContent).toContain('۳۰۰٬۰۰۰٬۰۰۰');
  // Each request by its number and its place by name; no resident, household or request id, no slug.
  expect(screen.getByTestId(`support-number-${request.requestId}`).textContent).toBe('RL-K7QM-3XWA');
  await waitFor(() => expect(screen.getByTestId(`support-row-${request.requestId}`).textContent).toContain('سرآسیاب'));
  expect(screen.getByTestId('support-table').textContent).not.toMatch(uuidOrSlug);
  expect(screen.getByTestId('benefit-flags').textContent).not.toMatch(uuidOrSlug);
  expect(screen.getByTestId('support-form')).toBeTruthy();
  expect(screen.getByTestId('relief-nav-support').getAttribute('href')).toBe('/m/support');
});

it('hides the new-request form from Basij’s liaison, who only reads support', async () => {
  stubFetch({ [`GET ${api}/support-requests`]: [request], [`GET ${api}/benefit-flags`]: [] });
  render('/m/support', ['basij-liaison']);
  await screen.findByTestId('support-table');
  expect(screen.queryByTestId('support-form')).toBeNull();
});

it('shows a request’s facts and duplicate warning, and approves a loan with its terms', async () => {
  const approve = vi.fn((body: unknown) =>
    json({
      ...page,
      state: 'approved',
      status: 'approved',
      decision: {
        decision: 'approved',
        amountRials: (body as { amountRials: number }).amountRials,
        reason: null,
        terms: (body as { terms: object }).terms,
        decidedAt: '2026-06-02T08:00:00Z',
      },
    }),
  );
  stubFetch({
    ...reference,
    [`GET ${api}/support-requests/${request.requestId}`]: page,
    [`POST ${api}/support-requests/${request.requestId}/approve`]: approve,
  });
  render(`/m/support/${request.requestId}`, ['relief-officer']);
  expect((await screen.findByTestId('support-eligible-today')).textContent).toBe(fa['relief.page.eligibleToday']);
  expect(screen.getByTestId('support-reasons').textContent).toContain(fa['relief.reason.welfare-flag']);
  expect(screen.getByTestId('support-certificate').textContent).toContain('TVTO-1405-77');
  // The page names the request by its number and the trade by name; no resident or household id, no slug.
  expect(screen.getByTestId('support-page-number').textContent).toBe('RL-K7QM-3XWA');
  await waitFor(() => expect(screen.getByTestId('support-certificate').textContent).toContain('خیاطی'));
  expect(document.body.textContent).not.toMatch(uuidOrSlug);
  expect(screen.getByTestId('support-flag-valid')).toBeTruthy();
  expect(screen.getByTestId('support-duplicate-warning').textContent).toContain(fa['relief.source.institute-funding']);
  fireEvent.change(screen.getByTestId('support-approve-amount'), { target: { value: '۲۵۰۰۰۰۰۰۰' } });
  fireEvent.change(screen.getByTestId('support-approve-months'), { target: { value: '24' } });
  fireEvent.click(screen.getByTestId('support-approve'));
  await waitFor(() => expect(approve).toHaveBeenCalled());
  expect(approve.mock.calls[0]![0]).toEqual({ amountRials: 250_000_000, terms: { months: 24, graceMonths: 3, feePercent: 4 } });
  expect((await screen.findByTestId('support-page-status')).textContent).toBe(fa['relief.status.approved']);
  expect(screen.queryByTestId('support-decide')).toBeNull();
});

it('keeps approval of a request for refs no clinic referred disabled, saying why', async () => {
  const approve = vi.fn(() => json(page));
  stubFetch({
    [`GET ${api}/support-requests/${request.requestId}`]: { ...page, unverified: true },
    [`POST ${api}/support-requests/${request.requestId}/approve`]: approve,
  });
  render(`/m/support/${request.requestId}`, ['relief-officer']);
  expect((await screen.findByTestId('support-page-unverified')).textContent).toBe(fa['relief.unverified']);
  expect(screen.getByTestId('support-unverified-blocked').textContent).toBe(fa['relief.unverified.blocked']);
  expect((screen.getByTestId('support-approve') as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(screen.getByTestId('support-approve'));
  // Rejecting stays possible.
  expect(screen.getByTestId('support-reject-reason')).toBeTruthy();
  expect(approve).not.toHaveBeenCalled();
});

it('keeps disbursement of an approved request for refs no clinic referred disabled, saying why', async () => {
  const approved: SupportRequestPage = {
    ...page,
    unverified: true,
    state: 'approved',
    status: 'approved',
    decision: { decision: 'approved', amountRials: 1000, reason: null, terms: null, decidedAt: '2026-06-02T08:00:00Z' },
  };
  stubFetch({ [`GET ${api}/support-requests/${request.requestId}`]: approved });
  render(`/m/support/${request.requestId}`, ['relief-officer']);
  expect(((await screen.findByTestId('support-disburse')) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByTestId('support-unverified-blocked').textContent).toBe(fa['relief.unverified.blocked']);
});

it('tells the officer in Persian why the server refused a disbursement (refs-unverified), not its English detail', async () => {
  const approved: SupportRequestPage = {
    ...page,
    state: 'approved',
    status: 'approved',
    decision: { decision: 'approved', amountRials: 1000, reason: null, terms: null, decidedAt: '2026-06-02T08:00:00Z' },
  };
  const refused = json(
    { title: 'Conflict', status: 409, detail: 'no clinic has referred this resident and household to relief', code: 'refs-unverified' },
    409,
    'application/problem+json',
  );
  stubFetch({
    [`GET ${api}/support-requests/${request.requestId}`]: approved,
    [`POST ${api}/support-requests/${request.requestId}/disburse`]: refused,
  });
  render(`/m/support/${request.requestId}`, ['relief-officer']);
  fireEvent.click(await screen.findByTestId('support-disburse'));
  fireEvent.click(await screen.findByTestId('support-disburse-yes'));
  const error = await screen.findByTestId('error-card');
  expect(error.textContent).toContain(fa['relief.problem.title']);
  expect(error.textContent).toContain(fa['relief.problem.refs-unverified']);
  expect(error.textContent).not.toContain('no clinic has referred');
});

it('asks before a disbursement, saying how much for which request; pays only on yes', async () => {
  const approved: SupportRequestPage = {
    ...page,
    state: 'approved',
    status: 'approved',
    decision: { decision: 'approved', amountRials: 250_000_000, reason: null, terms: null, decidedAt: '2026-06-02T08:00:00Z' },
  };
  const disburse = vi.fn(() => json({ ...approved, state: 'disbursed', status: 'disbursed' }));
  stubFetch({
    [`GET ${api}/support-requests/${request.requestId}`]: approved,
    [`POST ${api}/support-requests/${request.requestId}/disburse`]: disburse,
  });
  render(`/m/support/${request.requestId}`, ['relief-officer']);
  fireEvent.click(await screen.findByTestId('support-disburse'));
  expect(disburse).not.toHaveBeenCalled();
  const card = screen.getByTestId('support-disburse-yes').closest('.hg-card')!;
  expect(card.textContent).toContain('۲۵۰٬۰۰۰٬۰۰۰');
  expect(card.textContent).toContain('RL-K7QM-3XWA');
  fireEvent.click(screen.getByTestId('support-disburse-cancel'));
  expect(disburse).not.toHaveBeenCalled();
  fireEvent.click(screen.getByTestId('support-disburse'));
  fireEvent.click(screen.getByTestId('support-disburse-yes'));
  await waitFor(() => expect(disburse).toHaveBeenCalledTimes(1));
  expect((await screen.findByTestId('support-page-status')).textContent).toBe(fa['relief.status.disbursed']);
});

it('groups a requested amount in rials as it is typed, and sends the number', async () => {
  stubFetch({
    ...reference,
    [`GET ${api}/support-requests`]: [],
    [`GET ${api}/benefit-flags`]: [],
    [`GET ${api}/support-referrals`]: [],
    [`GET ${api}/support-candidates`]: [],
  });
  render('/m/support', ['relief-officer']);
  const amount = (await screen.findByTestId('support-amount')) as HTMLInputElement;
  fireEvent.change(amount, { target: { value: '۲۵۰۰۰۰۰۰۰' } });
  expect(amount.value).toBe('۲۵۰٬۰۰۰٬۰۰۰');
});

it('starts a direct request for a person a clinic referred to relief, picked by tracking code: no id typed or shown', async () => {
  const person = {
    referralId: '44444444-4444-4444-8444-444444444444',
    trackingCode: 'P7QM-4XWA',
    residentRef: request.residentRef,
    householdRef: request.householdRef,
    neighbourhoodId: 'nbh-fajr',
    neighbourhoodName: { fa: 'فجر', en: 'Fajr' },
    clinicId: 'clinic-fajr',
    clinicName: null,
    offerId: 'relief-partnerships-home-loan',
    offerTitle: { fa: 'وام خرد', en: 'Micro-loan' },
    needCategory: 'income-support',
    state: 'declined',
    madeAt: '2026-05-01T08:00:00Z',
  };
  const submit = vi.fn(() => json(page));
  const fetchMock = stubFetch({
    ...reference,
    [`GET ${api}/support-requests`]: [],
    [`GET ${api}/benefit-flags`]: [],
    [`GET ${api}/support-referrals`]: [],
    [`GET ${api}/support-candidates`]: [],
    [`GET ${api}/desk/referred-people`]: [person],
    [`POST ${api}/support-requests`]: submit,
    [`GET ${api}/support-requests/${request.requestId}`]: page,
  });
  render('/m/support', ['relief-officer']);
  expect(screen.queryByTestId('support-resident')).toBeNull();
  expect(screen.queryByTestId('support-household')).toBeNull();
  fireEvent.change(await screen.findByTestId('support-person-input'), { target: { value: 'p7qm' } });
  const option = await screen.findByTestId('support-person-option');
  expect(option.textContent).toContain('P7QM-4XWA');
  expect(option.textContent).toContain('فجر');
  expect(option.textContent).not.toMatch(uuidOrSlug);
  fireEvent.click(option);
  fireEvent.change(screen.getByTestId('support-amount'), { target: { value: '۱۰۰۰' } });
  fireEvent.change(screen.getByTestId('support-plan'), { target: { value: 'خیاطی' } });
  fireEvent.click(screen.getByTestId('support-submit'));
  await waitFor(() => expect(submit).toHaveBeenCalled());
  expect(submit.mock.calls[0]).toEqual([
    {
      residentRef: request.residentRef,
      householdRef: request.householdRef,
      neighbourhoodId: 'nbh-fajr',
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 1000,
      businessPlan: 'خیاطی',
      meansTest: 'not-done',
    },
  ]);
  expect(String(fetchMock.mock.calls.find(([url]) => String(url).includes('/desk/referred-people'))![0])).toContain('q=p7qm');
});

it('shows a broken rule (422) by its code in English, and a code it has no sentence for in the service’s words', async () => {
  const problem = (status: number, code: string, detail: string) =>
    json({ title: status === 422 ? 'Unprocessable Content' : 'Conflict', status, code, detail }, status, 'application/problem+json');
  let answer = problem(422, 'fee-out-of-range', 'the fee is 0–4 % with at most two decimals');
  stubFetch({
    [`GET ${api}/support-requests/${request.requestId}`]: page,
    [`POST ${api}/support-requests/${request.requestId}/approve`]: () => answer,
  });
  render(`/m/support/${request.requestId}`, ['relief-officer'], 'en');
  fireEvent.change(await screen.findByTestId('support-approve-fee'), { target: { value: '4.123' } });
  fireEvent.click(screen.getByTestId('support-approve'));
  expect((await screen.findByTestId('error-card')).textContent).toContain('The fee is 0 to 4 %, with at most two decimals.');
  answer = problem(409, 'something-new', 'a refusal this screen does not know');
  fireEvent.click(screen.getByTestId('support-approve'));
  await waitFor(() => expect(screen.getByTestId('error-card').textContent).toContain('a refusal this screen does not know'));
});

it('shows a loan’s schedule, its arrears and records a repayment', async () => {
  const disbursed: SupportRequestPage = {
    ...page,
    state: 'repaying',
    status: 'in-arrears',
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
      instalments: [
        { no: 1, dueOn: '2026-02-10', principalRials: 600, feeRials: 0, amountRials: 600 },
        { no: 2, dueOn: '2026-03-10', principalRials: 600, feeRials: 0, amountRials: 600 },
      ],
    },
    arrears: {
      paidRials: 0,
      outstandingRials: 1200,
      arrearsRials: 600,
      overdueInstalments: 1,
      oldestOverdueOn: '2026-02-10',
      nextDue: { no: 1, dueOn: '2026-02-10', remainingRials: 600 },
    },
  };
  const repay = vi.fn(() =>
    json({
      ...disbursed,
      status: 'repaying',
      repayments: [{ repaymentId: 'r1', amountRials: 600, paidOn: '2026-02-11' }],
      arrears: { ...disbursed.arrears!, paidRials: 600, outstandingRials: 600, arrearsRials: 0, overdueInstalments: 0 },
    }),
  );
  stubFetch({
    [`GET ${api}/support-requests/${request.requestId}`]: disbursed,
    [`POST ${api}/support-requests/${request.requestId}/repayments`]: repay,
  });
  render(`/m/support/${request.requestId}`, ['relief-officer']);
  expect((await screen.findByTestId('support-arrears')).textContent).toContain('۶۰۰');
  expect(screen.getByTestId('support-instalments').querySelectorAll('tbody tr')).toHaveLength(2);
  fireEvent.click(screen.getByTestId('support-repay'));
  await waitFor(() => expect(repay).toHaveBeenCalled());
  expect(repay.mock.calls[0]).toEqual([{ amountRials: 600, paidOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) }]);
  await waitFor(() => expect(screen.queryByTestId('support-arrears')).toBeNull());
  expect(screen.getByTestId('support-repayments').textContent).toContain('۶۰۰');
  const rows = screen.getByTestId('support-instalments').querySelectorAll('tbody tr');
  expect(rows[0]!.textContent).toContain(fa['relief.instalment.paid']);
  expect(rows[1]!.textContent).not.toContain(fa['relief.instalment.paid']);
});

it('shows Basij projects with overdue milestones and the permitted workshops awaiting preparation; the liaison marks a milestone done', async () => {
  const project: Project = {
    projectId: 'p1',
    title: 'کارگاه فجر',
    scope: 'برق‌کشی',
    neighbourhoodId: 'nbh-fajr',
    permitId: 'x1',
    permitNo: 'WP-1405-0031',
    volunteers: { count: 12, skills: ['برق‌کاری'] },
    milestones: [{ milestoneId: 'm1', title: 'سیم‌کشی', dueOn: '2026-05-01', doneOn: null, overdue: true }],
    overdueMilestones: 1,
    status: 'in-progress',
    evidence: null,
    completedOn: null,
  };
  const permits: Permit[] = [
    {
      permitId: 'x2',
      permitNo: 'WP-1405-0044',
      trade: 'carpentry',
      neighbourhoodId: 'nbh-sarasiab',
      validUntil: '2027-01-01',
      projectId: null,
    },
    {
      permitId: 'x1',
      permitNo: 'WP-1405-0031',
      trade: 'tailoring',
      neighbourhoodId: 'nbh-fajr',
      validUntil: '2027-01-01',
      projectId: 'p1',
    },
  ];
  const done = vi.fn(() =>
    json({ ...project, milestones: [{ ...project.milestones[0]!, doneOn: '2026-06-01', overdue: false }], overdueMilestones: 0 }),
  );
  const added = vi.fn((_body: unknown) =>
    json({
      ...project,
      milestones: [
        { ...project.milestones[0]!, doneOn: '2026-06-01', overdue: false },
        { milestoneId: 'm2', title: 'کف‌سازی', dueOn: '2026-07-01', doneOn: null, overdue: false },
      ],
      overdueMilestones: 0,
    }),
  );
  const fetchMock = stubFetch({
    ...reference,
    [`GET ${api}/projects`]: [project],
    [`GET ${api}/permits`]: permits,
    [`POST ${api}/projects/p1/milestones/m1/done`]: done,
    [`POST ${api}/projects/p1/milestones`]: added,
  });
  render('/m/projects', ['basij-liaison']);
  expect((await screen.findByTestId('project-overdue-p1')).textContent).toContain('۱');
  expect(screen.getByTestId('permit-row-WP-1405-0044')).toBeTruthy();
  expect(screen.queryByTestId('permit-row-WP-1405-0031')).toBeNull();
  expect(screen.getByTestId('project-form')).toBeTruthy();
  fireEvent.click(screen.getByTestId('milestone-done-m1'));
  await waitFor(() => expect(screen.queryByTestId('project-overdue-p1')).toBeNull());
  fireEvent.change(screen.getByTestId('milestone-title-p1'), { target: { value: 'کف‌سازی' } });
  fireEvent.change(screen.getByTestId('milestone-due-p1'), { target: { value: '۱۴۰۵/۰۴/۱۰' } }); // 1 July 2026
  fireEvent.click(screen.getByTestId('milestone-add-p1'));
  await waitFor(() => expect(added).toHaveBeenCalled());
  expect(added.mock.calls[0]).toEqual([{ title: 'کف‌سازی', dueOn: '2026-07-01' }]);
  expect(await screen.findByTestId('milestone-m2')).toBeTruthy();
  // The permits by trade name, never the trade's slug.
  await waitFor(() => expect(screen.getByTestId('permits-awaiting').textContent).toContain(fa['relief.trade.other']));
  expect(screen.getByTestId('permits-awaiting').textContent).not.toContain('carpentry');
  // Projects are narrowed and ordered by the API.
  fireEvent.change(screen.getByTestId('projects-filter-status'), { target: { value: 'planned' } });
  fireEvent.change(screen.getByTestId('projects-filter-neighbourhood'), { target: { value: 'nbh-fajr' } });
  fireEvent.change(screen.getByTestId('projects-controls-sort'), { target: { value: 'asc' } });
  await waitFor(() =>
    expect(String(fetchMock.mock.calls.filter(([url]) => String(url).includes('/projects?')).at(-1)![0])).toBe(
      `${api}/projects?status=planned&neighbourhoodId=nbh-fajr&order=asc`,
    ),
  );
});

it('shows agreements with their standing; relief officers record only their own partner’s', async () => {
  const agreements: Agreement[] = [
    {
      agreementId: 'a1',
      partner: 'basij-construction',
      title: 'اردوهای جهادی',
      scope: 'کارگاه‌ها',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      signedOn: '2025-12-20',
      status: 'signed',
      standing: 'active',
    },
  ];
  stubFetch({ [`GET ${api}/agreements`]: agreements, [`GET ${api}/joint-meetings`]: [] });
  render('/m/partners', ['relief-officer']);
  expect((await screen.findByTestId('agreement-standing-a1')).textContent).toBe(fa['relief.standing.active']);
  const partner = screen.getByTestId('agreement-partner') as HTMLSelectElement;
  expect([...partner.options].map((o) => o.value)).toEqual(['relief-committee']);
  expect(screen.getByTestId('joint-meeting-form')).toBeTruthy();
});

it('starts a request for a resident TVTO certified: their opaque ids come with the choice, then the request’s page opens', async () => {
  const candidate = {
    residentRef: request.residentRef,
    householdRef: request.householdRef,
    neighbourhoodId: 'nbh-fajr',
    trade: 'tailoring',
    certificateNo: 'TVTO-1',
    completedAt: '2026-05-01T08:00:00Z',
    eligibleToday: true,
  };
  const submit = vi.fn(() => json(page));
  stubFetch({
    ...reference,
    [`GET ${api}/support-requests`]: [],
    [`GET ${api}/benefit-flags`]: [],
    [`GET ${api}/support-referrals`]: [],
    [`GET ${api}/support-candidates`]: [candidate],
    [`POST ${api}/support-requests`]: submit,
    [`GET ${api}/support-requests/${request.requestId}`]: page,
  });
  render('/m/support', ['relief-officer']);
  const pick = (await screen.findByTestId('support-candidate')) as HTMLSelectElement;
  await waitFor(() => expect(pick.options).toHaveLength(2));
  expect(pick.options[1]!.textContent).toContain(fa['relief.new.candidateEligible']);
  // The candidate by certificate, trade and neighbourhood, by name: no resident id, no slug.
  await waitFor(() => expect(pick.options[1]!.textContent).toContain('خیاطی'));
  expect(pick.options[1]!.textContent).toContain('TVTO-1');
  expect(pick.options[1]!.textContent).toContain('فجر');
  expect(pick.options[1]!.textContent).not.toMatch(uuidOrSlug);
  fireEvent.change(pick, { target: { value: request.residentRef } });
  fireEvent.change(screen.getByTestId('support-amount'), { target: { value: '۱۰۰۰' } });
  fireEvent.change(screen.getByTestId('support-plan'), { target: { value: 'خیاطی' } });
  fireEvent.click(screen.getByTestId('support-submit'));
  await waitFor(() => expect(submit).toHaveBeenCalled());
  expect(submit.mock.calls[0]).toEqual([
    {
      residentRef: request.residentRef,
      householdRef: request.householdRef,
      neighbourhoodId: 'nbh-fajr',
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 1000,
      businessPlan: 'خیاطی',
      meansTest: 'not-done',
    },
  ]);
  expect(await screen.findByTestId('support-facts')).toBeTruthy();
});
