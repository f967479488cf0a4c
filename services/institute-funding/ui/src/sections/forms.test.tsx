import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App';
import type { FundingCall } from '../api';
import { api, institute } from './fixtures';
import { messages } from '../messages';

// The fund's forms as an officer fills them (issue 10): references picked by name, amounts grouped as typed,
// each refusal in the officer's language under the field at fault; no slug or id on screen.
const fa = messages.fa;
const references = {
  [`GET ${api}/desk/places`]: {
    neighbourhoods: [
      { neighbourhoodId: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } },
      { neighbourhoodId: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' } },
    ],
    clinics: [],
  },
  [`GET ${api}/desk/trades`]: [
    { tradeId: 'tailoring', name: { fa: 'خیاطی', en: 'Tailoring' } },
    { tradeId: 'welding', name: { fa: 'جوشکاری', en: 'Welding' } },
  ],
};
const call: FundingCall = {
  callId: '1b8c4c8e-2a7e-4a43-9d55-3c4f1d2b9a11',
  title: { fa: 'فراخوان ۱۴۰۵', en: 'Call 1405' },
  budgetRials: 5_000_000_000,
  neighbourhoodIds: ['nbh-sarasiab'],
  trades: ['welding'],
  opensOn: '2026-11-01',
  closesOn: '2026-12-01',
  status: 'closed',
  awardedRials: 0,
  availableRials: 5_000_000_000,
  createdAt: '2026-11-01T08:00:00.000Z',
};
const problem = (status: number, body: object) => jsonResponse({ title: 'Refused', status, ...body }, status, 'application/problem+json');

const render = (path: string) =>
  renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles: ['fund-officer'] }) },
  );

afterEach(() => vi.unstubAllGlobals());

