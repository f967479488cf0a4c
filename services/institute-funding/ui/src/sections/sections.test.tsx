import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App';
import type { Application, Award, DuplicateFlag, FundingCall, Ledger } from '../api';
import { api, institute } from './fixtures';
import { messages } from '../messages';

const awardId = '6f1c1a8e-8f7e-4a43-9d55-3c4f1d2b9a10';
const callId = '1b8c4c8e-2a7e-4a43-9d55-3c4f1d2b9a11';

const tranche = (no: number, extra: object) => ({
  trancheNo: no,
  percent: no === 2 ? 40 : 30,
  condition: { kind: no === 1 ? 'enrolments' : 'completions', atLeast: no * 3 },
  amountRials: no === 2 ? 400_000_000 : 300_000_000,
  state: 'pending',
  releasable: false,
  releasedAt: null,
  verifiedEnrolments: null,
  verifiedCompletions: null,
  paidAt: null,
  paymentRef: null,
  ...extra,
});
const award = (tranches: object[]): Award => ({
  awardId,
  callId,
  instituteId: 'inst-negin',
  trades: ['tailoring'],
  amountRials: 1_000_000_000,
  seats: 10,
  neighbourhoodIds: ['nbh-sarasiab'],
  status: 'active',
  awardedAt: '2026-11-01T08:00:00.000Z',
  cancelReason: null,
  verified: { enrolments: 4, completions: 0 },
  releasedRials: 0,
  paidRials: 0,
  tranches: tranches as Award['tranches'],
  benefits: [],
});

const render = (path: string, roles = ['fund-officer']) =>
  renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles }) },
  );

afterEach(() => vi.unstubAllGlobals());

