// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch, type FakeRoute } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Commitment, Offer, Referral } from './api';
import { AgencyDesk } from './AgencyDesk';
import { messages } from './messages';

const base = '/api/vocational-training/v1/desk';
const rid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const referral = (n: number, extra: Partial<Referral> = {}): Referral => ({
  referralId: rid(n),
  trackingCode: `K7Q${n}-3XWA`,
  offerId: 'tvto-home-tailoring-1405',
  offerTitle: { fa: 'دوره خیاطی خانگی', en: 'Home-based tailoring course' },
  clinicId: 'clinic-sarasiab',
  clinicName: { fa: 'کلینیک مددکاری اجتماعی سرآسیاب', en: 'Sar Asiab social-work clinic' },
  neighbourhoodId: 'nbh-sarasiab',
  neighbourhoodName: { fa: 'سرآسیاب', en: 'Sar Asiab' },
  residentRef: rid(9),
  householdRef: rid(8),
  needCategory: 'skills-training',
  state: 'received',
  madeAt: '2026-03-01T08:00:00Z',
  respondBy: '2026-03-08',
  acceptedAt: null,
  completeBy: null,
  declineReason: null,
  outcome: null,
  withdrawReason: null,
  overdue: false,
  ...extra,
});

const offer: Offer = {
  offerId: 'tvto-home-tailoring-1405',
  kind: 'course',
  title: { fa: 'دوره خیاطی خانگی', en: 'Home-based tailoring course' },
  eligibility: { fa: 'ساکنان ۱۸ سال به بالا', en: 'Residents aged 18+' },
  answers: ['skills-training'],
  neighbourhoodIds: [],
  place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
  schedule: { fa: 'شنبه‌ها', en: 'Saturdays' },
  startsOn: '2026-04-01',
  endsOn: '2026-07-01',
  capacity: 20,
  available: 18,
  status: 'open',
  revision: 3,
  seatsTaken: 2,
  updatedAt: '2026-03-01T08:00:00Z',
};

const commitment = (id: string, extra: Partial<Commitment> = {}): Commitment => ({
  commitmentId: id,
  source: 'agency',
  neighbourhoodId: 'nbh-fajr',
  answers: 'employment',
  title: 'Career counsellor at the Fajr clinic',
  dueOn: '2026-05-01',
  revisedDueOn: null,
  status: 'in-progress',
  evidence: null,
  overdue: false,
  ...extra,
});

function deskApi(overrides: Record<string, FakeRoute> = {}) {
  return stubFetch({
    [`GET ${base}/referrals`]: [
      referral(1, { overdue: true }),
      referral(2, { state: 'accepted', completeBy: '2026-06-01', acceptedAt: '2026-03-02T08:00:00Z' }),
      referral(3, { state: 'withdrawn', withdrawReason: 'duplicate' }),
    ],
    [`GET ${base}/offers`]: [offer],
    [`GET ${base}/places`]: {
      neighbourhoods: [
        { neighbourhoodId: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } },
        { neighbourhoodId: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' } },
      ],
      clinics: [],
    },
    [`GET ${base}/commitments`]: [
      commitment(rid(4), { overdue: true }),
      commitment(rid(5), { source: 'working-group', status: 'planned', title: 'Issue workshop permits' }),
    ],
    [`GET ${base}/priorities`]: [
      {
        neighbourhoodId: 'nbh-fajr',
        neighbourhoodName: { fa: 'فجر', en: 'Fajr' },
        period: '1405',
        version: 1,
        priorities: [
          { rank: 1, category: 'workshop-space', score: 4, households: 30 },
          { rank: 2, category: 'employment', score: 3, households: 20 },
        ],
      },
    ],
    [`POST ${base}/referrals/${rid(1)}/accept`]: (body) => jsonResponse({ ...referral(1), state: 'accepted', ...(body as object) }),
    [`POST ${base}/referrals/${rid(1)}/decline`]: (body) =>
      jsonResponse({ ...referral(1), state: 'declined', declineReason: (body as { reason: string }).reason }),
    [`POST ${base}/referrals/${rid(2)}/complete`]: (body) => jsonResponse({ ...referral(2), state: 'completed', ...(body as object) }),
    [`POST ${base}/offers`]: (body) => jsonResponse({ ...offer, ...(body as object), revision: 1, seatsTaken: 0 }, 201),
    [`PUT ${base}/offers/${offer.offerId}`]: (body) => jsonResponse({ ...offer, ...(body as object), revision: 4 }),
    [`POST ${base}/commitments`]: (body) => jsonResponse({ ...commitment(rid(6)), ...(body as object), status: 'planned' }, 201),
    [`POST ${base}/commitments/${rid(4)}/progress`]: (body) => jsonResponse({ ...commitment(rid(4)), ...(body as object) }),
    'GET /api/vocational-training/v1/me': {
      service: 'vocational-training',
      user: { id: 'u1', username: 'tvto.staff' },
      roles: ['tvto-staff'],
      scopes: { clinicIds: [], neighbourhoodIds: [] },
    },
    ...overrides,
  });
}

