import { today as day } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { createEnvelope, routingKeyOf, schemaFor } from '@hamgam/contracts';
import { eventsExchange } from '@hamgam/service-kit';
import { connect } from 'amqplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from '../support/browser.js';
import { call, shellUrl } from '../support/stack.js';
import { tag } from '../support/people.js';

// The institute-funding officer in the shell: awards an application with a tranche plan, sees the first
// tranche become releasable once TVTO's enrolments arrive through the broker, releases it, and finds the
// ledger balanced; an auditor sees the same award without any action.
const run = tag();
const instituteId = `inst-e2e-${run}`;
const officer = 'fund.officer';

/** An institute, an open call and its application under review, through the API. */
async function applicationUnderReview() {
  expect(
    (
      await call('institute-funding', '/api/v1/institutes', {
        as: officer,
        body: {
          instituteId,
          name: { fa: `آموزشگاه آزمون ${run}`, en: `E2E institute ${run}` },
          licenceNo: 'KRM-E2E-0001',
          licenceValidUntil: day(365),
          neighbourhoodId: 'nbh-sarasiab',
          address: 'سرآسیاب',
          trades: ['tailoring'],
        },
      })
    ).status,
  ).toBe(201);
  const opened = await call('institute-funding', '/api/v1/calls', {
    as: officer,
    body: {
      title: { fa: `فراخوان مرورگر ${run}`, en: `Browser call ${run}` },
      budgetRials: 3_000_000_000,
      neighbourhoodIds: ['nbh-sarasiab'],
      trades: ['tailoring'],
      opensOn: day(-1),
      closesOn: day(30),
    },
  });
  const applied = await call('institute-funding', '/api/v1/applications', {
    as: officer,
    body: { callId: opened.body.callId, instituteId, trades: ['tailoring'], proposedSeats: 4, amountRequestedRials: 2_000_000_000 },
  });
  await call('institute-funding', `/api/v1/applications/${applied.body.applicationId}/review`, { as: officer, body: {} });
  return { callId: opened.body.callId as string, applicationId: applied.body.applicationId as string };
}

/** TVTO enrols residents of Sar Asiab on a course at the institute (events on the real broker). */
async function enrolAtTheInstitute(count: number) {
  const connection = await connect(process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
  try {
    const channel = await connection.createConfirmChannel();
    for (let i = 0; i < count; i++) {
      const data = {
        enrolmentId: randomUUID(),
        courseId: `${instituteId}-tailoring`,
        trade: 'tailoring',
        venue: { kind: 'private-institute', id: instituteId },
        residentRef: randomUUID(),
        householdRef: randomUUID(),
        neighbourhoodId: 'nbh-sarasiab',
        referralId: null,
        enrolledAt: new Date().toISOString(),
      };
      schemaFor('vocational-training.enrolment.recorded', 1)!.parse(data);
      const envelope = createEnvelope({
        type: 'vocational-training.enrolment.recorded',
        version: 1,
        source: 'vocational-training',
        data,
        actor: { subject: 'e2e', agency: 'vocational-training' },
        correlationId: `e2e-${run}`,
      });
      channel.publish(eventsExchange, routingKeyOf(envelope), Buffer.from(JSON.stringify(envelope)), {
        persistent: true,
        messageId: envelope.id,
        contentType: 'application/json',
      });
    }
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}

let browser: Browser;
let awardId: string;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the institute-funding module in the shell', () => {
  it('awards with a tranche plan, releases the tranche TVTO’s enrolments verified, and shows the ledger balanced', async () => {
    const { callId, applicationId } = await applicationUnderReview();
    awardId = applicationId;
    const page = await signIn(browser, officer);
    await page.goto(`${shellUrl}/institute-funding/calls`);
    await page.getByTestId(`if-call-show-${callId}`).click();
    await page.getByTestId(`if-award-${applicationId}`).click();
    await page.getByTestId('if-award-amount').fill('1800000000');
    // The default plan for 4 seats: 30 % on 3 enrolments, 40 % on 2 passes, 30 % on 3 passes.
    expect(await page.getByTestId('if-award-atleast-1').inputValue()).toBe('3');
    await screenshot(page, 'institute-funding-01-award');
    await page.getByTestId('if-award-submit').click();
    await page.getByTestId(`if-application-state-${applicationId}`).getByText('حمایت شده').waitFor();

    await page.getByTestId('if-nav-awards').click();
    await page.getByTestId(`if-award-${awardId}`).waitFor();
    expect(await page.getByTestId(`if-tranche-state-${awardId}-1`).textContent()).toBe('در انتظار');
    expect(await page.getByTestId(`if-release-${awardId}-1`).count()).toBe(0);

    await enrolAtTheInstitute(3);
    const release = page.getByTestId(`if-release-${awardId}-1`);
    for (let attempt = 0; attempt < 40 && (await release.count()) === 0; attempt++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByTestId(`if-award-${awardId}`).waitFor();
    }
    expect(await page.getByTestId(`if-award-verified-${awardId}`).textContent()).toContain('۳ ثبت‌نام');
    await screenshot(page, 'institute-funding-02-releasable');
    await release.click();
    await page.getByTestId(`if-pay-${awardId}-1`).waitFor();
    expect(await page.getByTestId(`if-tranche-state-${awardId}-1`).textContent()).toBe('آزاد شده');

    await page.getByTestId('if-nav-ledger').click();
    await page.getByTestId('if-ledger-balanced').waitFor();
    expect(await page.getByTestId('if-ledger-balanced').textContent()).toBe('تراز است');
    expect(await page.getByTestId(`if-position-payable-${callId}`).textContent()).toBe('۵۴۰٬۰۰۰٬۰۰۰');
    await screenshot(page, 'institute-funding-03-ledger');
    await page.context().close();
  });

  it('shows an auditor the awards without any action', async () => {
    const page = await signIn(browser, 'auditor');
    await page.goto(`${shellUrl}/institute-funding/awards`);
    await page.getByTestId(`if-award-${awardId}`).waitFor();
    expect(await page.locator('[data-testid^="if-release-"], [data-testid^="if-pay-"], [data-testid^="if-cancel-"]').count()).toBe(0);
    await page.context().close();
  });
});
