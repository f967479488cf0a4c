import { today as day } from '@hamgam/contracts/days';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { call, catalogueEntry, eventually, shellUrl } from '../support/stack.js';
import { nationalId } from '../support/people.js';
import { tag } from '../support/people.js';

// A resident follows their referral on the shell's public page, without an account.

/** A referral made by clinic.worker to a fresh TVTO offer, accepted by TVTO: its tracking code. */
async function acceptedReferral(): Promise<string> {
  const offerId = `tvto-track-${tag(8)}`;
  const offer = await call('vocational-training', '/api/v1/desk/offers', {
    as: 'tvto.staff',
    body: {
      offerId,
      kind: 'counselling',
      title: { fa: 'مشاوره شغلی', en: 'Career counselling' },
      eligibility: { fa: 'همه', en: 'Everyone' },
      answers: ['employment'],
      neighbourhoodIds: [],
      place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
      schedule: { fa: 'شنبه‌ها ساعت ۱۰', en: 'Saturdays at 10' },
      startsOn: null,
      endsOn: null,
      capacity: 5,
      available: 5,
      status: 'open',
    },
  });
  expect(offer.status).toBe(201);
  await eventually(() => catalogueEntry(offerId, 'vocational-training'), 20_000, 'offer in the catalogue');
  const household = await call('clinics', '/api/v1/households', {
    as: 'clinic.worker',
    body: { clinicId: 'clinic-sarasiab', fileNumber: `E2E-${tag(6)}` },
  });
  const resident = await call('clinics', `/api/v1/households/${household.body.id}/residents`, {
    as: 'clinic.worker',
    body: { nationalId: nationalId(), fullName: 'زهرا کرمانی', phone: '09130001122', relation: 'head', birthYear: 1370 },
  });
  await call('clinics', `/api/v1/residents/${resident.body.id}/consents`, {
    as: 'clinic.worker',
    body: { purpose: 'referral', agency: 'vocational-training', expiresOn: day(365) },
  });
  const referral = await call('clinics', '/api/v1/referrals', { as: 'clinic.worker', body: { residentId: resident.body.id, offerId } });
  expect(referral.status).toBe(201);
  await eventually(
    async () =>
      (await call('vocational-training', '/api/v1/desk/referrals', { as: 'tvto.staff' })).body.find(
        (r: { referralId: string }) => r.referralId === referral.body.id,
      ),
    20_000,
    'referral at the desk',
  );
  expect(
    (
      await call('vocational-training', `/api/v1/desk/referrals/${referral.body.id}/accept`, {
        as: 'tvto.staff',
        body: { completeBy: day(30) },
      })
    ).status,
  ).toBe(200);
  await eventually(
    async () => ((await call('clinics', `/api/v1/tracking/${referral.body.trackingCode}`)).body.status === 'accepted' ? true : undefined),
    20_000,
    'accepted at the clinic',
  );
  return referral.body.trackingCode;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('public tracking page', () => {
  it('shows a resident, without signing in, the status and next step in Persian, then in English', async () => {
    const code = await acceptedReferral();
    const page = await (await browser.newContext({ viewport: { width: 900, height: 800 } })).newPage();
    await page.goto(`${shellUrl}/track`);
    await page.getByTestId('track-page').waitFor();
    expect(page.url()).toBe(`${shellUrl}/track`); // no redirect to Keycloak
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('track-code').fill(code.toLowerCase());
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-status').waitFor();
    expect(await page.getByTestId('track-status').textContent()).toBe('پذیرفته‌شده');
    expect(await page.getByTestId('track-next-step').textContent()).toContain('کلینیک سرآسیاب');
    expect(await page.getByTestId('track-last-update').textContent()).toMatch(/[۰-۹]/);
    await screenshot(page, 'public-tracking-fa');
    await page.getByTestId('locale-switch').click();
    expect(await page.getByTestId('track-next-step').textContent()).toBe('Attend Sar Asiab clinic; Saturdays at 10.');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(page.url()).toBe(`${shellUrl}/track/${code}`);

    await page.goto(`${shellUrl}/track/ZZZZ-ZZZZ`);
    await page.getByTestId('track-error').waitFor();
  });
});