/** Where the router is (path and query), and a back button, as the browser's address bar and history would give them. */
function AddressBar() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <button type="button" data-testid="address" onClick={() => void navigate(-1)}>
      {location.pathname + location.search}
    </button>
  );
}

function renderDesk({
  path = '/vt',
  roles = ['tvto-staff'],
  locale = 'en',
}: { path?: string; roles?: string[]; locale?: 'fa' | 'en' } = {}) {
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route
          path="/vt/*"
          element={<AgencyDesk basePath="/vt" service="vocational-training" titleKey="desk.nav.referrals" staffRoles={['tvto-staff']} />}
        />
      </Routes>
      <AddressBar />
    </MemoryRouter>,
    { auth: fakeAuth({ roles }), locale },
  );
}

const requests = (fetchMock: ReturnType<typeof deskApi>, method: string, path: string) =>
  fetchMock.mock.calls
    .filter(([url, init]) => String(url).startsWith(path) && (init?.method ?? 'GET') === method)
    .map(([url, init]) => ({ url: String(url), body: init?.body ? JSON.parse(String(init.body)) : undefined }));

describe('referrals inbox', () => {
  it('lists referrals with their state and overdue badges, with no personal data, in Persian', async () => {
    deskApi();
    renderDesk({ locale: 'fa' as never });
    expect(await screen.findByTestId(`desk-referral-state-${rid(1)}`)).toBeTruthy();
    expect(screen.getByTestId(`desk-referral-state-${rid(1)}`).textContent).toBe(messages.fa['desk.state.received']);
    expect(screen.getByTestId(`desk-referral-overdue-${rid(1)}`).textContent).toBe(messages.fa['desk.overdue']);
    expect(screen.queryByTestId(`desk-referral-overdue-${rid(2)}`)).toBeNull();
    expect(screen.getByTestId(`desk-referral-code-${rid(1)}`).textContent).toBe('K7Q1-3XWA');
    expect(screen.getByTestId('desk-nav-referrals').getAttribute('href')).toBe('/vt');
    expect(screen.getByTestId('desk-nav-offers').getAttribute('href')).toBe('/vt/offers');
  });

  it('filters by state and overdue through the query', async () => {
    const fetchMock = deskApi();
    renderDesk();
    await screen.findByTestId('desk-referrals-table');
    fireEvent.change(screen.getByTestId('desk-referrals-state'), { target: { value: 'received' } });
    fireEvent.click(screen.getByTestId('desk-referrals-overdue'));
    await waitFor(() =>
      expect(requests(fetchMock, 'GET', `${base}/referrals`).at(-1)!.url).toBe(`${base}/referrals?state=received&overdue=true`),
    );
  });

  it('accepts with a completion date and declines with a reason, then reloads', async () => {
    const fetchMock = deskApi();
    renderDesk();
    fireEvent.click(await screen.findByTestId(`desk-accept-${rid(1)}`));
    fireEvent.change(screen.getByTestId(`desk-complete-by-${rid(1)}`), { target: { value: '2026-06-15' } });
    await act(async () => fireEvent.click(screen.getByTestId(`desk-confirm-${rid(1)}`)));
    expect(requests(fetchMock, 'POST', `${base}/referrals/${rid(1)}/accept`).map((r) => r.body)).toEqual([{ completeBy: '2026-06-15' }]);

    fireEvent.click(await screen.findByTestId(`desk-decline-${rid(1)}`));
    fireEvent.change(screen.getByTestId(`desk-decline-reason-${rid(1)}`), { target: { value: 'no-capacity' } });
    await act(async () => fireEvent.click(screen.getByTestId(`desk-confirm-${rid(1)}`)));
    expect(requests(fetchMock, 'POST', `${base}/referrals/${rid(1)}/decline`).map((r) => r.body)).toEqual([{ reason: 'no-capacity' }]);
    await waitFor(() => expect(requests(fetchMock, 'GET', `${base}/referrals`).length).toBeGreaterThanOrEqual(3));
  });

  it('completes an accepted referral with an outcome and shows the API’s refusal by its code, in the user’s language', async () => {
    const refusal = {
      title: 'Conflict',
      status: 409,
      code: 'referral-withdrawn',
      detail: 'a referral that is withdrawn cannot become completed',
    };
    const fetchMock = deskApi({
      [`POST ${base}/referrals/${rid(2)}/complete`]: () => jsonResponse(refusal, 409, 'application/problem+json'),
    });
    const complete = async () => {
      fireEvent.click(await screen.findByTestId(`desk-complete-${rid(2)}`));
      fireEvent.change(screen.getByTestId(`desk-outcome-${rid(2)}`), { target: { value: 'partly-achieved' } });
      await act(async () => fireEvent.click(screen.getByTestId(`desk-confirm-${rid(2)}`)));
    };
    const { unmount } = renderDesk();
    expect(screen.queryByTestId(`desk-accept-${rid(2)}`)).toBeNull();
    await complete();
    expect(requests(fetchMock, 'POST', `${base}/referrals/${rid(2)}/complete`).map((r) => r.body)).toEqual([
      { outcome: 'partly-achieved' },
    ]);
    expect((await screen.findByTestId('error-card')).textContent).toContain('The clinic withdrew this referral.');
    expect(screen.getByTestId('error-card').textContent).not.toContain('cannot become completed');
    expect(screen.queryByTestId(`desk-complete-${rid(3)}`)).toBeNull();
    unmount();
    renderDesk({ locale: 'fa' });
    await complete();
    expect((await screen.findByTestId('error-card')).textContent).toContain('کلینیک این ارجاع را پس گرفته است.');
  });

  it('names where each referral comes from (clinic and neighbourhood by name), never a slug or an id', async () => {
    deskApi();
    renderDesk({ locale: 'fa' });
    const table = await screen.findByTestId('desk-referrals-table');
    expect(screen.getByTestId(`desk-referral-where-${rid(1)}`).textContent).toBe('کلینیک مددکاری اجتماعی سرآسیاب');
    expect(table.textContent).not.toMatch(/nbh-|clinic-|tvto-|[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('searches by tracking code, sorts, narrows by neighbourhood (picked by name) and need, all through the API', async () => {
    const fetchMock = deskApi();
    renderDesk({ locale: 'fa' });
    await screen.findByTestId('desk-referrals-table');
    const last = () => requests(fetchMock, 'GET', `${base}/referrals`).at(-1)!.url;
    fireEvent.change(screen.getByTestId('desk-referrals-controls-search'), { target: { value: 'k7q۱' } });
    await waitFor(() => expect(last()).toBe(`${base}/referrals?q=k7q1`));
    fireEvent.change(screen.getByTestId('desk-referrals-controls-sort'), { target: { value: 'respond-by' } });
    await waitFor(() => expect(last()).toBe(`${base}/referrals?q=k7q1&sort=respondBy&order=asc`));
    const neighbourhood = screen.getByTestId('desk-referrals-neighbourhood') as HTMLSelectElement;
    expect([...neighbourhood.options].map((o) => o.textContent)).toEqual([messages.fa['desk.all'], 'سرآسیاب', 'فجر']);
    fireEvent.change(neighbourhood, { target: { value: 'nbh-fajr' } });
    fireEvent.change(screen.getByTestId('desk-referrals-need'), { target: { value: 'employment' } });
    await waitFor(() =>
      expect(last()).toBe(`${base}/referrals?q=k7q1&neighbourhoodId=nbh-fajr&needCategory=employment&sort=respondBy&order=asc`),
    );
  });

  it('pages the list with the cursor the API gave', async () => {
    const fetchMock = deskApi({
      [`GET ${base}/referrals`]: () => {
        const calls = requests(fetchMock, 'GET', `${base}/referrals`);
        const second = calls.at(-1)!.url.includes('after=');
        return second
          ? jsonResponse([referral(5)])
          : new Response(JSON.stringify([referral(1)]), {
              status: 200,
              headers: { 'content-type': 'application/json', 'x-next-cursor': 'c2' },
            });
      },
    });
    renderDesk();
    await screen.findByTestId(`desk-referral-${rid(1)}`);
    fireEvent.click(screen.getByTestId('desk-referrals-table-pager-next'));
    expect(await screen.findByTestId(`desk-referral-${rid(5)}`)).toBeTruthy();
    expect(requests(fetchMock, 'GET', `${base}/referrals`).at(-1)!.url).toContain('after=c2');
  });

  it('says a refusal about the completion day under that field, in the user’s language', async () => {
    const refusal = {
      title: 'Unprocessable Content',
      status: 422,
      code: 'complete-by-before-acceptance',
      field: 'completeBy',
      detail: 'completeBy must not be before the day of acceptance',
    };
    deskApi({ [`POST ${base}/referrals/${rid(1)}/accept`]: () => jsonResponse(refusal, 422, 'application/problem+json') });
    renderDesk({ locale: 'fa' });
    fireEvent.click(await screen.findByTestId(`desk-accept-${rid(1)}`));
    await act(async () => fireEvent.click(screen.getByTestId(`desk-confirm-${rid(1)}`)));
    const action = screen.getByTestId(`desk-action-${rid(1)}`);
    await waitFor(() =>
      expect(action.querySelector('.hg-field__error')?.textContent).toBe(messages.fa['desk.problem.complete-by-before-acceptance']),
    );
    expect(screen.queryByTestId('error-card')).toBeNull();
    expect(action.textContent).not.toContain('completeBy must not');
  });

  it('shows coordinators and auditors the inbox without any action', async () => {
    deskApi();
    renderDesk({ roles: ['auditor'] });
    await screen.findByTestId(`desk-referral-${rid(1)}`);
    expect(screen.queryByTestId(`desk-accept-${rid(1)}`)).toBeNull();
    expect(screen.queryByTestId(`desk-complete-${rid(2)}`)).toBeNull();
  });
});

describe('lists opened from the home’s counted links, their filter in the URL', () => {
  const address = () => screen.getByTestId('address').textContent;
  const back = () => fireEvent.click(screen.getByTestId('address'));

  it('opens at ?overdue=true on the overdue referrals only, the box checked, never the whole list first', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt?overdue=true' });
    await screen.findByTestId(`desk-referral-${rid(1)}`);
    expect(requests(fetchMock, 'GET', `${base}/referrals`).map((r) => r.url)).toEqual([`${base}/referrals?overdue=true`]);
    expect((screen.getByTestId('desk-referrals-overdue') as HTMLInputElement).checked).toBe(true);
  });

  it('opens at ?state=received on the new referrals, the state chosen', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt?state=received' });
    await screen.findByTestId(`desk-referral-${rid(1)}`);
    expect(requests(fetchMock, 'GET', `${base}/referrals`).map((r) => r.url)).toEqual([`${base}/referrals?state=received`]);
    expect((screen.getByTestId('desk-referrals-state') as HTMLSelectElement).value).toBe('received');
  });

  it('opens at commitments?overdue=true on the overdue commitments only, the box checked', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/commitments?overdue=true' });
    await screen.findByTestId(`desk-commitment-${rid(4)}`);
    expect(requests(fetchMock, 'GET', `${base}/commitments`).map((r) => r.url)).toEqual([`${base}/commitments?overdue=true`]);
    expect((screen.getByTestId('desk-commitments-overdue') as HTMLInputElement).checked).toBe(true);
  });

  it("opens the home's open action items (commitments?source=working-group&status=open) on exactly those", async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/commitments?source=working-group&status=open' });
    await screen.findByTestId(`desk-commitment-${rid(4)}`);
    expect(requests(fetchMock, 'GET', `${base}/commitments`).map((r) => r.url)).toEqual([
      `${base}/commitments?status=open&source=working-group`,
    ]);
    expect((screen.getByTestId('desk-commitments-status') as HTMLSelectElement).value).toBe('open');
  });

  it('writes each filter the user changes into the URL, and back returns to the filter before', async () => {
    const fetchMock = deskApi();
    renderDesk();
    await screen.findByTestId(`desk-referral-${rid(1)}`);
    const last = () => requests(fetchMock, 'GET', `${base}/referrals`).at(-1)!.url;
    fireEvent.change(screen.getByTestId('desk-referrals-state'), { target: { value: 'accepted' } });
    expect(address()).toBe('/vt?state=accepted');
    fireEvent.click(screen.getByTestId('desk-referrals-overdue'));
    expect(address()).toBe('/vt?state=accepted&overdue=true');
    await waitFor(() => expect(last()).toBe(`${base}/referrals?state=accepted&overdue=true`));
    back();
    expect(address()).toBe('/vt?state=accepted');
    await waitFor(() => expect((screen.getByTestId('desk-referrals-overdue') as HTMLInputElement).checked).toBe(false));
    fireEvent.change(screen.getByTestId('desk-referrals-state'), { target: { value: '' } });
    expect(address()).toBe('/vt');
  });

  it('writes the commitments’ filter into the URL too', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/commitments' });
    await screen.findByTestId(`desk-commitment-${rid(4)}`);
    fireEvent.click(screen.getByTestId('desk-commitments-overdue'));
    fireEvent.change(screen.getByTestId('desk-commitments-source'), { target: { value: 'working-group' } });
    expect(address()).toBe('/vt/commitments?overdue=true&source=working-group');
    await waitFor(() =>
      expect(requests(fetchMock, 'GET', `${base}/commitments`).at(-1)!.url).toBe(`${base}/commitments?source=working-group&overdue=true`),
    );
  });

  it('ignores a value in the URL the list does not know, so it never reaches the API', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt?state=lost&overdue=yes&sort=oldest' });
    await screen.findByTestId(`desk-referral-${rid(1)}`);
    expect(requests(fetchMock, 'GET', `${base}/referrals`).map((r) => r.url)).toEqual([`${base}/referrals?order=asc`]);
  });
});

