import { today as day } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { createEnvelope } from '@hamgam/contracts';
import { connect, type ChannelModel } from 'amqplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, typedDay } from '../support/browser.js';
import { confirm, newTrackingCode, pickReference } from '../support/pickers.js';
import { call, eventually, shellUrl } from '../support/stack.js';
import { tag } from '../support/people.js';

// The Relief Committee's officer in the shell: a resident a clinic referred to relief, whom TVTO certified
// (and welfare flagged) — all heard through the broker — is offered as a candidate; the officer submits a micro-loan request, sees the
// eligibility, approves, disburses and records the first repayment. Then Basij's liaison starts a project.
const amqpUrl = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

let browser: Browser;
let broker: ChannelModel;

beforeAll(async () => {
  browser = await launchBrowser();
  broker = await connect(amqpUrl);
});

afterAll(async () => {
  await browser?.close();
  await broker?.close();
});

async function publish(type: string, source: string, data: unknown) {
  const channel = await broker.createConfirmChannel();
  const envelope = createEnvelope({
    type,
    version: 1,
    source,
    data,
    actor: { subject: 'browser-test', agency: source },
    correlationId: `browser-relief-${randomUUID()}`,
  });
  channel.publish('hamgam.events', `${type}.v1`, Buffer.from(JSON.stringify(envelope)), {
    persistent: true,
    messageId: envelope.id,
    contentType: 'application/json',
  });
  await channel.waitForConfirms();
  await channel.close();
}

