import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App';
import type { Referral } from './api';

const base = '/api/clinics/v1';
const name = (fa: string, en: string) => ({ fa, en });
const id = 'aaaaaaaa-0000-4000-8000-000000000001';
const residentId = '11111111-2222-4333-8444-555555555555';
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/;

const referral: Referral = {
  id,
  trackingCode: 'K7QM-3XWA',
  agency: 'vocational-training',
  agencyName: name('فنی و حرفه‌ای', 'Technical & Vocational Training'),
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
  resident: { fullName: 'زهرا احمدی', fileNumber: 'SAR-0001' },
};

function kit() {
  return stubFetch({
    [`GET ${base}/clinics`]: [{ id: 'clinic-sarasiab', name: name('کلینیک سرآسیاب', 'Sar Asiab clinic'), neighbourhoodId: 'nbh-sarasiab' }],
    [`GET ${base}/referrals/summary`]: [{ clinicId: 'clinic-sarasiab', open: 1, overdue: 0, byState: {} }],
    [`GET ${base}/referrals`]: [referral],
    [`GET ${base}/referrals/${id}`]: referral,
  });
}

function renderAt(path: string, locale: 'fa' | 'en' = 'fa') {
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/clinics/*" element={<App basePath="/clinics" />} />
      </Routes>
    </MemoryRouter>,
    {
      auth: fakeAuth({ roles: ['clinic-worker'], claims: { clinicIds: ['clinic-sarasiab'], neighbourhoodIds: ['nbh-sarasiab'] } }),
      locale,
    },
  );
}

afterEach(() => vi.restoreAllMocks());

describe('the clinic’s referrals list', () => {
  it('names the resident (their name and file number), never an id, and sends the search to the service', async () => {
    const fetchMock = kit();
    renderAt('/clinics/referrals', 'en');
    const row = await screen.findByTestId('referral-K7QM-3XWA');
    expect(screen.getByTestId('referral-K7QM-3XWA-resident').textContent).toBe('زهرا احمدی — file SAR-0001');
    expect(row.textContent).not.toMatch(uuid);
    expect(row.textContent).not.toContain(residentId.slice(0, 8));
    fireEvent.change(screen.getByTestId('list-controls-search'), { target: { value: 'k7qm-3xwa' } });
    fireEvent.keyDown(screen.getByTestId('list-controls-search'), { key: 'Enter' });
    fireEvent.change(screen.getByTestId('list-controls-sort'), { target: { value: 'respond-by' } });
    await waitFor(() => {
      const last = new URL(String(fetchMock.mock.calls.filter(([u]) => String(u).includes('/referrals?')).at(-1)![0]), 'http://x');
      expect([last.searchParams.get('q'), last.searchParams.get('sort'), last.searchParams.get('clinicId')]).toEqual([
        'k7qm-3xwa',
        'respond-by',
        'clinic-sarasiab',
      ]);
    });
    expect(screen.getByTestId('slip-K7QM-3XWA').getAttribute('href')).toBe(`/clinics/referrals/${id}/slip`);
  });
});

describe('the printable referral slip', () => {
  it('gives the tracking code, the agency, the next step and a QR code of the public tracking page, in Persian', async () => {
    kit();
    renderAt(`/clinics/referrals/${id}/slip`);
    const slip = await screen.findByTestId('referral-slip');
    expect(screen.getByTestId('slip-code').textContent).toBe('K7QM-3XWA');
    expect(screen.getByTestId('slip-agency').textContent).toBe('فنی و حرفه‌ای');
    expect(screen.getByTestId('slip-resident').textContent).toBe('زهرا احمدی — پرونده SAR-0001');
    expect(screen.getByTestId('slip-next').textContent).toContain('فنی و حرفه‌ای تا');
    expect(screen.getByTestId('slip-next').textContent).toMatch(/۱۴۰۵/);
    const url = `${window.location.origin}/track/K7QM-3XWA`;
    expect(screen.getByTestId('slip-url').textContent).toBe(url);
    const qr = slip.querySelector('svg');
    expect(qr).not.toBeNull();
    expect(qr!.querySelector('title')?.textContent).toBe(url);
    expect(slip.textContent).not.toMatch(uuid);
    // Paper shows the slip alone.
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).toContain('@media print');
    expect(css).toMatch(/\.clinics-slip, \.clinics-slip \* \{ visibility: visible/);
  });

  it('prints with the «چاپ» button', async () => {
    kit();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderAt(`/clinics/referrals/${id}/slip`);
    const button = await screen.findByTestId('slip-print');
    expect(button.textContent).toBe('چاپ');
    fireEvent.click(button);
    expect(print).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});
