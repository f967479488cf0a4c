import { fireEvent, screen } from '@testing-library/react';
import { createQueryClient, type QueryClient } from '@hamgam/ui-kit';
import { jsonResponse, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { PublicRoutes } from './PublicApp';
import { isPublicPath } from './publicPaths';
import { normaliseCode, type TrackingView } from './TrackPage';

const accepted: TrackingView = {
  code: 'K7QM-3XWA',
  status: 'accepted',
  statusLabel: { fa: 'پذیرفته‌شده', en: 'Accepted' },
  nextStep: { fa: 'به کلینیک سرآسیاب مراجعه کنید؛ شنبه‌ها ۹ تا ۱۲.', en: 'Attend Sar Asiab clinic; Saturdays 9–12.' },
  lastUpdate: '2026-03-21',
};

function renderTrack(path: string, locale: 'fa' | 'en' = 'fa', queryClient?: QueryClient) {
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <PublicRoutes />
    </MemoryRouter>,
    { locale, queryClient },
  );
}

describe('public tracking page', () => {
  it('is public: only /track and /track/<code> skip sign-in', () => {
    expect(isPublicPath('/track')).toBe(true);
    expect(isPublicPath('/track/K7QM-3XWA')).toBe(true);
    expect(isPublicPath('/tracker')).toBe(false);
    expect(isPublicPath('/clinics/track')).toBe(false);
  });

  it('accepts codes typed in lower case, with Persian digits or without the dash', () => {
    expect(normaliseCode('k7qm3xwa')).toBe('K7QM-3XWA');
    expect(normaliseCode('K7QM-۳XWA')).toBe('K7QM-3XWA');
    expect(normaliseCode('K0QM-3XWA')).toBeNull();
    expect(normaliseCode('short')).toBeNull();
  });

  it('shows status, next step and the Jalali date in Persian, without a token, and switches to English', async () => {
    const fetchMock = stubFetch({ 'GET /api/clinics/v1/tracking/K7QM-3XWA': accepted });
    renderTrack('/track/K7QM-3XWA');
    expect((await screen.findByTestId('track-status')).textContent).toBe('پذیرفته‌شده');
    expect(screen.getByTestId('track-next-step').textContent).toContain('کلینیک سرآسیاب');
    expect(screen.getByTestId('track-last-update').textContent).toBe('۱ فروردین ۱۴۰۵');
    expect(document.documentElement.dir).toBe('rtl');
    const [, init] = fetchMock.mock.calls[0]!;
    expect(new Headers(init?.headers).has('Authorization')).toBe(false);
    fireEvent.click(screen.getByTestId('locale-switch'));
    expect(screen.getByTestId('track-status').textContent).toBe('Accepted');
    expect(screen.getByTestId('track-next-step').textContent).toBe('Attend Sar Asiab clinic; Saturdays 9–12.');
    expect(screen.getByTestId('track-last-update').textContent).toBe('21 Mar 2026');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('looks a typed code up and says so when it is unknown', async () => {
    stubFetch({ 'GET /api/clinics/v1/tracking/K7QM-3XWA': accepted });
    renderTrack('/track', 'en');
    fireEvent.change(screen.getByTestId('track-code'), { target: { value: 'zzzz-zzzz' } });
    fireEvent.click(screen.getByTestId('track-submit'));
    expect((await screen.findByTestId('track-error')).textContent).toBe('No request has this code. Please check it again.');
    fireEvent.change(screen.getByTestId('track-code'), { target: { value: 'k7qm 3xwa' } });
    fireEvent.click(screen.getByTestId('track-submit'));
    expect((await screen.findByTestId('track-status')).textContent).toBe('Accepted');
  });

  it('refuses a malformed code before asking, and explains a rate limit', async () => {
    const fetchMock = stubFetch({
      'GET /api/clinics/v1/tracking/AAAA-AAAA': () =>
        jsonResponse({ title: 'Too Many Requests', status: 429 }, 429, 'application/problem+json'),
    });
    renderTrack('/track', 'en');
    fireEvent.change(screen.getByTestId('track-code'), { target: { value: 'O1' } });
    fireEvent.click(screen.getByTestId('track-submit'));
    expect(screen.getByText('A tracking code is eight letters and digits, like K7QM-3XWA')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('track-code'), { target: { value: 'AAAA-AAAA' } });
    fireEvent.click(screen.getByTestId('track-submit'));
    expect((await screen.findByTestId('track-error')).textContent).toBe('Too many look-ups. Please try again in a minute.');
  });
});

describe('public tracking of a workshop permit application', () => {
  it('asks TVTO for a code the clinics do not know, without a token, and shows the application’s status', async () => {
    const fetchMock = stubFetch({
      'GET /api/vocational-training/v1/permits/tracking/W7RK-3PMA': {
        code: 'W7RK-3PMA',
        status: 'documents-complete',
        statusLabel: { fa: 'مدارک کامل', en: 'Documents complete' },
        nextStep: { fa: 'بازرس برای بازدید از کارگاه با شما تماس می‌گیرد.', en: 'An inspector will contact you to visit the workshop.' },
        lastUpdate: '2026-11-20',
      },
    });
    renderTrack('/track/W7RK-3PMA', 'en');
    expect((await screen.findByTestId('track-status')).textContent).toBe('Documents complete');
    expect(screen.getByTestId('track-next-step').textContent).toContain('inspector');
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls).toEqual(['/api/clinics/v1/tracking/W7RK-3PMA', '/api/vocational-training/v1/permits/tracking/W7RK-3PMA']);
    for (const [, init] of fetchMock.mock.calls) expect(new Headers(init?.headers).has('Authorization')).toBe(false);
  });

  it('stops at the clinics’ answer when it is not a 404 (a rate limit is not passed on to TVTO)', async () => {
    const fetchMock = stubFetch({
      'GET /api/clinics/v1/tracking/AAAA-AAAA': () =>
        jsonResponse({ title: 'Too Many Requests', status: 429 }, 429, 'application/problem+json'),
    });
    // The page's own cache settings, which retry a failed network call: a refusal is shown at once and not asked again.
    renderTrack('/track/AAAA-AAAA', 'en', createQueryClient());
    expect((await screen.findByTestId('track-error')).textContent).toBe('Too many look-ups. Please try again in a minute.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