describe('the relief-partnerships module in the shell', () => {
  it('takes a certified, flagged resident from request to approved, disbursed and repaying micro-loan', async () => {
    const residentRef = randomUUID();
    const householdRef = randomUUID();
    await publish('vocational-training.enrolment.completed', 'vocational-training', {
      enrolmentId: randomUUID(),
      courseId: 'browser-home-tailoring',
      trade: 'tailoring',
      venue: { kind: 'clinic', id: 'clinic-sarasiab' },
      residentRef,
      householdRef,
      neighbourhoodId: 'nbh-sarasiab',
      referralId: null,
      result: 'passed',
      certificateNo: 'TVTO-BR-0001',
      completedAt: new Date().toISOString(),
    });
    await publish('welfare.eligibility.flagged', 'welfare', {
      flagId: randomUUID(),
      householdRef,
      flag: 'female-headed-household',
      validUntil: day(200),
      flaggedAt: new Date().toISOString(),
    });
    // Money goes only to a household a clinic referred to relief: the clinic's referral names them.
    const referralId = randomUUID();
    const trackingCode = newTrackingCode();
    await publish('clinics.referral.made', 'clinics', {
      referralId,
      trackingCode,
      agency: 'relief-partnerships',
      offerId: 'relief-browser-home-loan',
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      residentRef,
      householdRef,
      needCategory: 'income-support',
      respondBy: day(7),
      madeAt: new Date().toISOString(),
    });
    await eventually(
      async () => {
        const res = await call('relief-partnerships', '/api/v1/desk/referrals', { as: 'relief.officer' });
        return res.body.find((r: { referralId: string }) => r.referralId === referralId);
      },
      20_000,
      'the clinic’s referral at the relief desk',
    );
    await eventually(
      async () => {
        const res = await call('relief-partnerships', '/api/v1/support-candidates', { as: 'relief.officer' });
        return res.body.find((c: { residentRef: string; eligibleToday: boolean }) => c.residentRef === residentRef && c.eligibleToday);
      },
      20_000,
      'the certified resident as an eligible candidate',
    );

    const page = await signIn(browser, 'relief.officer');
    await page.goto(`${shellUrl}/relief`);
    await page.getByTestId('relief-nav-support').click();
    // The officer finds the person by the tracking code the resident shows; the box names the code, never an id.
    await pickReference(page, 'support-person', trackingCode);
    expect(await page.getByTestId('support-person-input').inputValue()).toContain(trackingCode);
    await page.getByTestId('support-amount').fill('۲۰۰۰۰۰۰۰۰');
    await page.getByTestId('support-plan').fill('خیاطی خانگی: چرخ صنعتی و پارچه');
    await page.getByTestId('support-submit').click();

    await page.getByTestId('support-facts').waitFor();
    expect(await page.getByTestId('support-eligible-today').textContent()).toBe('امروز واجد شرایط است');
    expect(await page.getByTestId('support-page-status').textContent()).toBe('واجد شرایط');
    expect(await page.getByTestId('support-certificate').textContent()).toContain('TVTO-BR-0001');
    // The trade by its name, and the people behind the request never by their ids.
    expect(await page.getByTestId('support-certificate').textContent()).toContain('خیاطی');
    const shown = await page.locator('body').innerText();
    expect(shown).not.toContain(residentRef);
    expect(shown).not.toContain(householdRef);
    await screenshot(page, 'relief-01-request');

    await page.getByTestId('support-approve-months').fill('12');
    await page.getByTestId('support-approve-grace').fill('1');
    await page.getByTestId('support-approve').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="support-page-status"]')?.textContent === 'تصویب‌شده');
    await confirm(page, 'support-disburse');
    await page.getByTestId('support-schedule').waitFor();
    expect(await page.getByTestId('support-page-status').textContent()).toBe('پرداخت‌شده');
    expect(await page.getByTestId('support-instalments').locator('tbody tr').count()).toBe(12);
    // 4 % a year for a year on 200,000,000 rials: 208,000,000 to repay, shown with Persian digits.
    expect(await page.getByTestId('support-outstanding').textContent()).toContain('۲۰۸٬۰۰۰٬۰۰۰');

    await page.getByTestId('support-repay').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="support-page-status"]')?.textContent === 'در حال بازپرداخت');
    expect(await page.getByTestId('support-repayments').locator('li').count()).toBe(1);
    await screenshot(page, 'relief-02-loan');

    const requests = await call('relief-partnerships', '/api/v1/support-requests', { as: 'auditor' });
    const stored = requests.body.find((r: { residentRef: string }) => r.residentRef === residentRef);
    expect(stored).toMatchObject({
      state: 'repaying',
      householdRef,
      decision: { amountRials: 200_000_000, terms: { months: 12, graceMonths: 1, feePercent: 4 } },
    });
    expect(stored.arrears.paidRials).toBe(stored.schedule.instalments[0].amountRials);
  });

  it('lets Basij’s liaison start a project and mark its first milestone done; the relief officer cannot', async () => {
    const title = `کارگاه آزمون ${tag(6)}`;
    const page = await signIn(browser, 'basij.liaison');
    await page.goto(`${shellUrl}/relief/projects`);
    await page.getByTestId('project-title').fill(title);
    await page.getByTestId('project-neighbourhood').selectOption({ label: 'مطهری' });
    await page.getByTestId('project-volunteers').fill('۷');
    await page.getByTestId('project-skills').fill('بنایی، برق‌کاری');
    await page.getByTestId('project-scope').fill('آماده‌سازی فضای کارگاه');
    await page.getByTestId('project-milestone').fill('تخریب و پاک‌سازی');
    await page.getByTestId('project-milestone-due').fill(typedDay(day(14)));
    await page.getByTestId('project-create').click();
    const card = page.locator('section[data-testid^="project-"]', { hasText: title });
    await card.waitFor();
    // The project names its neighbourhood, never the slug behind it.
    expect(await card.textContent()).toContain('مطهری');
    expect(await card.textContent()).not.toContain('nbh-');
    await card.locator('[data-testid^="milestone-done-"]').click();
    await card.getByText('در حال اجرا').waitFor();
    await screenshot(page, 'relief-03-project');

    const officer = await signIn(browser, 'relief.officer');
    await officer.goto(`${shellUrl}/relief/projects`);
    await officer.getByTestId('permits-awaiting').waitFor();
    expect(await officer.getByTestId('project-form').count()).toBe(0);
  });
});
