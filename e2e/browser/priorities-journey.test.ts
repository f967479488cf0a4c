import { today } from '@hamgam/contracts/days';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, typedDay } from '../support/browser.js';
import { chooseOption, pickReference } from '../support/pickers.js';
import { call } from '../support/stack.js';
import { tag } from '../support/people.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const services = (...args: string[]) => execFileSync('bash', ['infra/native/services.sh', ...args], { cwd: repoRoot, encoding: 'utf8' });

let browser: Browser;
let publishedVersion = 0;
let actionItemId = '';

/** The coordination service's test clock (TEST_CLOCK=true in the test deployment). */
const coordinationClock = (body: object) => call('coordination', '/api/v1/test-clock', { as: 'coordinator', method: 'PUT', body });

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

    const household = `E2E-${tag(6)}`;
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
    // The neighbourhood and its needs by their Persian names, numbers in Persian digits.
    expect(await page.getByTestId('nbh-priorities-nbh-sarasiab').textContent()).toMatch(/[۰-۹]/);
    expect(await page.getByTestId('nbh-priorities-nbh-sarasiab').textContent()).toContain('سرآسیاب');
    expect(await page.getByTestId('priority-nbh-sarasiab-workshop-space').textContent()).toContain('مجوز و فضای کارگاه');
    await screenshot(page, '02-coordinator-home-fa');

    await page.getByTestId('locale-switch').click();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.getByText('Sar Asiab').first().waitFor();
    await screenshot(page, '03-coordinator-home-en');
    await page.context().close();
  });
});

describe('the working group acts on the priorities, and slippage shows', () => {
  afterAll(async () => {
    await coordinationClock({ reset: true });
  });

  it('lets the coordinator hold a meeting and pass a resolution assigning an action to TVTO', async () => {
    expect(publishedVersion).toBeGreaterThan(0);
    const page = await signIn(browser, 'coordinator');
    await page.getByTestId('nav-coordination').click();
    await page.getByTestId('coordination-nav-meetings').click();
    // The neighbourhood is picked by its name (ReferencePicker), never its id.
    await pickReference(page, 'meeting-neighbourhood', 'سرآ', /سرآسیاب/);
    await page.getByTestId('meeting-date').fill(typedDay(today()));
    await page.getByTestId('meeting-title').fill(`E2E working group ${tag(4)}`);
    await page.getByTestId('meeting-agency-vocational-training').check();
    await page.getByTestId('meeting-agenda').fill('Workshop permits and home-based job training');
    await page.getByTestId('meeting-create').click();
    await page.getByTestId('resolution-form').waitFor();

    await page.getByTestId('resolution-text').fill('TVTO opens a workshop-permit desk at the Sar Asiab clinic');
    // The agency and the need it answers are chosen by their names.
    await chooseOption(page, 'action-agency-0', 'فنی و حرفه‌ای');
    await page.getByTestId('action-title-0').fill('Permit desk at the clinic, one day a week');
    await page.getByTestId('action-due-0').fill(typedDay(today(2)));
    await chooseOption(page, 'action-answers-0', 'مجوز و فضای کارگاه');
    await page.getByTestId('resolution-submit').click();
    const item = page.locator('[data-testid^="action-item-"][data-agency="vocational-training"][data-answers="workshop-space"]').first();
    await item.waitFor();
    actionItemId = (await item.getAttribute('data-testid'))!.replace('action-item-', '');
    await screenshot(page, '06-resolution-passed');

    await page.getByTestId('coordination-nav-board').click();
    await chooseOption(page, 'board-neighbourhood', 'سرآسیاب');
    await page.getByTestId('board-covered-workshop-space').waitFor();
    expect(Number(await page.getByTestId('board-cell-workshop-space-vocational-training').getAttribute('data-count'))).toBeGreaterThan(0);
    await screenshot(page, '07-board-priority-covered');
    await page.context().close();
  });

  it('flags the action overdue once its due date passes and puts it on the next meeting’s agenda', async () => {
    expect(actionItemId).not.toBe('');
    expect((await coordinationClock({ advanceDays: 5 })).status).toBe(200);
    const page = await signIn(browser, 'coordinator');
    await page.getByTestId('nav-coordination').click();
    await page.getByTestId('coordination-nav-commitments').click();
    // The list is paged by the API: narrow it to the overdue ones, latest due first (this run's item leads).
    await page.getByTestId('filter-overdue').selectOption({ label: 'فقط معوق‌ها' });
    await page.getByTestId('commitments-controls-sort').selectOption({ label: 'دورترین موعد نخست' });
    await page.locator(`[data-testid="commitment-row-${actionItemId}"][data-overdue="true"]`).waitFor();
    await screenshot(page, '08-commitment-overdue');

    await page.getByTestId('coordination-nav-meetings').click();
    // The neighbourhood is picked by its name (ReferencePicker), never its id.
    await pickReference(page, 'meeting-neighbourhood', 'سرآ', /سرآسیاب/);
    await page.getByTestId('meeting-date').fill(typedDay(today(12)));
    await page.getByTestId('meeting-title').fill('E2E next working group');
    await page.getByTestId('meeting-create').click();
    await page.getByTestId(`agenda-overdue-item-${actionItemId}`).waitFor();
    expect(await page.getByTestId('agenda-overdue').getAttribute('data-frozen')).toBe('false');
    await screenshot(page, '09-next-agenda-overdue');
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