describe('service catalogue', () => {
  it('shows places left of the capacity and edits an offer (PUT with every field)', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/offers' });
    expect((await screen.findByTestId(`desk-offer-places-${offer.offerId}`)).textContent).toBe('18 of 20');
    fireEvent.click(screen.getByTestId(`desk-offer-edit-${offer.offerId}`));
    fireEvent.change(screen.getByTestId('desk-offer-available'), { target: { value: '۱۵' } });
    fireEvent.change(screen.getByTestId('desk-offer-status'), { target: { value: 'closed' } });
    await act(async () => fireEvent.click(screen.getByTestId('desk-offer-save')));
    const [put] = requests(fetchMock, 'PUT', `${base}/offers/${offer.offerId}`);
    const { offerId: _id, revision: _r, seatsTaken: _s, updatedAt: _u, ...fields } = offer;
    expect(put!.body).toEqual({ ...fields, available: 15, status: 'closed', basedOnRevision: 3 });
    expect(await screen.findByTestId('desk-offer-saved')).toBeTruthy();
  });

  it('searches the catalogue by words of the title and filters it by kind and status, through the API', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/offers', locale: 'fa' });
    await screen.findByTestId(`desk-offer-${offer.offerId}`);
    fireEvent.change(screen.getByTestId('desk-offers-controls-search'), { target: { value: 'خياطي' } });
    fireEvent.change(screen.getByTestId('desk-offers-kind'), { target: { value: 'course' } });
    fireEvent.change(screen.getByTestId('desk-offers-status'), { target: { value: 'open' } });
    await waitFor(() =>
      expect(decodeURIComponent(requests(fetchMock, 'GET', `${base}/offers`).at(-1)!.url)).toBe(
        `${base}/offers?q=خیاطی&kind=course&status=open`,
      ),
    );
  });

  it('checks a new offer before sending it, then creates it without asking for an id', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/offers' });
    fireEvent.click(await screen.findByTestId('desk-offer-new'));
    await act(async () => fireEvent.click(screen.getByTestId('desk-offer-save')));
    expect(screen.getByText('Choose at least one need')).toBeTruthy();
    expect(requests(fetchMock, 'POST', `${base}/offers`)).toEqual([]);

    for (const [key, value] of Object.entries({
      titleFa: 'جوشکاری',
      titleEn: 'Welding',
      eligibilityFa: 'همه',
      eligibilityEn: 'Everyone',
      placeFa: 'مرکز ۲',
      placeEn: 'Centre 2',
      scheduleFa: 'شنبه‌ها',
      scheduleEn: 'Saturdays',
    })) {
      fireEvent.change(screen.getByTestId(`desk-offer-${key}`), { target: { value } });
    }
    fireEvent.click(screen.getByTestId('desk-offer-answers-employment'));
    // Neighbourhoods are ticked by name, never typed as slugs.
    expect(screen.getByTestId('desk-offer-neighbourhoods').textContent).toBe(' Sar Asiab Fajr');
    fireEvent.click(screen.getByTestId('desk-offer-neighbourhood-nbh-fajr'));
    fireEvent.click(screen.getByTestId('desk-offer-neighbourhood-nbh-sarasiab'));
    fireEvent.change(screen.getByTestId('desk-offer-capacity'), { target: { value: '12' } });
    fireEvent.change(screen.getByTestId('desk-offer-available'), { target: { value: '12' } });
    await act(async () => fireEvent.click(screen.getByTestId('desk-offer-save')));
    const [post] = requests(fetchMock, 'POST', `${base}/offers`);
    // Staff type no id: the desk makes one.
    expect(screen.queryByTestId('desk-offer-id')).toBeNull();
    expect(post!.body).not.toHaveProperty('offerId');
    expect(post!.body).toMatchObject({
      kind: 'course',
      title: { fa: 'جوشکاری', en: 'Welding' },
      answers: ['employment'],
      neighbourhoodIds: ['nbh-fajr', 'nbh-sarasiab'],
      capacity: 12,
      available: 12,
      status: 'open',
      endsOn: null,
    });
  });
});

