import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, jsonResponse, renderWithKit, stubFetch, type FakeRoute } from '@hamgam/ui-kit/testing';
import { describe, expect, it, vi } from 'vitest';
import type { AccessEntry, AuditedAgency } from './accessLog';
import { AuditPage } from './AuditPage';
import { referenceCode } from './referenceCode';

const entry = (agency: AuditedAgency, id: string, at: string, extra: Partial<AccessEntry> = {}): AccessEntry => ({
  id,
  at,
  agency,
  actor: 'clinic.worker1',
  actorRoles: ['clinic-worker'],
  action: 'read',
  recordKind: 'resident',
  recordId: `rec-${id}`,
  subject: `res-${id}`,
  purpose: 'referral',
  purposeSource: 'consent',
  ...extra,
});

/** One page of a log route, with the next page's cursor when there is one. */
const page = (items: AccessEntry[], next?: string) =>
  new Response(JSON.stringify(items), { headers: { 'Content-Type': 'application/json', ...(next ? { 'X-Next-Cursor': next } : {}) } });

const logRoute = (agency: AuditedAgency) => `GET /api/${agency}/v1/access-log`;
/** Answers each call to a route with the next of `pages`. */
const pages = (...answers: Response[]): FakeRoute => {
  let call = 0;
  return () => answers[Math.min(call++, answers.length - 1)]!.clone();
};

function renderAudit(routes: Record<string, FakeRoute>, locale: 'fa' | 'en' = 'fa') {
  const fetchMock = stubFetch({
    [logRoute('clinics')]: [],
    [logRoute('welfare')]: [],
    [logRoute('vocational-training')]: [],
    [logRoute('relief-partnerships')]: [],
    [logRoute('institute-funding')]: [],
    ...routes,
  });
  renderWithKit(<AuditPage />, { locale, auth: fakeAuth({ roles: ['auditor'] }) });
  return fetchMock;
}

const calls = (fetchMock: ReturnType<typeof stubFetch>, path: string) =>
  fetchMock.mock.calls.map(([url, init]) => ({ url: new URL(String(url), 'http://x'), init })).filter(({ url }) => url.pathname === path);

const rowIds = () => screen.getAllByTestId(/^audit-row-/).map((row) => row.dataset.testid);