describe('the new call form', () => {
  it('picks neighbourhoods and trades by name, groups the budget as typed, and shows each refusal under its field in Persian', async () => {
    const sent: Record<string, unknown>[] = [];
    const answers = [
      problem(400, { detail: 'The request does not match the schema.', errors: [{ path: 'title.fa', message: 'Too small' }] }),
      problem(422, { code: 'neighbourhood-unknown', field: 'neighbourhoodIds', detail: 'no neighbourhood x in the programme' }),
      jsonResponse({ ...call, callId: 'c-2' }, 201),
    ];
    stubFetch({
      ...references,
      [`GET ${api}/calls`]: [call],
      [`GET ${api}/institutes`]: [],
      [`GET ${api}/applications`]: [],
      [`POST ${api}/calls`]: (body: Record<string, unknown>) => (sent.push(body), answers.shift()!),
    });
    render('/m/calls');
    // The calls table names the neighbourhoods; the slugs never show.
    expect((await screen.findByTestId(`if-call-${call.callId}`)).textContent).toContain('سرآسیاب');
    const form = await screen.findByTestId('if-call-form');
    await within(form).findByText('جوشکاری');
    fireEvent.change(screen.getByTestId('if-call-en'), { target: { value: 'Call 1406' } });
    fireEvent.change(screen.getByTestId('if-call-budget'), { target: { value: '۲۵۰۰۰۰۰۰۰۰' } });
    expect((screen.getByTestId('if-call-budget') as HTMLInputElement).value).toBe('۲٬۵۰۰٬۰۰۰٬۰۰۰');
    fireEvent.click(screen.getByTestId('if-call-nbhs-nbh-fajr'));
    fireEvent.click(screen.getByTestId('if-call-trades-welding'));
    // The Persian title is left empty: its sentence under it, nothing sent.
    fireEvent.click(screen.getByTestId('if-call-submit'));
    expect(await within(screen.getByTestId('if-call-fa').closest('.hg-field')! as HTMLElement).findByText(fa['if.required'])).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(screen.getByTestId('if-call-fa'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('if-call-submit'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      title: { fa: 'x', en: 'Call 1406' },
      budgetRials: 2_500_000_000,
      neighbourhoodIds: ['nbh-fajr'],
      trades: ['welding'],
      opensOn: expect.any(String),
      closesOn: expect.any(String),
    });
    // A schema error names its field: the sentence sits under the title, in Persian, not the service's English.
    const titleError = await screen.findAllByText(fa['if.invalidField']);
    expect(titleError.length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toContain('does not match the schema');
    fireEvent.change(screen.getByTestId('if-call-fa'), { target: { value: 'فراخوان ۱۴۰۶' } });
    fireEvent.click(screen.getByTestId('if-call-submit'));
    // A broken rule with a field: its sentence under the neighbourhoods, nothing in English.
    const nbhs = screen.getByTestId('if-call-nbhs').closest('.hg-field')!;
    await waitFor(() => expect(nbhs.textContent).toContain(fa['if.problem.neighbourhood-unknown']));
    expect(document.body.textContent).not.toContain('no neighbourhood x');
    fireEvent.click(screen.getByTestId('if-call-submit'));
    await waitFor(() => expect(sent).toHaveLength(3));
    for (const slug of ['nbh-sarasiab', 'nbh-fajr', 'welding']) expect(document.body.textContent).not.toContain(slug);
  });
});

describe('the institute form', () => {
  it('asks for no id, picks the neighbourhood by name and ticks trades', async () => {
    const sent: Record<string, unknown>[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/institutes`]: [],
      [`POST ${api}/institutes`]: (body: Record<string, unknown>) => (sent.push(body), jsonResponse({}, 201)),
    });
    render('/m/institutes');
    await screen.findByTestId('if-institute-form');
    expect(screen.queryByTestId('if-institute-id')).toBeNull();
    fireEvent.change(screen.getByTestId('if-institute-fa'), { target: { value: 'آموزشگاه نو' } });
    fireEvent.change(screen.getByTestId('if-institute-en'), { target: { value: 'New institute' } });
    fireEvent.change(screen.getByTestId('if-institute-licence'), { target: { value: 'krm-1403-0001' } });
    fireEvent.change(screen.getByTestId('if-institute-address'), { target: { value: 'فجر، کوچه ۲' } });
    fireEvent.change(screen.getByTestId('if-institute-nbh-input'), { target: { value: 'فج' } });
    fireEvent.click((await screen.findAllByTestId('if-institute-nbh-option')).find((o) => o.textContent === 'فجر')!);
    fireEvent.click(await screen.findByTestId('if-institute-trades-tailoring'));
    fireEvent.click(screen.getByTestId('if-institute-submit'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ neighbourhoodId: 'nbh-fajr', trades: ['tailoring'], licenceNo: 'KRM-1403-0001' });
    expect(sent[0]).not.toHaveProperty('instituteId');
  });
  it('says what is missing under each empty field, in Persian, and sends nothing', async () => {
    const fetchMock = stubFetch({ ...references, [`GET ${api}/institutes`]: [] });
    render('/m/institutes');
    await screen.findByTestId('if-institute-form');
    fireEvent.change(screen.getByTestId('if-institute-fa'), { target: { value: 'آموزشگاه نو' } });
    fireEvent.click(screen.getByTestId('if-institute-submit'));
    // English name, licence, neighbourhood, address and trades are missing: a sentence under each.
    await waitFor(() => expect(screen.getAllByText(fa['if.required'])).toHaveLength(5));
    expect(screen.getByTestId('if-institute-trades').closest('.hg-field')!.textContent).toContain(fa['if.required']);
    expect(fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST')).toHaveLength(0);
  });
});

describe('the institutes list', () => {
  it('names each institute without its id, and asks the API for a name and neighbourhood, a page at a time', async () => {
    const fetchMock = stubFetch({
      ...references,
      [`GET ${api}/institutes`]: [institute],
    });
    render('/m/institutes');
    const row = await screen.findByTestId('if-institute-inst-negin');
    await waitFor(() => expect(row.textContent).toContain('سرآسیاب'));
    expect(row.textContent).toContain('خیاطی');
    for (const slug of ['inst-negin', 'nbh-sarasiab', 'tailoring']) expect(document.body.textContent).not.toContain(slug);
    fireEvent.change(screen.getByTestId('if-institutes-controls-search'), { target: { value: 'نگين' } });
    fireEvent.keyDown(screen.getByTestId('if-institutes-controls-search'), { key: 'Enter' });
    fireEvent.change(screen.getByTestId('if-institutes-nbh'), { target: { value: 'nbh-fajr' } });
    await waitFor(() => {
      const last = new URL(String(fetchMock.mock.calls.filter(([url]) => String(url).includes('/institutes?')).at(-1)![0]), 'http://x');
      expect(Object.fromEntries(last.searchParams)).toEqual({ limit: '20', q: 'نگین', neighbourhoodId: 'nbh-fajr', order: 'asc' });
    });
  });
});

describe('a call’s applications', () => {
  it('are filtered by state on the server, a page at a time', async () => {
    const fetchMock = stubFetch({
      ...references,
      [`GET ${api}/calls`]: [call],
      [`GET ${api}/institutes`]: [],
      [`GET ${api}/applications`]: [],
    });
    render('/m/calls');
    fireEvent.change(await screen.findByTestId('if-applications-state'), { target: { value: 'under-review' } });
    await waitFor(() => {
      const last = new URL(String(fetchMock.mock.calls.filter(([url]) => String(url).includes('/applications?')).at(-1)![0]), 'http://x');
      expect(Object.fromEntries(last.searchParams)).toEqual({ limit: '20', callId: call.callId, state: 'under-review' });
    });
  });
});

describe('the application form', () => {
  const open: FundingCall = { ...call, status: 'open' };

  it('says what is missing and sends nothing, then records the application for the picked institute', async () => {
    const sent: Record<string, unknown>[] = [];
    stubFetch({
      ...references,
      [`GET ${api}/calls`]: [open],
      [`GET ${api}/institutes`]: [{ ...institute, trades: ['welding'] }],
      [`GET ${api}/applications`]: [],
      [`POST ${api}/applications`]: (body: Record<string, unknown>) => (sent.push(body), jsonResponse({}, 201)),
    });
    render('/m/calls');
    const form = await screen.findByTestId('if-application-form');
    fireEvent.click(screen.getByTestId('if-application-submit'));
    // Trades, seats and amount are missing: a sentence under each.
    await waitFor(() => expect(within(form).getAllByText(fa['if.required'])).toHaveLength(3));
    expect(sent).toHaveLength(0);
    fireEvent.click(await within(form).findByTestId('if-application-trades-welding'));
    fireEvent.change(screen.getByTestId('if-application-seats'), { target: { value: '۱۲' } });
    fireEvent.change(screen.getByTestId('if-application-amount'), { target: { value: '۹۰۰۰۰۰۰۰۰' } });
    fireEvent.click(screen.getByTestId('if-application-submit'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      callId: call.callId,
      instituteId: 'inst-negin',
      trades: ['welding'],
      proposedSeats: 12,
      amountRequestedRials: 900_000_000,
    });
  });

  it('awards nothing while the seats are left empty', async () => {
    const sent: unknown[] = [];
    const application = {
      applicationId: 'a-1',
      callId: call.callId,
      instituteId: 'inst-negin',
      trades: ['welding'],
      proposedSeats: 10,
      amountRequestedRials: 1_000_000_000,
      state: 'under-review',
      submittedAt: '2026-11-02T08:00:00.000Z',
      decidedAt: null,
      rejectionReason: null,
      award: null,
    };
    stubFetch({
      ...references,
      [`GET ${api}/calls`]: [call],
      [`GET ${api}/institutes`]: [{ ...institute, trades: ['welding'] }],
      [`GET ${api}/applications`]: [application],
      [`POST ${api}/applications/a-1/award`]: (body: unknown) => (sent.push(body), jsonResponse({}, 201)),
    });
    render('/m/calls');
    fireEvent.click(await screen.findByTestId('if-award-a-1'));
    fireEvent.change(screen.getByTestId('if-award-seats'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('if-award-submit'));
    expect(await within(screen.getByTestId('if-award-form')).findByText(fa['if.required'])).toBeTruthy();
    expect(sent).toHaveLength(0);
  });
});