describe('commitments', () => {
  it('lists own and working-group commitments with overdue badges', async () => {
    deskApi();
    renderDesk({ path: '/vt/commitments' });
    expect((await screen.findByTestId(`desk-commitment-overdue-${rid(4)}`)).textContent).toBe('Overdue');
    expect(screen.getByTestId(`desk-commitment-source-${rid(5)}`).textContent).toBe('Working-group resolution');
    expect(within(screen.getByTestId(`desk-commitment-${rid(4)}`)).getByText('Fajr')).toBeTruthy();
  });

  it('names each commitment’s neighbourhood (never its slug) and narrows and orders the list through the API', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/commitments', locale: 'fa' });
    await waitFor(() => expect(screen.getByTestId(`desk-commitment-where-${rid(4)}`).textContent).toBe('فجر'));
    expect(screen.getByTestId('desk-commitments-table').textContent).not.toMatch(/nbh-|[0-9a-f]{8}-[0-9a-f]{4}/);
    fireEvent.change(screen.getByTestId('desk-commitments-status'), { target: { value: 'planned' } });
    fireEvent.change(screen.getByTestId('desk-commitments-neighbourhood'), { target: { value: 'nbh-fajr' } });
    fireEvent.change(screen.getByTestId('desk-commitments-controls-sort'), { target: { value: 'desc' } });
    await waitFor(() =>
      expect(requests(fetchMock, 'GET', `${base}/commitments`).at(-1)!.url).toBe(
        `${base}/commitments?status=planned&neighbourhoodId=nbh-fajr&order=desc`,
      ),
    );
  });

  it('declares against a neighbourhood priority', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/commitments' });
    fireEvent.change(await screen.findByTestId('desk-declare-answers'), { target: { value: 'workshop-space' } });
    fireEvent.change(screen.getByTestId('desk-declare-title'), { target: { value: 'Workshop permits in Fajr' } });
    fireEvent.change(screen.getByTestId('desk-declare-due'), { target: { value: '2026-09-01' } });
    await act(async () => fireEvent.click(screen.getByTestId('desk-declare-submit')));
    expect(requests(fetchMock, 'POST', `${base}/commitments`).map((r) => r.body)).toEqual([
      { neighbourhoodId: 'nbh-fajr', answers: 'workshop-space', title: 'Workshop permits in Fajr', dueOn: '2026-09-01' },
    ]);
  });

  it('shows a broken rule (422) by its code beside the form, and a code it has no sentence for in the service’s words', async () => {
    const refuse = (code: string, detail: string) => () =>
      jsonResponse({ title: 'Unprocessable Content', status: 422, code, field: 'dueOn', detail }, 422, 'application/problem+json');
    deskApi({ [`POST ${base}/commitments`]: refuse('due-on-in-past', 'dueOn cannot be in the past') });
    const { unmount } = renderDesk({ path: '/vt/commitments' });
    fireEvent.change(await screen.findByTestId('desk-declare-title'), { target: { value: 'Workshop permits in Fajr' } });
    await act(async () => fireEvent.click(screen.getByTestId('desk-declare-submit')));
    expect(await screen.findByText('A commitment cannot be due before today.')).toBeTruthy();
    unmount();
    deskApi({ [`POST ${base}/commitments`]: refuse('something-new', 'a refusal this screen does not know') });
    renderDesk({ path: '/vt/commitments' });
    fireEvent.change(await screen.findByTestId('desk-declare-title'), { target: { value: 'Workshop permits in Fajr' } });
    await act(async () => fireEvent.click(screen.getByTestId('desk-declare-submit')));
    expect(await screen.findByText('a refusal this screen does not know')).toBeTruthy();
  });

  it('reports delivery only with evidence', async () => {
    const fetchMock = deskApi();
    renderDesk({ path: '/vt/commitments' });
    fireEvent.click(await screen.findByTestId(`desk-progress-delivered-${rid(4)}`));
    await act(async () => fireEvent.click(screen.getByTestId(`desk-progress-confirm-${rid(4)}`)));
    expect(requests(fetchMock, 'POST', `${base}/commitments/${rid(4)}/progress`)).toEqual([]);
    fireEvent.change(screen.getByTestId(`desk-evidence-${rid(4)}`), { target: { value: 'Report 1405/218' } });
    await act(async () => fireEvent.click(screen.getByTestId(`desk-progress-confirm-${rid(4)}`)));
    expect(requests(fetchMock, 'POST', `${base}/commitments/${rid(4)}/progress`).map((r) => r.body)).toEqual([
      { status: 'delivered', evidence: 'Report 1405/218' },
    ]);
    expect(screen.getByTestId(`desk-progress-in-progress-${rid(5)}`)).toBeTruthy();
  });

  it('gives readers no declare form and no progress actions', async () => {
    deskApi();
    renderDesk({ path: '/vt/commitments', roles: ['coordinator'] });
    await screen.findByTestId(`desk-commitment-${rid(4)}`);
    expect(screen.queryByTestId('desk-declare-form')).toBeNull();
    expect(screen.queryByTestId(`desk-progress-delivered-${rid(4)}`)).toBeNull();
  });
});

it('keeps who the user is as its own section', async () => {
  deskApi();
  renderDesk({ path: '/vt/me' });
  expect((await screen.findByTestId('whoami-username')).textContent).toBe('tvto.staff');
});
