import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from '../support/browser.js';
import { call, shellUrl } from '../support/stack.js';

// A welfare case worker works a case in the shell: assessment, a flag, a goal with a task, a visit; the
// coordinator sees only the numbers.
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the welfare module in the shell', () => {
  it('lets the case worker assess a household, confirm a flag and plan, from their caseload', async () => {
    const opened = await call('welfare', '/api/v1/cases', {
      as: 'welfare.officer',
      body: { householdRef: randomUUID(), neighbourhoodId: 'nbh-sarasiab' },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const fileNumber = opened.body.fileNumber as string;
    expect(fileNumber).toMatch(/^WF-/);

    const page = await signIn(browser, 'welfare.officer');
    await page.goto(`${shellUrl}/welfare`);
    await page.getByTestId('welfare-nav-cases').click();
    // The worker finds the case by its file number (the caseload is searched and paged), named by it, not by an id.
    await page.getByTestId('welfare-caseload-controls-search').fill(fileNumber);
    await page.getByTestId(`welfare-case-file-${caseId}`).waitFor();
    expect(await page.getByTestId(`welfare-case-file-${caseId}`).textContent()).toBe(fileNumber);
    await page.getByTestId(`welfare-case-link-${caseId}`).click();
    await page.getByTestId('welfare-assessment-form').waitFor();
    expect(await page.getByTestId('welfare-case-state').textContent()).toBe('گشوده');

    await page.getByTestId('welfare-assess-income').selectOption({ label: 'بدون درآمد' });
    await page.getByTestId('welfare-assess-months').fill('۱۸');
    await page.getByTestId('welfare-assess-housing').selectOption({ label: 'پرجمعیت' });
    await page.getByTestId('welfare-assess-female-headed').check();
    await page.getByTestId('welfare-assess-members').fill('4');
    await page.getByTestId('welfare-assess-dependants').fill('3');
    await page.getByTestId('welfare-assess-earners').fill('0');
    await page.getByTestId('welfare-assess-submit').click();
    await page.getByTestId('welfare-assessment-level').waitFor();
    expect(await page.getByTestId('welfare-assessment-level').textContent()).toBe('آسیب‌پذیری زیاد');
    expect(await page.getByTestId('welfare-case-state').textContent()).toBe('ارزیابی‌شده');

    await page.getByTestId('welfare-flag-select').selectOption({ label: 'کم‌درآمد' });
    await page.getByTestId('welfare-flag-submit').click();
    await page.locator('[data-testid^="welfare-flag-status-"]').first().waitFor();
    expect(await page.locator('[data-testid^="welfare-flag-status-"]').first().textContent()).toBe('فعال');

    await page.getByTestId('welfare-goal-text').fill('درآمد پایدار برای خانوار');
    await page.getByTestId('welfare-goal-submit').click();
    await page.locator('[data-testid^="welfare-goal-met-"]').first().waitFor();
    expect(await page.getByTestId('welfare-case-state').textContent()).toBe('دارای برنامه');
    await page.getByTestId('welfare-visit-notes').fill('بازدید منزل؛ معرفی به دوره خیاطی');
    await page.getByTestId('welfare-visit-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="welfare-case-state"]')?.textContent === 'در پیگیری');
    await screenshot(page, 'welfare-01-case');

    const stored = await call('welfare', `/api/v1/cases/${caseId}`, { as: 'welfare.officer' });
    expect(stored.body).toMatchObject({ state: 'in-follow-up', level: 'high', activeFlags: ['low-income'] });
    expect(stored.body.assessment.answers.income).toEqual({ level: 'no-income', mainEarnerMonthsUnemployed: 18 });
    await page.context().close();
  });

  it('lets the case worker find and work a case on a phone, the menu behind its button and the caseload as cards', async () => {
    const opened = await call('welfare', '/api/v1/cases', {
      as: 'welfare.officer',
      body: { householdRef: randomUUID(), neighbourhoodId: 'nbh-motahari' },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const fileNumber = opened.body.fileNumber as string;

    const page = await signIn(browser, 'welfare.officer', { width: 390, height: 844 });
    expect(await page.getByTestId('nav-welfare').isVisible()).toBe(false);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-welfare').click();
    await page.getByTestId('welfare-nav-cases').click();
    await page.getByTestId('welfare-caseload-controls-search').fill(fileNumber);
    const row = page.getByTestId(`welfare-case-row-${caseId}`);
    await row.waitFor();
    // A card names the case by file number and its neighbourhood by name, never the slug.
    expect(await row.textContent()).toContain(fileNumber);
    expect(await row.textContent()).toContain('مطهری');
    expect(await row.textContent()).not.toContain('nbh-');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, 'welfare-03-phone-caseload');

    await page.getByTestId(`welfare-case-link-${caseId}`).click();
    await page.getByTestId('welfare-assessment-form').waitFor();
    expect(await page.getByTestId('welfare-case-state').textContent()).toBe('گشوده');
    // The household's assessment, answered on the phone.
    await page.getByTestId('welfare-assess-income').selectOption({ label: 'بدون درآمد' });
    await page.getByTestId('welfare-assess-months').fill('۶');
    await page.getByTestId('welfare-assess-housing').selectOption({ label: 'پرجمعیت' });
    await page.getByTestId('welfare-assess-members').fill('۵');
    await page.getByTestId('welfare-assess-dependants').fill('۳');
    await page.getByTestId('welfare-assess-earners').fill('۰');
    await page.getByTestId('welfare-assess-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="welfare-case-state"]')?.textContent === 'ارزیابی‌شده');
    const stored = await call('welfare', `/api/v1/cases/${caseId}`, { as: 'welfare.officer' });
    expect(stored.body).toMatchObject({ state: 'assessed' });
    expect(stored.body.assessment.answers.income).toEqual({ level: 'no-income', mainEarnerMonthsUnemployed: 6 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, 'welfare-04-phone-case');
    await page.context().close();
  });

  it('shows the coordinator the casework in numbers, and no caseload', async () => {
    const page = await signIn(browser, 'coordinator');
    await page.goto(`${shellUrl}/welfare/summary`);
    await page.getByTestId('welfare-summary-table').waitFor();
    expect(await page.getByTestId('welfare-nav-cases').count()).toBe(0);
    expect(await page.getByTestId('welfare-summary-total').textContent()).toMatch(/[۰-۹]/);
    await screenshot(page, 'welfare-02-summary');
    await page.context().close();
  });
});
