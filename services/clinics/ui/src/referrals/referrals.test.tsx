import { addDays, localInstant, localIso, today } from '@hamgam/contracts/days';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch, type FakeRoute } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import App from '../App';
import type { Consent, Offer, Referral, Slot, TimelineEntry } from './api';
import { weekStart } from './CalendarPage';
import { ResidentTimeline } from './ResidentTimeline';

const base = '/api/clinics/v1';
const name = (fa: string, en: string) => ({ fa, en });
const residentId = '11111111-2222-4333-8444-555555555555';
const tvto = name('فنی و حرفه‌ای', 'Technical & Vocational Training');

function referral(overrides: Partial<Referral>): Referral {
  return {
    id: 'aaaaaaaa-0000-4000-8000-000000000001',
    trackingCode: 'K7QM-3XWA',
    agency: 'vocational-training',
    agencyName: tvto,
    offerId: 'tvto-home-tailoring',
    offerTitle: name('دوره خیاطی خانگی', 'Home tailoring course'),
    clinicId: 'clinic-sarasiab',
    neighbourhoodId: 'nbh-sarasiab',
    residentId,
    needCategory: 'skills-training',
    state: 'sent',
    respondBy: '2026-03-27',
    completeBy: null,
    dueOn: '2026-03-27',
    overdue: false,
    madeAt: '2026-03-20T08:00:00Z',
    updatedAt: '2026-03-20T08:00:00Z',
    steps: [{ kind: 'made', at: '2026-03-20T08:00:00Z' }],
    ...overrides,
  };
}

const offer = (overrides: Partial<Offer>): Offer => ({
  id: 'tvto-home-tailoring',
  agency: 'vocational-training',
  agencyName: tvto,
  kind: 'course',
  title: name('دوره خیاطی خانگی', 'Home tailoring course'),
  eligibility: name('ساکنان', 'Residents'),
  answers: ['skills-training'],
  neighbourhoodIds: [],
  place: name('کلینیک', 'The clinic'),
  schedule: name('شنبه‌ها', 'Saturdays'),
  startsOn: null,
  endsOn: null,
  capacity: 20,
  available: 12,
  status: 'open',
  ...overrides,
});

/** Picks a resident in a ReferencePicker by typing what staff know of them and choosing the option the service gave. */
async function pickResident(testId: string, typed: string, scope: HTMLElement = document.body) {
  fireEvent.change(within(scope).getByTestId(`${testId}-input`), { target: { value: typed } });
  const option = await within(scope).findByTestId(`${testId}-option`, {}, { timeout: 3000 });
  fireEvent.click(option);
  return option;
}

function kit(routes: Record<string, FakeRoute> = {}) {
  return stubFetch({
    [`GET ${base}/clinics`]: [{ id: 'clinic-sarasiab', name: name('کلینیک سرآسیاب', 'Sar Asiab clinic'), neighbourhoodId: 'nbh-sarasiab' }],
    [`GET ${base}/need-categories`]: [
      { id: 'skills-training', label: name('آموزش مهارت', 'Skills training') },
      { id: 'social-care', label: name('مددکاری', 'Social care') },
    ],
    ...routes,
  });
}

