import { today as day } from '@hamgam/contracts/days';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, typedDay } from '../support/browser.js';
import { call, catalogueEntry, eventually, findInPages, shellUrl } from '../support/stack.js';
import { nationalId } from '../support/people.js';
import { tag } from '../support/people.js';

// TVTO staff work their desk in the shell: answer a clinic's referral, see the offer's places follow,
// declare a commitment; the clinic sees the answer.

/** A fresh TVTO offer with 5 places and a clinic's referral to it, arrived at the desk. */
async function referralAtTheDesk() {
  const offerId = `tvto-desk-${tag()}`;
  const title = { fa: `دوره قالی‌بافی ${tag()}`, en: 'Carpet weaving course' };
  const offer = await call('vocational-training', '/api/v1/desk/offers', {
    as: 'tvto.staff',
    body: {
      offerId,
      kind: 'course',
      title,
      eligibility: { fa: 'همه', en: 'Everyone' },
      answers: ['skills-training'],
      neighbourhoodIds: [],
      place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
      schedule: { fa: 'دوشنبه‌ها', en: 'Mondays' },
      startsOn: day(10),
      endsOn: day(70),
      capacity: 5,
      available: 5,
      status: 'open',
    },
  });
  expect(offer.status).toBe(201);
  await eventually(() => catalogueEntry(offerId, 'vocational-training'), 20_000, 'offer in the catalogue');
  const household = await call('clinics', '/api/v1/households', {
    as: 'clinic.worker',
    body: { clinicId: 'clinic-sarasiab', fileNumber: `E2E-${tag().slice(0, 6)}` },
  });
  const resident = await call('clinics', `/api/v1/households/${household.body.id}/residents`, {
    as: 'clinic.worker',
    body: { nationalId: nationalId(), fullName: 'مریم افشار', phone: '09130002233', relation: 'head', birthYear: 1368 },
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
  return { offerId, referralId: referral.body.id as string, trackingCode: referral.body.trackingCode as string };
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the TVTO desk in the shell', () => {
  it('accepts a referral, shows the offer one place fuller, declares a commitment; the clinic sees the acceptance', async () => {
    const { offerId, referralId, trackingCode } = await referralAtTheDesk();
    const page = await signIn(browser, 'tvto.staff');
    await page.goto(`${shellUrl}/vocational-training`);
    const row = page.getByTestId(`desk-referral-${referralId}`);
    await row.waitFor();
    expect(await page.getByTestId(`desk-referral-code-${referralId}`).textContent()).toBe(trackingCode);
    expect(await row.textContent()).not.toContain('مریم'); // no personal data reaches the agency
    await page.getByTestId(`desk-accept-${referralId}`).click();
    await page.getByTestId(`desk-complete-by-${referralId}`).fill(typedDay(day(60)));
    await screenshot(page, 'desk-01-accept');
    await page.getByTestId(`desk-confirm-${referralId}`).click();
    await page.getByTestId(`desk-complete-${referralId}`).waitFor();
    expect(await page.getByTestId(`desk-referral-state-${referralId}`).textContent()).toBe('پذیرفته');

    await page.getByTestId('desk-nav-offers').click();
    await page.getByTestId(`desk-offer-places-${offerId}`).waitFor();
    expect(await page.getByTestId(`desk-offer-places-${offerId}`).textContent()).toBe('۴ از ۵');
    await screenshot(page, 'desk-02-offers');

    await page.getByTestId('desk-nav-commitments').click();
    await page.getByTestId('desk-declare-form').waitFor();
    const title = `کارگاه آموزشی مشاغل خانگی ${tag()}`;
    // The neighbourhood is chosen by its name among the programme's (none typed as a slug).
    await page.getByTestId('desk-declare-neighbourhood').selectOption({ label: 'مطهری' });
    await page.getByTestId('desk-declare-title').fill(title);
    await page.getByTestId('desk-declare-due').fill(typedDay(day(40)));
    await page.getByTestId('desk-declare-submit').click();
    await page.getByText(title).waitFor();
    await screenshot(page, 'desk-03-commitments');

    await eventually(
      async () => ((await call('clinics', `/api/v1/tracking/${trackingCode}`)).body.status === 'accepted' ? true : undefined),
      20_000,
      'accepted at the clinic',
    );
    const declared = await findInPages<{ title: string; commitmentId: string }>(
      'vocational-training',
      '/api/v1/desk/commitments',
      { as: 'tvto.staff' },
      (c) => c.title === title,
    );
    expect(declared).toMatchObject({ status: 'planned', source: 'agency', neighbourhoodId: 'nbh-motahari' });
    // The list names the commitment's neighbourhood, never its slug.
    expect(await page.getByTestId(`desk-commitment-where-${declared!.commitmentId}`).textContent()).toBe('مطهری');
    await page.context().close();
  });

  it('shows an auditor the desk without any action', async () => {
    const page = await signIn(browser, 'auditor');
    await page.goto(`${shellUrl}/vocational-training`);
    await page.getByTestId('desk-referrals-table').waitFor();
    expect(await page.locator('[data-testid^="desk-accept-"]').count()).toBe(0);
    await page.getByTestId('desk-nav-commitments').click();
    await page.getByTestId('desk-commitments-table').waitFor();
    expect(await page.getByTestId('desk-declare-form').count()).toBe(0);
    await page.context().close();
  });
});