describe('the institute-funding module', () => {
  it('lists its own sections beside the desk’s', async () => {
    stubFetch({ [`GET ${api}/desk/referrals`]: [] });
    render('/m');
    for (const id of ['if-nav-awards', 'if-nav-calls', 'if-nav-institutes', 'if-nav-ledger', 'if-nav-flags'])
      expect(screen.getByTestId(id)).toBeTruthy();
    expect(screen.getByTestId('if-nav-ledger').getAttribute('href')).toBe('/m/ledger');
    expect(screen.getByTestId('if-nav-awards').textContent).toBe(messages.fa['if.nav.awards']);
  });

  it('shows an award’s verified outcomes and releases the tranche whose condition holds', async () => {
    let released = false;
    const fetchMock = stubFetch({
      [`GET ${api}/awards`]: () =>
        new Response(
          JSON.stringify([
            award(
              released
                ? [tranche(1, { state: 'released', releasedAt: '2026-11-20T08:00:00.000Z' }), tranche(2, {}), tranche(3, {})]
                : [tranche(1, { releasable: true }), tranche(2, {}), tranche(3, {})],
            ),
          ]),
          { headers: { 'content-type': 'application/json' } },
        ),
      [`GET ${api}/institutes`]: [institute],
      [`POST ${api}/awards/${awardId}/tranches/1/release`]: () => (
        (released = true),
        new Response(JSON.stringify(award([])), { headers: { 'content-type': 'application/json' } })
      ),
    });
    render('/m/awards');
    expect((await screen.findByTestId(`if-award-verified-${awardId}`)).textContent).toContain('۴');
    expect(screen.getByTestId(`if-tranche-state-${awardId}-1`).textContent).toBe(messages.fa['if.tranches.state.releasable']);
    expect(screen.queryByTestId(`if-release-${awardId}-2`)).toBeNull();
    fireEvent.click(screen.getByTestId(`if-release-${awardId}-1`));
    await waitFor(() =>
      expect(screen.getByTestId(`if-tranche-state-${awardId}-1`).textContent).toBe(messages.fa['if.tranches.state.released']),
    );
    expect(fetchMock.mock.calls.some(([url, init]) => String(url).endsWith('/tranches/1/release') && init?.method === 'POST')).toBe(true);
    expect(screen.getByTestId(`if-pay-${awardId}-1`)).toBeTruthy();
  });

  it('shows a refused release by its code, in the officer’s language, not the service’s English', async () => {
    const refusal = {
      title: 'Conflict',
      status: 409,
      code: 'tranche-condition-not-met',
      detail: 'tranche 1 needs 3 verified enrolments; 2 so far',
    };
    stubFetch({
      [`GET ${api}/awards`]: [award([tranche(1, { releasable: true }), tranche(2, {}), tranche(3, {})])],
      [`GET ${api}/institutes`]: [institute],
      [`POST ${api}/awards/${awardId}/tranches/1/release`]: () =>
        new Response(JSON.stringify(refusal), { status: 409, headers: { 'content-type': 'application/problem+json' } }),
    });
    render('/m/awards');
    fireEvent.click(await screen.findByTestId(`if-release-${awardId}-1`));
    expect(await screen.findByText(messages.fa['if.problem.tranche-condition-not-met'])).toBeTruthy();
    expect(screen.getByText(messages.fa['if.problem.title'])).toBeTruthy();
    expect(screen.queryByText(/2 so far/)).toBeNull();
  });

  it('lets coordinators read awards without acting on them', async () => {
    stubFetch({
      [`GET ${api}/awards`]: [award([tranche(1, { releasable: true }), tranche(2, {}), tranche(3, {})])],
      [`GET ${api}/institutes`]: [institute],
    });
    render('/m/awards', ['coordinator']);
    await screen.findByTestId(`if-award-${awardId}`);
    expect(screen.queryByTestId(`if-release-${awardId}-1`)).toBeNull();
    expect(screen.queryByTestId(`if-cancel-${awardId}`)).toBeNull();
  });

  it('awards an application with a tranche plan whose shares must add up to 100', async () => {
    const call: FundingCall = {
      callId,
      title: { fa: 'فراخوان ۱۴۰۵', en: 'Call 1405' },
      budgetRials: 5_000_000_000,
      neighbourhoodIds: ['nbh-sarasiab'],
      trades: ['tailoring'],
      opensOn: '2026-11-01',
      closesOn: '2026-12-01',
      status: 'open',
      awardedRials: 0,
      availableRials: 5_000_000_000,
      createdAt: '2026-11-01T08:00:00.000Z',
    };
    const application: Application = {
      applicationId: awardId,
      callId,
      instituteId: 'inst-negin',
      trades: ['tailoring'],
      proposedSeats: 10,
      amountRequestedRials: 1_000_000_000,
      state: 'under-review',
      submittedAt: '2026-11-02T08:00:00.000Z',
      decidedAt: null,
      rejectionReason: null,
      award: null,
    };
    let sent: unknown;
    let tries = 0;
    stubFetch({
      [`GET ${api}/calls`]: [call],
      [`GET ${api}/institutes`]: [institute],
      [`GET ${api}/applications`]: [application],
      [`POST ${api}/applications/${awardId}/award`]: (body: unknown) =>
        (tries += 1) === 1
          ? new Response(
              JSON.stringify({
                title: 'Unprocessable Content',
                status: 422,
                code: 'call-budget-exceeded',
                field: 'amountRials',
                detail: 'the call has 0 rials left',
              }),
              {
                status: 422,
                headers: { 'content-type': 'application/problem+json' },
              },
            )
          : ((sent = body), new Response(JSON.stringify(award([])), { status: 201, headers: { 'content-type': 'application/json' } })),
    });
    render('/m/calls');
    expect((await screen.findByTestId(`if-call-available-${callId}`)).textContent).toContain('۵٬۰۰۰٬۰۰۰٬۰۰۰');
    fireEvent.click(await screen.findByTestId(`if-award-${awardId}`));
    fireEvent.change(screen.getByTestId('if-award-percent-1'), { target: { value: '۲۰' } });
    expect((screen.getByTestId('if-award-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('if-award-percent-1'), { target: { value: '30' } });
    fireEvent.change(screen.getByTestId('if-award-seats'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('if-award-submit'));
    // The budget left is the API's to judge: a 422 shows its sentence beside the form.
    expect(await screen.findByText(messages.fa['if.problem.call-budget-exceeded'])).toBeTruthy();
    fireEvent.click(screen.getByTestId('if-award-submit'));
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toEqual({
      amountRials: 1_000_000_000,
      seats: 8,
      plan: [
        { percent: 30, condition: { kind: 'enrolments', atLeast: 8 } },
        { percent: 40, condition: { kind: 'completions', atLeast: 5 } },
        { percent: 30, condition: { kind: 'completions', atLeast: 8 } },
      ],
    });
  });

  it('shows the ledger balanced, with each call’s position in Persian digits', async () => {
    const ledger: Ledger = {
      balanced: true,
      trialBalance: 0,
      problems: [],
      unposted: [],
      accounts: [],
      calls: [
        {
          callId,
          title: { fa: 'فراخوان ۱۴۰۵', en: 'Call 1405' },
          budget: 5_000_000_000,
          available: 4_000_000_000,
          committed: 700_000_000,
          payable: 0,
          paid: 300_000_000,
        },
      ],
      postings: [
        {
          postingId: `budget:${callId}`,
          kind: 'budget',
          callId,
          awardId: null,
          trancheNo: null,
          postedAt: '2026-11-01T08:00:00.000Z',
          lines: [
            { account: `budget:${callId}`, debit: 5_000_000_000, credit: 0 },
            { account: `appropriation:${callId}`, debit: 0, credit: 5_000_000_000 },
          ],
        },
      ],
    };
    stubFetch({ [`GET ${api}/ledger`]: ledger });
    render('/m/ledger', ['auditor']);
    expect((await screen.findByTestId('if-ledger-balanced')).textContent).toBe(messages.fa['if.ledger.balanced']);
    expect(screen.getByTestId(`if-position-paid-${callId}`).textContent).toBe('۳۰۰٬۰۰۰٬۰۰۰');
    expect(screen.getByTestId(`if-posting-budget:${callId}`).textContent).toContain(messages.fa['if.account.appropriation']);
    // An account is named by its kind and its call's title, never by an id fragment (issue 10).
    expect(document.body.textContent).not.toContain(callId.slice(0, 8));
  });

  it('renews an expired licence, sending the institute’s record with the new day', async () => {
    let sent: unknown;
    stubFetch({
      [`GET ${api}/institutes`]: () =>
        new Response(JSON.stringify([{ ...institute, licenceValid: sent === undefined ? false : true }]), {
          headers: { 'content-type': 'application/json' },
        }),
      [`PUT ${api}/institutes/inst-negin`]: (body: unknown) => (
        (sent = body),
        new Response(JSON.stringify(institute), { headers: { 'content-type': 'application/json' } })
      ),
    });
    render('/m/institutes');
    expect((await screen.findByTestId('if-licence-inst-negin')).textContent).toBe(messages.fa['if.institutes.expired']);
    fireEvent.click(screen.getByTestId('if-renew-inst-negin'));
    fireEvent.change(screen.getByTestId('if-renew-day-inst-negin'), { target: { value: '۱۴۰۷/۰۱/۰۱' } }); // Nowruz 1407, 20 March 2028
    fireEvent.click(screen.getByTestId('if-renew-save-inst-negin'));
    await waitFor(() => expect(screen.getByTestId('if-licence-inst-negin').textContent).toBe(messages.fa['if.institutes.valid']));
    const { instituteId: _id, licenceValid: _v, updatedAt: _u, ...fields } = institute;
    expect(sent).toEqual({ ...fields, licenceValidUntil: '2028-03-20' });
  });

  it('lists duplicate-benefit flags by opaque household and records an officer’s review', async () => {
    const flag: DuplicateFlag = {
      flagId: 'a'.repeat(24),
      householdRef: '0b7c4c8e-2a7e-4a43-9d55-3c4f1d2b9a12',
      householdNumber: 'HH-BQ7E-KTQZ',
      purpose: 'skills-training',
      crossAgency: true,
      totalRials: 533_333_333,
      benefits: [
        {
          benefitId: '1b7c4c8e-2a7e-4a43-9d55-3c4f1d2b9a13',
          source: 'relief-partnerships',
          amountRials: 200_000_000,
          grantedAt: '2026-11-01T08:00:00.000Z',
        },
        {
          benefitId: '2b7c4c8e-2a7e-4a43-9d55-3c4f1d2b9a14',
          source: 'institute-funding',
          amountRials: 333_333_333,
          grantedAt: '2026-11-02T08:00:00.000Z',
        },
      ],
      review: null,
    };
    let note: unknown;
    stubFetch({
      [`GET ${api}/duplicate-flags`]: () =>
        new Response(JSON.stringify([note ? { ...flag, review: { note: 'هماهنگ شد', reviewedAt: '2026-11-03T08:00:00.000Z' } } : flag]), {
          headers: { 'content-type': 'application/json' },
        }),
      [`POST ${api}/duplicate-flags/${flag.flagId}/review`]: (body: unknown) => (
        (note = body),
        new Response(JSON.stringify({ note: 'هماهنگ شد', reviewedAt: '2026-11-03T08:00:00.000Z' }), {
          headers: { 'content-type': 'application/json' },
        })
      ),
    });
    render('/m/duplicates');
    expect((await screen.findByTestId(`if-flag-kind-${flag.flagId}`)).textContent).toBe(messages.fa['if.flags.crossAgency']);
    // The household by its number, never its ref (issue 10).
    expect(screen.getByTestId(`if-flag-${flag.flagId}`).textContent).toContain('HH-BQ7E-KTQZ');
    expect(document.body.textContent).not.toContain(flag.householdRef.slice(0, 8));
    fireEvent.change(screen.getByTestId(`if-flag-note-${flag.flagId}`), { target: { value: 'هماهنگ شد' } });
    fireEvent.click(screen.getByTestId(`if-flag-review-${flag.flagId}`));
    await waitFor(() => expect(screen.getByTestId(`if-flag-${flag.flagId}`).textContent).toContain('بررسی شد: هماهنگ شد'));
    expect(note).toEqual({ note: 'هماهنگ شد' });
  });
});