function renderAt(path: string, roles = ['clinic-worker']) {
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/clinics/*" element={<App basePath="/clinics" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles }), locale: 'en' },
  );
}

/** Shows the address the page is at, so a test sees the filters kept in it. */
function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

const calls = (fetchMock: ReturnType<typeof stubFetch>, method: string, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => new URL(String(url), 'http://x').pathname === path && (init?.method ?? 'GET') === method);

describe('referrals section', () => {
  it('lists referrals with state and overdue badges, the overdue count, and withdraws with a reason', async () => {
    const late = referral({ id: 'aaaaaaaa-0000-4000-8000-000000000002', trackingCode: 'LATE-2222', overdue: true });
    const done = referral({ id: 'aaaaaaaa-0000-4000-8000-000000000003', trackingCode: 'DONE-3333', state: 'completed', dueOn: null });
    const fetchMock = kit({
      [`GET ${base}/referrals`]: [referral({}), late, done],
      [`GET ${base}/referrals/summary`]: [{ clinicId: 'clinic-sarasiab', open: 2, overdue: 1, byState: {} }],
      [`POST ${base}/referrals/${late.id}/withdraw`]: (body) => jsonResponse({ ...late, state: 'withdrawn', overdue: false, reason: body }),
    });
    renderAt('/clinics/referrals');
    expect((await screen.findByTestId('referrals-summary')).textContent).toBe('Open referrals: 2, overdue: 1');
    await waitFor(() => expect(screen.getByTestId('clinics-nav-referrals').textContent).toBe('Referrals (1 overdue)'));
    expect((await screen.findByTestId('referral-LATE-2222-overdue')).textContent).toBe('Overdue');
    expect(screen.queryByTestId('referral-K7QM-3XWA-overdue')).toBeNull();
    expect(screen.getByTestId('referral-DONE-3333-state').textContent).toBe('Completed');
    expect(screen.queryByTestId('withdraw-DONE-3333')).toBeNull();
    fireEvent.click(screen.getByTestId('withdraw-LATE-2222'));
    fireEvent.change(screen.getByTestId('withdraw-reason-LATE-2222'), { target: { value: 'duplicate' } });
    fireEvent.click(screen.getByTestId('withdraw-confirm-LATE-2222'));
    expect((await screen.findByTestId('referrals-notice')).textContent).toBe('Referral LATE-2222 withdrawn.');
    const [[, init]] = calls(fetchMock, 'POST', `${base}/referrals/${late.id}/withdraw`) as [[unknown, RequestInit]];
    expect(JSON.parse(String(init.body))).toEqual({ reason: 'duplicate' });
  });

  it('asks the API for the overdue ones only when filtered', async () => {
    const fetchMock = kit({ [`GET ${base}/referrals`]: [], [`GET ${base}/referrals/summary`]: [] });
    renderAt('/clinics/referrals');
    fireEvent.click(await screen.findByTestId('referrals-overdue-filter'));
    await waitFor(() =>
      expect(calls(fetchMock, 'GET', `${base}/referrals`).some(([url]) => String(url).includes('overdue=true'))).toBe(true),
    );
    expect(calls(fetchMock, 'GET', `${base}/referrals`).every(([url]) => String(url).includes('clinicId=clinic-sarasiab'))).toBe(true);
  });

  it('opens filtered as the home’s links ask (?overdue=true, ?state=declined), and keeps the address in step with the filters', async () => {
    const fetchMock = kit({ [`GET ${base}/referrals`]: [], [`GET ${base}/referrals/summary`]: [] });
    const listed = () => calls(fetchMock, 'GET', `${base}/referrals`).map(([url]) => new URL(String(url), 'http://x').searchParams);
    const where = () => screen.getByTestId('where').textContent;
    const { unmount } = renderWithKit(
      <MemoryRouter initialEntries={['/clinics/referrals?overdue=true']}>
        <Routes>
          <Route path="/clinics/*" element={<App basePath="/clinics" />} />
        </Routes>
        <Where />
      </MemoryRouter>,
      { auth: fakeAuth({ roles: ['clinic-worker'] }), locale: 'en' },
    );
    expect(((await screen.findByTestId('referrals-overdue-filter')) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(listed().length).toBeGreaterThan(0));
    expect(listed().every((q) => q.get('overdue') === 'true' && q.get('clinicId') === 'clinic-sarasiab')).toBe(true);
    fireEvent.change(screen.getByTestId('referrals-state-filter'), { target: { value: 'sent' } });
    expect(where()).toBe('/clinics/referrals?overdue=true&state=sent');
    fireEvent.click(screen.getByTestId('referrals-overdue-filter'));
    expect(where()).toBe('/clinics/referrals?state=sent');
    await waitFor(() => expect(listed().at(-1)?.get('state')).toBe('sent'));
    expect(listed().at(-1)?.get('overdue')).toBeNull();
    unmount();

    fetchMock.mockClear();
    renderAt('/clinics/referrals?state=declined');
    expect(((await screen.findByTestId('referrals-state-filter')) as HTMLSelectElement).value).toBe('declined');
    await waitFor(() => expect(listed().length).toBeGreaterThan(0));
    expect(listed().every((q) => q.get('state') === 'declined' && q.get('overdue') === null)).toBe(true);
  });

  it('refers: resident → need → matching open offers with each agency’s consent; without consent it says so', async () => {
    const consents: Consent[] = [
      { id: 'c1', purpose: 'referral', agency: 'vocational-training', expiresOn: '2027-03-20', status: 'active' },
    ];
    const fetchMock = kit({
      [`GET ${base}/referrals`]: [],
      [`GET ${base}/referrals/summary`]: [],
      [`GET ${base}/clinics/clinic-sarasiab/residents`]: [
        {
          id: residentId,
          householdId: 'h',
          clinicId: 'clinic-sarasiab',
          neighbourhoodId: 'nbh-sarasiab',
          relation: 'head',
          birthYear: 1360,
          personal: null,
          fullName: 'Zahra Ahmadi',
          fileNumber: 'SAR-0001',
        },
      ],
      [`GET ${base}/residents/${residentId}`]: { id: residentId, personal: { fullName: 'Zahra Ahmadi', phone: '', nationalId: '' } },
      [`GET ${base}/residents/${residentId}/consents`]: consents,
      [`GET ${base}/catalogue`]: [
        offer({}),
        offer({ id: 'fund-seats', agency: 'institute-funding', agencyName: name('صندوق', 'Fund') }),
        offer({ id: 'full', available: 0 }),
      ],
      [`POST ${base}/referrals`]: (body) => jsonResponse(referral({ trackingCode: 'NEWC-QDE2', ...(body as object) }), 201),
    });
    renderAt('/clinics/referrals');
    fireEvent.click(await screen.findByTestId('referrals-new'));
    const form = await screen.findByTestId('refer-form');
    const option = await pickResident('refer-resident', 'Ahmadi', form);
    // The picker names the person with their file number and birth year (never grouped), never an id.
    expect(option.textContent).toContain('Zahra Ahmadi');
    expect(option.textContent).toContain('file SAR-0001');
    expect(option.textContent).toContain('born 1360');
    expect(option.textContent).not.toContain(residentId.slice(0, 8));
    const search = calls(fetchMock, 'GET', `${base}/clinics/clinic-sarasiab/residents`).at(-1)![0];
    expect(new URL(String(search), 'http://x').searchParams.get('q')).toBe('Ahmadi');
    fireEvent.change(within(form).getByTestId('refer-category'), { target: { value: 'skills-training' } });
    expect((await within(form).findByTestId('refer-consent-tvto-home-tailoring')).textContent).toContain('Consents until');
    expect(within(form).getByTestId('refer-consent-fund-seats').textContent).toContain('No referral consent for this agency');
    expect((within(form).getByTestId('refer-submit-fund-seats') as HTMLButtonElement).disabled).toBe(true);
    expect(within(form).queryByTestId('refer-offer-full')).toBeNull();
    expect((await within(form).findByTestId('refer-resident-name')).textContent).toBe('Name: Zahra Ahmadi');
    const catalogueCall = calls(fetchMock, 'GET', `${base}/catalogue`).at(-1)![0];
    expect(String(catalogueCall)).toContain('neighbourhoodId=nbh-sarasiab');
    expect(String(catalogueCall)).toContain('openOnly=true');
    fireEvent.click(within(form).getByTestId('refer-submit-tvto-home-tailoring'));
    expect((await within(form).findByTestId('refer-done')).textContent).toContain(
      'Referral recorded. Tracking code for the resident: NEWC-QDE2',
    );
    expect(within(form).getByTestId('refer-slip').getAttribute('href')).toBe(
      '/clinics/referrals/aaaaaaaa-0000-4000-8000-000000000001/slip',
    );
    const [[, init]] = calls(fetchMock, 'POST', `${base}/referrals`) as [[unknown, RequestInit]];
    expect(JSON.parse(String(init.body))).toEqual({ residentId, offerId: 'tvto-home-tailoring', needCategory: 'skills-training' });
  });

  it('says a duplicate referral’s refusal beside the offer, in Persian, without the service’s English or an id', async () => {
    kit({
      [`GET ${base}/referrals`]: [],
      [`GET ${base}/referrals/summary`]: [],
      [`GET ${base}/clinics/clinic-sarasiab/residents`]: [
        { id: residentId, birthYear: 1360, fullName: 'زهرا احمدی', fileNumber: 'SAR-0001' },
      ],
      [`GET ${base}/residents/${residentId}`]: { id: residentId, personal: null },
      [`GET ${base}/residents/${residentId}/consents`]: [
        { id: 'c1', purpose: 'referral', agency: 'vocational-training', expiresOn: '2099-03-20', status: 'active' },
      ],
      [`GET ${base}/catalogue`]: [offer({})],
      [`POST ${base}/referrals`]: jsonResponse(
        {
          title: 'Conflict',
          status: 409,
          code: 'referral-already-open',
          detail: `resident ${residentId} already has an open referral to offer tvto-home-tailoring`,
        },
        409,
        'application/problem+json',
      ),
    });
    renderWithKit(
      <MemoryRouter initialEntries={['/clinics/referrals']}>
        <Routes>
          <Route path="/clinics/*" element={<App basePath="/clinics" />} />
        </Routes>
      </MemoryRouter>,
      { auth: fakeAuth({ roles: ['clinic-worker'] }), locale: 'fa' },
    );
    fireEvent.click(await screen.findByTestId('referrals-new'));
    const form = await screen.findByTestId('refer-form');
    await pickResident('refer-resident', 'احمدی', form);
    fireEvent.change(within(form).getByTestId('refer-category'), { target: { value: 'skills-training' } });
    fireEvent.click(await within(form).findByTestId('refer-submit-tvto-home-tailoring'));
    const said = await within(form).findByTestId('refer-error-tvto-home-tailoring');
    expect(said.textContent).toBe('این ساکن هم‌اکنون ارجاع بازی به همین خدمت دارد.');
    expect(form.textContent).not.toContain(residentId);
    expect(form.textContent).not.toMatch(/already has an open referral/);
  });

  it('tells the worker when the resident has no referral consent at all', async () => {
    kit({
      [`GET ${base}/referrals`]: [],
      [`GET ${base}/referrals/summary`]: [],
      [`GET ${base}/clinics/clinic-sarasiab/residents`]: [{ id: residentId, birthYear: null, fullName: 'Ali', fileNumber: 'SAR-0002' }],
      [`GET ${base}/residents/${residentId}`]: { id: residentId, personal: null },
      [`GET ${base}/residents/${residentId}/consents`]: [
        { id: 'c', purpose: 'referral', agency: 'welfare', expiresOn: '2020-01-01', status: 'expired' },
      ],
      [`GET ${base}/catalogue`]: [],
    });
    renderAt('/clinics/referrals');
    fireEvent.click(await screen.findByTestId('referrals-new'));
    await screen.findByTestId('refer-resident-input');
    await pickResident('refer-resident', 'Ali');
    expect((await screen.findByTestId('refer-no-consent')).textContent).toMatch(/no referral consent to any agency/);
  });

  it('lets coordinators read but not refer or withdraw', async () => {
    kit({
      [`GET ${base}/referrals`]: [referral({})],
      [`GET ${base}/referrals/summary`]: [{ clinicId: 'clinic-sarasiab', open: 1, overdue: 0, byState: {} }],
    });
    renderAt('/clinics/referrals', ['coordinator']);
    await screen.findByTestId('referral-K7QM-3XWA');
    expect(screen.queryByTestId('referrals-new')).toBeNull();
    expect(screen.queryByTestId('withdraw-K7QM-3XWA')).toBeNull();
  });
});

describe('catalogue section', () => {
  it('shows every agency’s offers with places left and filters by need', async () => {
    const fetchMock = kit({
      [`GET ${base}/catalogue`]: [
        offer({}),
        offer({ id: 'welfare-case', agency: 'welfare', agencyName: name('بهزیستی', 'Welfare'), available: 5, capacity: 60 }),
      ],
    });
    renderAt('/clinics/catalogue');
    expect((await screen.findByTestId('catalogue-totals')).textContent).toBe('2 services from 2 agencies, 17 places free');
    expect(within(screen.getByTestId('offer-welfare-case')).getByText('5 / 60')).toBeTruthy();
    fireEvent.change(screen.getByTestId('catalogue-category'), { target: { value: 'social-care' } });
    await waitFor(() =>
      expect(calls(fetchMock, 'GET', `${base}/catalogue`).some(([url]) => String(url).includes('category=social-care'))).toBe(true),
    );
  });
});

describe('calendar section', () => {
  it('lists the week by day, books a resident and cancels a booking', async () => {
    const from = weekStart(today());
    const startsAt = localInstant(addDays(from, 2), '09:00').toISOString();
    const slot: Slot = {
      id: 'clinic-sarasiab:tvto-counselling:x',
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      kind: 'tvto-counselling',
      title: name('مشاوره شغلی', 'Career counselling'),
      place: name('کلینیک', 'The clinic'),
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 4 * 3_600_000).toISOString(),
      capacity: 5,
      bookedCount: 1,
      available: 4,
      bookings: [
        { residentId: 'bbbbbbbb-0000-4000-8000-000000000009', bookedAt: startsAt, fullName: 'Maryam Rezaei', fileNumber: 'SAR-0007' },
      ],
    };
    const other = '22222222-3333-4444-8555-666666666666';
    const fetchMock = kit({
      [`GET ${base}/calendar/slots`]: [slot],
      [`GET ${base}/clinics/clinic-sarasiab/residents`]: [
        { id: 'bbbbbbbb-0000-4000-8000-000000000009', birthYear: 1365, fullName: 'Maryam Rezaei', fileNumber: 'SAR-0007' },
        { id: other, birthYear: 1370, fullName: 'Hasan Mousavi', fileNumber: 'SAR-0008' },
      ],
      [`POST ${base}/calendar/slots/${encodeURIComponent(slot.id)}/bookings`]: () => jsonResponse(slot, 201),
      [`DELETE ${base}/calendar/slots/${encodeURIComponent(slot.id)}/bookings/bbbbbbbb-0000-4000-8000-000000000009`]: slot,
    });
    renderAt('/clinics/calendar');
    expect((await screen.findByTestId('slot-seats')).textContent).toBe('1 of 5 places booked');
    expect(screen.getByTestId('slot-tvto-counselling').textContent).toContain('09:00–13:00 · The clinic'); // Iran's time, not the browser's
    expect(String(calls(fetchMock, 'GET', `${base}/calendar/slots`)[0]![0])).toContain(`from=${from}`);
    // Who is booked is named, never an id.
    const booked = screen.getByTestId(`booking-${slot.id}-SAR-0007`);
    expect(booked.textContent).toContain('Maryam Rezaei — file SAR-0007');
    expect(screen.getByTestId('slot-tvto-counselling').textContent).not.toContain('bbbbbbbb');
    // The one already booked is not offered again.
    fireEvent.change(screen.getByTestId(`book-resident-${slot.id}-input`), { target: { value: 'SAR' } });
    const offered = await screen.findAllByTestId(`book-resident-${slot.id}-option`, {}, { timeout: 3000 });
    expect(offered.map((o) => o.textContent)).toEqual(['Hasan Mousavifile SAR-0008 · born 1370']);
    fireEvent.click(offered[0]!);
    await waitFor(() => expect((screen.getByTestId(`book-${slot.id}`) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId(`book-${slot.id}`));
    await waitFor(() => expect(calls(fetchMock, 'POST', `${base}/calendar/slots/${encodeURIComponent(slot.id)}/bookings`)).toHaveLength(1));
    const [[, init]] = calls(fetchMock, 'POST', `${base}/calendar/slots/${encodeURIComponent(slot.id)}/bookings`) as [
      [unknown, RequestInit],
    ];
    expect(JSON.parse(String(init.body))).toEqual({ residentId: other });
    fireEvent.click(screen.getByTestId('cancel-bbbbbbbb-0000-4000-8000-000000000009'));
    await waitFor(() =>
      expect(
        calls(fetchMock, 'DELETE', `${base}/calendar/slots/${encodeURIComponent(slot.id)}/bookings/bbbbbbbb-0000-4000-8000-000000000009`),
      ).toHaveLength(1),
    );
  });

  it('adds the counsellor’s weekly day, and a one-off guild meeting at the clinic’s local time', async () => {
    const fetchMock = kit({
      [`GET ${base}/calendar/slots`]: [],
      [`GET ${base}/clinics/clinic-sarasiab/residents`]: [],
      [`POST ${base}/calendar/weekly`]: () => jsonResponse([{}, {}, {}, {}], 201),
      [`POST ${base}/calendar/slots`]: () => jsonResponse({}, 201),
    });
    renderAt('/clinics/calendar');
    await screen.findByTestId('slot-form');
    fireEvent.change(screen.getByTestId('slot-weekday'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('slot-submit'));
    expect((await screen.findByTestId('slot-form-added')).textContent).toBe('4 slots added to the calendar.');
    const [[, weekly]] = calls(fetchMock, 'POST', `${base}/calendar/weekly`) as [[unknown, RequestInit]];
    expect(JSON.parse(String(weekly.body))).toEqual({
      clinicId: 'clinic-sarasiab',
      kind: 'tvto-counselling',
      weekday: 1,
      startTime: '09:00',
      durationMinutes: 240,
      capacity: 5,
      weeks: 4,
    });

    fireEvent.change(screen.getByTestId('slot-kind'), { target: { value: 'guild-meeting' } });
    fireEvent.click(screen.getByTestId('slot-submit'));
    expect(await screen.findByText('Fill in the day, time, duration and capacity.')).toBeTruthy();
    expect(calls(fetchMock, 'POST', `${base}/calendar/slots`)).toHaveLength(0);
    fireEvent.change(screen.getByTestId('slot-day'), { target: { value: '2026-04-01' } });
    fireEvent.change(screen.getByTestId('slot-capacity'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('slot-submit'));
    expect(await screen.findByText('Fill in the day, time, duration and capacity.')).toBeTruthy();
    expect(calls(fetchMock, 'POST', `${base}/calendar/slots`)).toHaveLength(0);
    fireEvent.change(screen.getByTestId('slot-capacity'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('slot-start'), { target: { value: '16:00' } });
    fireEvent.click(screen.getByTestId('slot-submit'));
    await waitFor(() => expect(calls(fetchMock, 'POST', `${base}/calendar/slots`)).toHaveLength(1));
    const [[, single]] = calls(fetchMock, 'POST', `${base}/calendar/slots`) as [[unknown, RequestInit]];
    const sent = JSON.parse(String(single.body));
    expect(sent).toEqual({
      clinicId: 'clinic-sarasiab',
      kind: 'guild-meeting',
      startsAt: localIso('2026-04-01', '16:00'),
      durationMinutes: 240,
      capacity: 5,
    });
    expect(new Date(sent.startsAt).toISOString()).toBe('2026-04-01T12:30:00.000Z');
  });

  it('starts weeks on Saturday', () => {
    expect(weekStart('2026-03-21')).toBe('2026-03-21');
    expect(weekStart('2026-03-27')).toBe('2026-03-21');
    expect(weekStart('2026-03-28')).toBe('2026-03-28');
  });
});

describe('resident timeline', () => {
  it('sits on the resident’s page for their own clinic’s staff, with a refer button for that resident', async () => {
    kit({
      [`GET ${base}/residents/${residentId}`]: {
        id: residentId,
        householdId: 'h1',
        clinicId: 'clinic-sarasiab',
        neighbourhoodId: 'nbh-sarasiab',
        relation: 'head',
        birthYear: 1360,
        registeredAt: '2026-03-01T08:00:00Z',
        personal: null,
      },
      [`GET ${base}/residents/${residentId}/consents`]: [],
      [`GET ${base}/residents/${residentId}/access-log`]: [],
      [`GET ${base}/residents/${residentId}/timeline`]: [
        {
          kind: 'referral.made',
          at: '2026-03-20T08:00:00Z',
          agency: 'vocational-training',
          agencyName: tvto,
          title: name('دوره', 'Tailoring course'),
          subject: { type: 'referral', id: 'r1', trackingCode: 'K7QM-3XWA' },
          detail: {},
        },
      ],
      [`GET ${base}/catalogue`]: [],
    });
    const own = fakeAuth({ roles: ['clinic-worker'], claims: { clinicIds: ['clinic-sarasiab'], neighbourhoodIds: ['nbh-sarasiab'] } });
    renderWithKit(
      <MemoryRouter initialEntries={[`/clinics/residents/${residentId}`]}>
        <Routes>
          <Route path="/clinics/*" element={<App basePath="/clinics" />} />
        </Routes>
      </MemoryRouter>,
      { auth: own, locale: 'en' },
    );
    expect((await screen.findByTestId('timeline-referral.made')).textContent).toContain('Referred to Technical & Vocational Training');
    fireEvent.click(screen.getByTestId('resident-refer'));
    const form = await screen.findByTestId('refer-form');
    expect(within(form).queryByTestId('refer-resident')).toBeNull();
  });

  it('is not shown to another clinic’s worker', async () => {
    kit({
      [`GET ${base}/residents/${residentId}`]: {
        id: residentId,
        householdId: 'h1',
        clinicId: 'clinic-sarasiab',
        neighbourhoodId: 'nbh-sarasiab',
        relation: 'head',
        birthYear: 1360,
        registeredAt: '2026-03-01T08:00:00Z',
        personal: null,
      },
      [`GET ${base}/residents/${residentId}/consents`]: [],
    });
    renderWithKit(
      <MemoryRouter initialEntries={[`/clinics/residents/${residentId}`]}>
        <Routes>
          <Route path="/clinics/*" element={<App basePath="/clinics" />} />
        </Routes>
      </MemoryRouter>,
      { auth: fakeAuth({ roles: ['clinic-worker'], claims: { clinicIds: ['clinic-motahari'], neighbourhoodIds: [] } }), locale: 'en' },
    );
    await screen.findByTestId('resident-personal');
    expect(screen.queryByTestId('resident-timeline')).toBeNull();
    expect(screen.queryByTestId('resident-refer')).toBeNull();
  });

  it('lists each step in words, newest first as the API orders them, and tolerates kinds it does not know', async () => {
    const entries: TimelineEntry[] = [
      {
        kind: 'referral.completed',
        at: '2026-03-25T08:00:00Z',
        agency: 'vocational-training',
        agencyName: tvto,
        title: name('دوره', 'Tailoring course'),
        subject: { type: 'referral', id: 'r1', trackingCode: 'K7QM-3XWA' },
        detail: { outcome: 'achieved' },
      },
      {
        kind: 'referral.declined',
        at: '2026-03-22T08:00:00Z',
        agency: 'welfare',
        agencyName: name('بهزیستی', 'Welfare'),
        title: name('پرونده', 'Social case'),
        subject: { type: 'referral', id: 'r2' },
        detail: { reason: 'duplicate-benefit' },
      },
      {
        kind: 'permit.issued',
        at: '2026-03-21T08:00:00Z',
        agency: 'welfare',
        agencyName: name('بهزیستی', 'Welfare'),
        title: name('مجوز', 'Permit'),
        subject: { type: 'permit', id: 'e1' },
        detail: {},
      },
    ];
    stubFetch({ [`GET ${base}/residents/${residentId}/timeline`]: entries });
    renderWithKit(<ResidentTimeline residentId={residentId} />, { locale: 'en' });
    expect((await screen.findByTestId('timeline-referral.completed')).textContent).toContain('Technical & Vocational Training completed');
    expect(screen.getByTestId('timeline-referral.completed').textContent).toContain('Outcome: achieved');
    expect(screen.getByTestId('timeline-referral.completed').textContent).toContain('Code K7QM-3XWA');
    expect(screen.getByTestId('timeline-referral.declined').textContent).toContain('Already receives this support');
    expect(screen.getByTestId('timeline-permit.issued').textContent).toContain('Welfare event');
  });

  const journey: TimelineEntry[] = [
    {
      kind: 'support.disbursed',
      at: '2026-04-12T08:00:00Z',
      agency: 'relief-partnerships',
      agencyName: name('کمیته امداد', 'Relief Committee'),
      title: name('وام خرد کسب‌وکار خانگی', 'Home-business micro-loan'),
      scope: 'resident',
      subject: { type: 'support-request', id: 's1' },
      detail: { amountRials: '50000000' },
    },
    {
      kind: 'support.decided',
      at: '2026-04-10T08:00:00Z',
      agency: 'relief-partnerships',
      agencyName: name('کمیته امداد', 'Relief Committee'),
      title: name('وام خرد کسب‌وکار خانگی', 'Home-business micro-loan'),
      scope: 'resident',
      subject: { type: 'support-request', id: 's1' },
      detail: { decision: 'approved', amountRials: '50000000' },
    },
    {
      kind: 'eligibility.flagged',
      at: '2026-04-01T08:00:00Z',
      agency: 'welfare',
      agencyName: name('بهزیستی', 'Welfare'),
      title: name('صلاحیت خانوار برای حمایت', 'The household’s eligibility for support'),
      scope: 'household',
      subject: { type: 'eligibility', id: 'f1' },
      detail: { validUntil: '2027-03-20' },
    },
    {
      kind: 'enrolment.completed',
      at: '2026-03-30T08:00:00Z',
      agency: 'vocational-training',
      agencyName: tvto,
      title: name('خیاطی خانگی', 'Home tailoring'),
      place: name('کلینیک سرآسیاب', 'Sar Asiab clinic'),
      scope: 'resident',
      subject: { type: 'enrolment', id: 'n1', trackingCode: 'K7QM-3XWA' },
      detail: { trade: 'tailoring', result: 'passed', certificateNo: 'TVTO-1405-0042' },
    },
    {
      kind: 'enrolment.recorded',
      at: '2026-03-01T08:00:00Z',
      agency: 'vocational-training',
      agencyName: tvto,
      title: name('خیاطی خانگی', 'Home tailoring'),
      place: name('کلینیک سرآسیاب', 'Sar Asiab clinic'),
      scope: 'resident',
      subject: { type: 'enrolment', id: 'n1', trackingCode: 'K7QM-3XWA' },
      detail: { trade: 'tailoring' },
    },
  ];

  it('tells the agencies’ outcomes in words: the course and its venue, the result, the loan and its amount, the household’s eligibility', async () => {
    stubFetch({ [`GET ${base}/residents/${residentId}/timeline`]: journey });
    renderWithKit(<ResidentTimeline residentId={residentId} />, { locale: 'en' });
    const enrolled = (await screen.findByTestId('timeline-enrolment.recorded')).textContent;
    expect(enrolled).toContain('Enrolled on a course of Technical & Vocational Training — Home tailoring');
    expect(enrolled).toContain('at Sar Asiab clinic');
    expect(enrolled).toContain('Code K7QM-3XWA');
    expect(screen.getByTestId('timeline-enrolment.completed').textContent).toContain('passed · certificate TVTO-1405-0042');
    expect(screen.getByTestId('timeline-support.decided').textContent).toContain(
      'Relief Committee decided the support request — Home-business micro-loan',
    );
    expect(screen.getByTestId('timeline-support.decided').textContent).toContain('approved · 50,000,000 rials');
    expect(screen.getByTestId('timeline-support.disbursed').textContent).toContain('Relief Committee paid the support');
    const eligibility = screen.getByTestId('timeline-eligibility.flagged').textContent;
    expect(eligibility).toContain('Welfare confirmed the household’s eligibility');
    expect(eligibility).toContain('valid until 20 Mar 2027');
    expect(eligibility).toContain('for the household');
    expect(screen.getAllByRole('listitem').map((li) => li.getAttribute('data-testid'))).toEqual([
      'timeline-support.disbursed',
      'timeline-support.decided',
      'timeline-eligibility.flagged',
      'timeline-enrolment.completed',
      'timeline-enrolment.recorded',
    ]);
  });

  it('says it in Persian with Persian digits by default', async () => {
    stubFetch({ [`GET ${base}/residents/${residentId}/timeline`]: journey });
    renderWithKit(<ResidentTimeline residentId={residentId} />);
    expect((await screen.findByTestId('timeline-support.decided')).textContent).toContain('تصویب شد · ۵۰٬۰۰۰٬۰۰۰ ریال');
    expect(screen.getByTestId('timeline-enrolment.completed').textContent).toContain('پایان دوره فنی و حرفه‌ای');
    expect(screen.getByTestId('timeline-enrolment.completed').textContent).toContain('قبول');
  });
});