describe('the auditor’s access-log page', () => {
  it('merges the five services’ logs newest first, in Persian with Jalali times and translated codes; coordination, holding no personal data, is not asked', async () => {
    const fetchMock = renderAudit({
      [logRoute('clinics')]: page([entry('clinics', 'c1', '2026-03-21T10:00:00Z'), entry('clinics', 'c2', '2026-03-21T08:00:00Z')]),
      [logRoute('welfare')]: page([
        entry('welfare', 'w1', '2026-03-21T09:00:00Z', {
          recordKind: 'case',
          action: 'update',
          purpose: 'case-work',
          purposeSource: 'route',
          actorRoles: ['welfare-officer'],
        }),
      ]),
      [logRoute('relief-partnerships')]: page([entry('relief-partnerships', 'r1', '2026-03-21T11:00:00Z')]),
      [logRoute('institute-funding')]: page([
        entry('institute-funding', 'f1', '2026-03-21T08:30:00Z', {
          recordKind: 'award',
          action: 'decide',
          purpose: 'institute-funding',
          purposeSource: 'route',
          actor: 'fund.officer',
          actorRoles: ['fund-officer'],
        }),
      ]),
    });
    await waitFor(() =>
      expect(rowIds()).toEqual([
        'audit-row-relief-partnerships-r1',
        'audit-row-clinics-c1',
        'audit-row-welfare-w1',
        'audit-row-institute-funding-f1',
        'audit-row-clinics-c2',
      ]),
    );
    const welfareRow = screen.getByTestId('audit-row-welfare-w1').textContent!;
    // 09:00Z is 12:30 in Tehran, on 1 Farvardin 1405.
    expect(welfareRow).toContain('۱۲:۳۰');
    expect(welfareRow).toContain('۱۴۰۵');
    expect(welfareRow).toContain('پرونده مددکاری');
    expect(welfareRow).toContain('تغییر');
    expect(welfareRow).toContain('مددکاری (وظیفه سازمان)');
    expect(welfareRow).toContain('کارشناس بهزیستی');
    const fundRow = screen.getByTestId('audit-row-institute-funding-f1').textContent!;
    for (const text of [
      'حمایت از آموزشگاه‌ها',
      'حمایت مالی آموزشگاه',
      'تصمیم',
      'حمایت مالی از آموزشگاه در برابر نتایج تأییدشده (وظیفه سازمان)',
      'کارشناس حمایت مالی آموزشگاه‌ها',
    ]) {
      expect(fundRow).toContain(text);
    }
    for (const agency of ['clinics', 'welfare', 'vocational-training', 'relief-partnerships', 'institute-funding']) {
      const [call] = calls(fetchMock, `/api/${agency}/v1/access-log`);
      expect(call!.url.search).toBe('?limit=50');
      expect(new Headers(call!.init?.headers).get('Authorization')).toBe('Bearer test-token');
    }
    expect(calls(fetchMock, '/api/coordination/v1/access-log')).toHaveLength(0);
    expect(screen.queryByTestId('audit-agency-coordination')).toBeNull();
    expect(screen.queryByTestId('audit-load-more')).toBeNull();
  });

  it('holds back entries a service with more pages may still outrank, and “load more” advances only the cursors that have pages', async () => {
    const fetchMock = renderAudit(
      {
        [logRoute('clinics')]: pages(
          page([entry('clinics', 'c1', '2026-03-21T10:00:00Z'), entry('clinics', 'c2', '2026-03-21T09:00:00Z')], 'cursor-c'),
          page([entry('clinics', 'c3', '2026-03-21T08:00:00Z')]),
        ),
        [logRoute('welfare')]: page([entry('welfare', 'w1', '2026-03-21T09:30:00Z'), entry('welfare', 'w2', '2026-03-21T06:00:00Z')]),
      },
      'en',
    );
    await waitFor(() => expect(rowIds()).toEqual(['audit-row-clinics-c1', 'audit-row-welfare-w1', 'audit-row-clinics-c2']));
    fireEvent.click(screen.getByTestId('audit-load-more'));
    await waitFor(() =>
      expect(rowIds()).toEqual([
        'audit-row-clinics-c1',
        'audit-row-welfare-w1',
        'audit-row-clinics-c2',
        'audit-row-clinics-c3',
        'audit-row-welfare-w2',
      ]),
    );
    expect(calls(fetchMock, '/api/clinics/v1/access-log').map(({ url }) => url.searchParams.get('after'))).toEqual([null, 'cursor-c']);
    expect(calls(fetchMock, '/api/welfare/v1/access-log')).toHaveLength(1);
    expect(screen.queryByTestId('audit-load-more')).toBeNull();
  });

  it('reads the logs anew on a second search with the same filters, from the first page: every view adds entries', async () => {
    const fetchMock = renderAudit(
      {
        [logRoute('clinics')]: pages(
          page([entry('clinics', 'c1', '2026-03-21T10:00:00Z')]),
          page([entry('clinics', 'c2', '2026-03-21T11:00:00Z')]),
        ),
      },
      'en',
    );
    await waitFor(() => expect(rowIds()).toEqual(['audit-row-clinics-c1']));
    fireEvent.click(screen.getByTestId('audit-search'));
    await waitFor(() => expect(rowIds()).toEqual(['audit-row-clinics-c2']));
    expect(calls(fetchMock, '/api/clinics/v1/access-log').map(({ url }) => url.searchParams.get('after'))).toEqual([null, null]);
  });

  it('sends the person, user and days to every chosen service and asks none of the others', async () => {
    const fetchMock = renderAudit({});
    await screen.findByTestId('audit-table');
    fireEvent.change(screen.getByTestId('audit-person'), { target: { value: ' hh-۱۲ ' } });
    fireEvent.change(screen.getByTestId('audit-user'), { target: { value: 'welfare.officer' } });
    // Typed as a worker in fa types them: Jalali days (2026-03-01 and 2026-03-31).
    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '۱۴۰۴/۱۲/۱۰' } });
    fireEvent.change(screen.getByTestId('audit-to'), { target: { value: '۱۴۰۵/۰۱/۱۱' } });
    fireEvent.click(screen.getByTestId('audit-agency-relief-partnerships'));
    fetchMock.mockClear();
    fireEvent.click(screen.getByTestId('audit-search'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(4));
    for (const agency of ['clinics', 'welfare', 'vocational-training', 'institute-funding']) {
      const [call] = calls(fetchMock, `/api/${agency}/v1/access-log`);
      expect(Object.fromEntries(call!.url.searchParams)).toEqual({
        limit: '50',
        person: 'hh-12',
        user: 'welfare.officer',
        from: '2026-03-01',
        to: '2026-03-31',
      });
    }
    expect(calls(fetchMock, '/api/relief-partnerships/v1/access-log')).toHaveLength(0);
    expect(screen.queryByTestId('audit-export-relief-partnerships')).toBeNull();
  });

  it('names records and people by a code, never their ids, and follows one person by a click or by the code typed', async () => {
    const subject = '628a85f9-d206-4e16-9532-fc0d02e0a569';
    const fetchMock = renderAudit({
      [logRoute('clinics')]: page([entry('clinics', 'c1', '2026-03-21T10:00:00Z', { subject, recordId: subject })]),
    });
    const table = await screen.findByTestId('audit-table');
    await waitFor(() => expect(table.textContent).toContain(referenceCode(subject)));
    expect(table.textContent).not.toMatch(/628a85f9/);
    fetchMock.mockClear();
    fireEvent.click(screen.getByTestId('audit-follow-person'));
    await waitFor(() => expect(calls(fetchMock, '/api/welfare/v1/access-log')).toHaveLength(1));
    expect(calls(fetchMock, '/api/welfare/v1/access-log')[0]!.url.searchParams.get('person')).toBe(subject);
    expect((screen.getByTestId('audit-person') as HTMLInputElement).value).toBe(referenceCode(subject));
    fetchMock.mockClear();
    fireEvent.change(screen.getByTestId('audit-person'), { target: { value: referenceCode(subject).toLowerCase().replace('-', '') } });
    fireEvent.click(screen.getByTestId('audit-search'));
    await waitFor(() => expect(calls(fetchMock, '/api/clinics/v1/access-log')).toHaveLength(1));
    expect(calls(fetchMock, '/api/clinics/v1/access-log')[0]!.url.searchParams.get('person')).toBe(subject);
  });

  it('refuses days in the wrong order before asking anyone', async () => {
    const fetchMock = renderAudit({}, 'en');
    await screen.findByTestId('audit-table');
    fetchMock.mockClear();
    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByTestId('audit-to'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByTestId('audit-search'));
    expect(screen.getByText('The first day is after the last.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('exports one agency’s log with the token and the search’s filters and saves the CSV', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const fetchMock = renderAudit(
      {
        'GET /api/welfare/v1/access-log/export': new Response('\uFEFFat,agency\r\n', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="access-log-welfare.csv"' },
        }),
      },
      'en',
    );
    await screen.findByTestId('audit-table');
    fireEvent.change(screen.getByTestId('audit-person'), { target: { value: 'hh-12' } });
    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByTestId('audit-search'));
    fireEvent.click(screen.getByTestId('audit-export-welfare'));
    expect((await screen.findByTestId('audit-export-done-welfare')).textContent).toBe('access-log-welfare.csv is saved.');
    const [call] = calls(fetchMock, '/api/welfare/v1/access-log/export');
    expect(Object.fromEntries(call!.url.searchParams)).toEqual({ person: 'hh-12', from: '2026-03-01' });
    expect(new Headers(call!.init?.headers).get('Authorization')).toBe('Bearer test-token');
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
  });

  it('says in Persian to narrow the days when an export is too large, never the service’s English', async () => {
    renderAudit({
      'GET /api/clinics/v1/access-log/export': jsonResponse(
        {
          title: 'Bad Request',
          status: 400,
          detail: 'more than 10000 entries match: narrow the days, the person or the user',
          code: 'access-log-export-too-large',
        },
        400,
        'application/problem+json',
      ),
    });
    await screen.findByTestId('audit-table');
    fireEvent.click(screen.getByTestId('audit-export-clinics'));
    const line = (await screen.findByTestId('audit-export-error-clinics')).textContent!;
    expect(line).toBe(
      'کلینیک‌های مددکاری: بیش از ۱۰٬۰۰۰ مورد با این جست‌وجو جور است. بازه روزها را کوتاه‌تر کنید یا شخص یا کاربر را مشخص کنید.',
    );
    expect(line).not.toMatch(/[A-Za-z]/);
  });

  it('shows a failed service’s own error line, translated, and the other services’ entries', async () => {
    renderAudit({
      [logRoute('welfare')]: jsonResponse(
        { title: 'Service Unavailable', status: 503, code: 'store-unavailable' },
        503,
        'application/problem+json',
      ),
      [logRoute('vocational-training')]: jsonResponse(
        { title: 'Bad Request', status: 400, code: 'access-log-range-invalid' },
        400,
        'application/problem+json',
      ),
      [logRoute('clinics')]: page([entry('clinics', 'c1', '2026-03-21T10:00:00Z')], 'more'),
    });
    expect((await screen.findByTestId('audit-error-welfare')).textContent).toBe(
      'بهزیستی: این سرویس اکنون در دسترس نیست. بقیه نشان داده شده‌اند.',
    );
    expect(screen.getByTestId('audit-error-vocational-training').textContent).toBe('آموزش فنی و حرفه‌ای: روز آغاز پس از روز پایان است.');
    expect(rowIds()).toEqual(['audit-row-clinics-c1']);
    expect(screen.queryByTestId('audit-error-clinics')).toBeNull();
  });
});
