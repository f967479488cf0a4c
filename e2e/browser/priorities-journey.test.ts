import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from '../support/browser.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const services = (...args: string[]) => execFileSync('bash', ['infra/native/services.sh', ...args], { cwd: repoRoot, encoding: 'utf8' });

let browser: Browser;
let publishedVersion = 0;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a clinic publishes priorities and the coordinator sees them', () => {
  it('lets a clinic worker record a needs assessment and publish the ranked priorities', async () => {
    const page = await signIn(browser, 'clinic.worker');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('nav-clinics').click();
    await page.getByTestId('assessment-form').waitFor();

    const household = `E2E-${randomUUID().slice(0, 6)}`;
    await page.getByTestId('household-ref').fill(household);
    await page.getByTestId('severity-workshop-space').selectOption('5');
    await page.getByTestId('severity-skills-training').selectOption('4');
    await page.getByTestId('save-assessment').click();
    await page.getByTestId(`assessment-${household}`).waitFor();
    await page.getByTestId('draft-priorities-workshop-space').waitFor();

    const meta = page.getByTestId('published-meta');
    const before = (await meta.count()) > 0 ? Number(await meta.getAttribute('data-version')) : 0;
    await page.getByTestId('publish-priorities').click();
    await page.locator(`[data-testid="published-meta"][data-version="${before + 1}"]`).waitFor();
    publishedVersion = before + 1;
    await screenshot(page, '01-clinic-published');
    await page.context().close();
  });

  it('shows the coordinator the new list on the home page, in Persian and in English', async () => {
    expect(publishedVersion).toBeGreaterThan(0);
    const page = await signIn(browser, 'coordinator');
    await page.getByTestId('coordination-home').waitFor();
    const card = page.locator(`[data-testid="nbh-version-nbh-sarasiab"][data-version="${publishedVersion}"]`);
    await card.waitFor({ timeout: 20_000 });
    await page.getByTestId('priority-nbh-sarasiab-workshop-space').waitFor();
    expect(await page.getByTestId('nbh-priorities-nbh-sarasiab').textContent()).toMatch(/[۰-۹]/);
    await screenshot(page, '02-coordinator-home-fa');

    await page.getByTestId('locale-switch').click();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.getByText('Sar Asiab').first().waitFor();
    await screenshot(page, '03-coordinator-home-en');
    await page.context().close();
  });
});

describe('a module that is down', () => {
  afterAll(() => {
    services('start', 'welfare');
  });

  it('shows a fallback card in its place while the other modules keep working', async () => {
    services('stop', 'welfare');
    const page = await signIn(browser, 'coordinator');
    await page.getByTestId('nav-welfare').click();
    await page.getByTestId('remote-fallback-welfare').waitFor({ timeout: 20_000 });
    await screenshot(page, '04-welfare-down-fallback');

    await page.getByTestId('nav-clinics').click();
    await page.getByTestId('draft-priorities').waitFor();
    await page.getByTestId('nav-vocational_training').click();
    // The TVTO module opens on its desk's referrals inbox (who-am-I is its own section now).
    await page.getByTestId('desk-referrals-table').waitFor();
    await screenshot(page, '05-other-modules-still-work');
    await page.context().close();
  });
});
