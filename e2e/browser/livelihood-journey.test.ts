import { today as day } from '@hamgam/contracts/days';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, typedDay } from '../support/browser.js';
import { call, catalogueEntry, eventually, findInPages, shellUrl } from '../support/stack.js';
import { nationalId } from '../support/people.js';
import { chooseOption, confirm, pickReference } from '../support/pickers.js';
import { tag } from '../support/people.js';

// Issue 5's journey across all the agencies, each step in its own module of the shell: a clinic refers a
// resident to a home-based-job course → TVTO accepts, enrols, completes → welfare confirms the household's
// eligibility → the Relief Committee sees the eligibility, approves and disburses a micro-loan → the
// institute-funding office releases the private institute's tranche on the verified completion → the
// clinic's timeline for that resident shows every step, and the coordinator's board shows TVTO's
// commitment delivered. What is not a step of the journey (the institute's award, the course, the household's
// registration and needs assessment, the welfare case, the clinic's referral of the resident to relief's loan —
// relief pays only households a clinic referred to it) is set up through the APIs with real tokens.
const suffix = tag(6);
const instituteId = `inst-lj-${suffix}`;
const courseId = `tvto-lj-home-tailoring-${suffix}`;
const courseTitle = { fa: `خیاطی خانگی ${suffix}`, en: `Home tailoring ${suffix}` };
const fullName = 'زهرا کرمانی';
const commitmentTitle = `دوره خیاطی خانگی برای ساکنان سرآسیاب ${suffix}`;
const loanRials = 50_000_000;
const loanOfferId = `relief-lj-home-loan-${suffix}`;

const jalaliYear = () => new Intl.DateTimeFormat('en-u-ca-persian', { year: 'numeric' }).format(new Date()).replace(/\D/g, '');

let browser: Browser;
const pages: Page[] = [];
let residentId = '';
let householdId = '';
let awardId = '';
let caseId = '';
let caseFileNumber = '';
let referralId = '';
let reliefReferralId = '';
let reliefTrackingCode = '';
let trackingCode = '';
let enrolmentId = '';
let commitmentId = '';
let certificateNo = '';

async function as(username: string): Promise<Page> {
  const page = await signIn(browser, username);
  pages.push(page);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();

  // The institute-funding office funds a private institute in Sar Asiab: its one tranche waits for a verified pass.
  const institute = await call('institute-funding', '/api/v1/institutes', {
    as: 'fund.officer',
    body: {
      instituteId,
      name: { fa: `آموزشگاه نگار ${suffix}`, en: `Negar institute ${suffix}` },
      licenceNo: `KRM-LJ-${suffix.toUpperCase()}`,
      licenceValidUntil: day(365),
      neighbourhoodId: 'nbh-sarasiab',
      address: 'سرآسیاب، کوچه ۱۲',
      trades: ['tailoring'],
    },
  });
  expect(institute.status).toBe(201);
  const fundingCall = await call('institute-funding', '/api/v1/calls', {
    as: 'fund.officer',
    body: {
      title: { fa: `فراخوان مشاغل خانگی ${suffix}`, en: `Home-based jobs call ${suffix}` },
      budgetRials: 1_000_000_000,
      neighbourhoodIds: ['nbh-sarasiab'],
      trades: ['tailoring'],
      opensOn: day(-1),
      closesOn: day(30),
    },
  });
  expect(fundingCall.status).toBe(201);
  const application = await call('institute-funding', '/api/v1/applications', {
    as: 'fund.officer',
    body: { callId: fundingCall.body.callId, instituteId, trades: ['tailoring'], proposedSeats: 2, amountRequestedRials: 240_000_000 },
  });
  expect(application.status).toBe(201);
  awardId = application.body.applicationId;
  expect((await call('institute-funding', `/api/v1/applications/${awardId}/review`, { as: 'fund.officer', body: {} })).status).toBe(200);
  const award = await call('institute-funding', `/api/v1/applications/${awardId}/award`, {
    as: 'fund.officer',
    body: { amountRials: 240_000_000, seats: 2, plan: [{ percent: 100, condition: { kind: 'completions', atLeast: 1 } }] },
  });
  expect(award.status).toBe(201);

  // TVTO runs the course at that institute; it reaches the clinics' catalogue as an offer.
  const course = await call('vocational-training', '/api/v1/courses', {
    as: 'tvto.staff',
    body: {
      courseId,
      title: courseTitle,
      trade: 'tailoring',
      level: 'beginner',
      hours: 60,
      sessions: 10,
      venue: { kind: 'private-institute', id: instituteId },
      venueName: { fa: `آموزشگاه نگار ${suffix}`, en: `Negar institute ${suffix}` },
      schedule: { fa: 'شنبه و دوشنبه ۹ تا ۱۲', en: 'Saturdays and Mondays 9–12' },
      startsOn: day(0),
      endsOn: day(60),
      capacity: 12,
      eligibility: { fa: 'ساکنان سرآسیاب', en: 'Sar Asiab residents' },
      neighbourhoodIds: ['nbh-sarasiab'],
    },
  });
  expect(course.status).toBe(201);
  await eventually(() => catalogueEntry(courseId, 'vocational-training'), 20_000, 'the course in the clinics’ catalogue');

  // The clinic's household: registered, its member's consent to a referral to TVTO, its needs assessed and
  // the neighbourhood's priorities published (skills training among them).
  const household = await call('clinics', '/api/v1/households', {
    as: 'clinic.worker',
    body: { clinicId: 'clinic-sarasiab', fileNumber: `LJ-${suffix}` },
  });
  expect(household.status).toBe(201);
  householdId = household.body.id;
  const resident = await call('clinics', `/api/v1/households/${householdId}/residents`, {
    as: 'clinic.worker',
    body: { nationalId: nationalId(), fullName, phone: '09131234567', relation: 'head', birthYear: 1365 },
  });
  expect(resident.status).toBe(201);
  residentId = resident.body.id;
  expect(
    (
      await call('clinics', `/api/v1/residents/${residentId}/consents`, {
        as: 'clinic.worker',
        body: { purpose: 'referral', agency: 'vocational-training', expiresOn: day(365) },
      })
    ).status,
  ).toBe(201);
  const assessed = await call('clinics', '/api/v1/assessments', {
    as: 'clinic.worker',
    body: {
      clinicId: 'clinic-sarasiab',
      neighbourhoodId: 'nbh-sarasiab',
      householdRef: householdId,
      needs: [
        { category: 'skills-training', severity: 5 },
        { category: 'employment', severity: 4 },
      ],
    },
  });
  expect(assessed.status).toBe(201);
  expect(
    (await call('clinics', '/api/v1/neighbourhoods/nbh-sarasiab/priority-lists', { as: 'clinic.worker', body: { period: jalaliYear() } }))
      .status,
  ).toBe(201);

  // The clinic has also referred the resident to relief's home-business loan (its desk has the offer).
  const loanOffer = await call('relief-partnerships', '/api/v1/desk/offers', {
    as: 'relief.officer',
    body: {
      offerId: loanOfferId,
      kind: 'micro-loan',
      title: { fa: `وام مشاغل خانگی ${suffix}`, en: `Home-business loan ${suffix}` },
      eligibility: { fa: 'دارندگان گواهی مهارت', en: 'Residents with a skills certificate' },
      answers: ['income-support'],
      neighbourhoodIds: ['nbh-sarasiab'],
      place: { fa: 'کمیته امداد', en: 'Relief Committee' },
      schedule: { fa: '۱۲ ماهه', en: '12 months' },
      startsOn: null,
      endsOn: null,
      capacity: 5,
      available: 5,
      status: 'open',
    },
  });
  expect(loanOffer.status).toBe(201);
  await eventually(() => catalogueEntry(loanOfferId, 'relief-partnerships'), 20_000, 'the loan in the clinics’ catalogue');
  expect(
    (
      await call('clinics', `/api/v1/residents/${residentId}/consents`, {
        as: 'clinic.worker',
        body: { purpose: 'referral', agency: 'relief-partnerships', expiresOn: day(365) },
      })
    ).status,
  ).toBe(201);
  const toRelief = await call('clinics', '/api/v1/referrals', {
    as: 'clinic.worker',
    body: { residentId, offerId: loanOfferId, needCategory: 'income-support' },
  });
  expect(toRelief.status).toBe(201);
  reliefReferralId = toRelief.body.id;
  reliefTrackingCode = toRelief.body.trackingCode;

  // Welfare already works with the household (a case opened directly by its case worker).
  const opened = await call('welfare', '/api/v1/cases', {
    as: 'welfare.officer',
    body: { householdRef: householdId, neighbourhoodId: 'nbh-sarasiab' },
  });
  expect(opened.status).toBe(201);
  caseId = opened.body.caseId;
  caseFileNumber = opened.body.fileNumber;
}, 120_000);

afterAll(async () => {
  for (const page of pages)
    await page
      .context()
      .close()
      .catch(() => undefined);
  await browser?.close();
});

describe('a resident’s way from a need to a working livelihood, across the agencies', () => {
  it('the clinic worker refers the resident to the home-based-job course from the resident’s page', async () => {
    const page = await as('clinic.worker');
    // The worker finds the household by its file number and opens the resident by name, not by an id in the address.
    await page.getByTestId('nav-clinics').click();
    await page.getByTestId('clinics-nav-residents').click();
    await page.getByTestId('list-controls-search').fill(`LJ-${suffix}`);
    await page.getByTestId(`open-household-LJ-${suffix}`).click();
    await page.getByTestId(`open-resident-${residentId}`).getByText(fullName).click();
    expect(await page.getByTestId('resident-full-name').textContent()).toBe(fullName);
    await page.getByTestId('resident-refer').click();
    await page.getByTestId('refer-form').waitFor();
    await page.getByTestId('refer-category').selectOption('skills-training');
    await page.getByTestId(`refer-offer-${courseId}`).waitFor();
    await page.getByTestId(`refer-submit-${courseId}`).click();
    await page.getByTestId('refer-done').waitFor();
    await screenshot(page, 'livelihood-01-referred');

    const referrals = await call('clinics', `/api/v1/referrals?residentId=${residentId}`, { as: 'clinic.worker' });
    const referral = referrals.body.find(
      (r: { residentId: string; offerId: string }) => r.residentId === residentId && r.offerId === courseId,
    );
    expect(referral).toBeDefined();
    referralId = referral.id;
    trackingCode = referral.trackingCode;
    expect(await page.getByTestId('refer-done').textContent()).toContain(trackingCode);
    await page.context().close();
  });

  it('TVTO accepts the referral at its desk and declares a commitment against Sar Asiab’s skills-training priority', async () => {
    expect(referralId).not.toBe('');
    await eventually(
      async () =>
        (await call('vocational-training', '/api/v1/desk/referrals', { as: 'tvto.staff' })).body.find(
          (r: { referralId: string }) => r.referralId === referralId,
        ),
      20_000,
      'the referral at the TVTO desk',
    );
    await eventually(
      async () => {
        const priorities = (await call('vocational-training', '/api/v1/desk/priorities', { as: 'tvto.staff' })).body as {
          neighbourhoodId: string;
          priorities: { category: string }[];
        }[];
        return priorities.find((p) => p.neighbourhoodId === 'nbh-sarasiab' && p.priorities.some((x) => x.category === 'skills-training'));
      },
      20_000,
      'Sar Asiab’s priorities at the TVTO desk',
    );

    const page = await as('tvto.staff');
    await page.goto(`${shellUrl}/vocational-training`);
    await page.getByTestId(`desk-referral-${referralId}`).waitFor();
    expect(await page.getByTestId(`desk-referral-code-${referralId}`).textContent()).toBe(trackingCode);
    expect(await page.getByTestId(`desk-referral-${referralId}`).textContent()).not.toContain(fullName);
    await page.getByTestId(`desk-accept-${referralId}`).click();
    await page.getByTestId(`desk-complete-by-${referralId}`).fill(typedDay(day(60)));
    await page.getByTestId(`desk-confirm-${referralId}`).click();
    await page.getByTestId(`desk-complete-${referralId}`).waitFor();
    expect(await page.getByTestId(`desk-referral-state-${referralId}`).textContent()).toBe('پذیرفته');

    await page.getByTestId('desk-nav-commitments').click();
    await page.getByTestId('desk-declare-form').waitFor();
    // The neighbourhood and the priority answered are picked by their names.
    await page.getByTestId('desk-declare-neighbourhood').selectOption({ label: 'سرآسیاب' });
    await chooseOption(page, 'desk-declare-answers', 'آموزش مهارت');
    await page.getByTestId('desk-declare-title').fill(commitmentTitle);
    await page.getByTestId('desk-declare-due').fill(typedDay(day(75)));
    await page.getByTestId('desk-declare-submit').click();
    await page.getByText(commitmentTitle).waitFor();
    const declared = await findInPages<{ title: string; commitmentId: string }>(
      'vocational-training',
      '/api/v1/desk/commitments',
      { as: 'tvto.staff' },
      (c) => c.title === commitmentTitle,
    );
    expect(declared).toMatchObject({ neighbourhoodId: 'nbh-sarasiab', answers: 'skills-training', status: 'planned' });
    commitmentId = declared!.commitmentId;
    await page.getByTestId(`desk-progress-in-progress-${commitmentId}`).click();
    await page.getByTestId(`desk-progress-delivered-${commitmentId}`).waitFor();
    expect(await page.getByTestId(`desk-commitment-status-${commitmentId}`).textContent()).toBe('در حال انجام');
    await screenshot(page, 'livelihood-02-tvto-desk');
    await page.context().close();
  });

  it('TVTO enrols the resident from the referral, takes attendance, passes them with a certificate, and reports the commitment delivered', async () => {
    expect(commitmentId).not.toBe('');
    const page = await as('tvto.staff');
    await page.goto(`${shellUrl}/vocational-training/courses/${courseId}`);
    await page.getByTestId('vt-enrol').waitFor();
    await page.getByTestId('vt-enrol-referral').selectOption({ label: trackingCode });
    await page.getByTestId('vt-enrol-from-referral').click();
    const course = await eventually(
      async () => {
        const res = await call('vocational-training', `/api/v1/courses/${courseId}`, { as: 'tvto.staff' });
        return res.body.enrolments?.find((e: { referralId: string }) => e.referralId === referralId);
      },
      10_000,
      'the enrolment',
    );
    enrolmentId = course.enrolmentId;
    await page.getByTestId(`vt-enrolment-${enrolmentId}`).waitFor();

    await page.getByTestId('vt-attendance-session').fill('1');
    expect(await page.getByTestId(`vt-attendance-present-${enrolmentId}`).isChecked()).toBe(true);
    await page.getByTestId('vt-attendance-save').click();
    await page.getByTestId('vt-attendance-saved').waitFor();
    await page.getByTestId(`vt-complete-passed-${enrolmentId}`).click();
    await page.getByTestId(`vt-enrolment-certificate-${enrolmentId}`).waitFor();
    certificateNo = (await page.getByTestId(`vt-enrolment-certificate-${enrolmentId}`).textContent())!.trim();
    expect(certificateNo).toMatch(/^[A-Z0-9-]{4,32}$/);
    await screenshot(page, 'livelihood-03-tvto-course');

    await page.goto(`${shellUrl}/vocational-training/commitments`);
    await page.getByTestId(`desk-progress-delivered-${commitmentId}`).click();
    await page.getByTestId(`desk-evidence-${commitmentId}`).fill(`گواهی‌نامه ${certificateNo}؛ دوره ${courseTitle.fa}`);
    await page.getByTestId(`desk-progress-confirm-${commitmentId}`).click();
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="desk-commitment-status-${id}"]`)?.textContent === 'انجام‌شده',
      commitmentId,
    );

    // Completing the enrolment answered the clinic's referral.
    await eventually(
      async () => ((await call('clinics', `/api/v1/tracking/${trackingCode}`)).body.status === 'completed' ? true : undefined),
      20_000,
      'the referral completed at the clinic',
    );
    await page.context().close();
  });

  it('welfare’s case worker assesses the household and confirms its eligibility flag', async () => {
    const page = await as('welfare.officer');
    await page.goto(`${shellUrl}/welfare`);
    await page.getByTestId('welfare-nav-cases').click();
    // The case is found by its file number in the searched, paged caseload.
    await page.getByTestId('welfare-caseload-controls-search').fill(caseFileNumber);
    await page.getByTestId(`welfare-case-file-${caseId}`).waitFor();
    expect(await page.getByTestId(`welfare-case-file-${caseId}`).textContent()).toBe(caseFileNumber);
    await page.getByTestId(`welfare-case-link-${caseId}`).click();
    await page.getByTestId('welfare-assessment-form').waitFor();
    await page.getByTestId('welfare-assess-income').selectOption({ label: 'بدون درآمد' });
    await page.getByTestId('welfare-assess-months').fill('۱۴');
    await page.getByTestId('welfare-assess-housing').selectOption({ label: 'پرجمعیت' });
    await page.getByTestId('welfare-assess-female-headed').check();
    await page.getByTestId('welfare-assess-members').fill('4');
    await page.getByTestId('welfare-assess-dependants').fill('3');
    await page.getByTestId('welfare-assess-earners').fill('0');
    await page.getByTestId('welfare-assess-submit').click();
    await page.getByTestId('welfare-assessment-level').waitFor();
    await page.getByTestId('welfare-flag-select').selectOption({ label: 'کم‌درآمد' });
    await page.getByTestId('welfare-flag-submit').click();
    await page.locator('[data-testid^="welfare-flag-status-"]').first().waitFor();
    expect(await page.locator('[data-testid^="welfare-flag-status-"]').first().textContent()).toBe('فعال');
    await screenshot(page, 'livelihood-04-welfare');
    await page.context().close();
  });

  it('the Relief Committee sees the resident eligible (certificate and flag), approves and disburses a micro-loan', async () => {
    expect(certificateNo).not.toBe('');
    await eventually(
      async () => {
        const res = await call('relief-partnerships', '/api/v1/desk/referrals', { as: 'relief.officer' });
        return res.body.find((r: { referralId: string }) => r.referralId === reliefReferralId);
      },
      20_000,
      'the clinic’s referral of the resident at the relief desk',
    );
    await eventually(
      async () => {
        const res = await call('relief-partnerships', '/api/v1/support-candidates', { as: 'relief.officer' });
        return res.body.find((c: { residentRef: string; eligibleToday: boolean }) => c.residentRef === residentId && c.eligibleToday);
      },
      20_000,
      'the certified, flagged resident as an eligible candidate',
    );

    const page = await as('relief.officer');
    await page.goto(`${shellUrl}/relief`);
    await page.getByTestId('relief-nav-support').click();
    // The officer finds the resident by the tracking code of the clinic's referral to relief: it brings the
    // resident and the household with it, and no id is typed or shown.
    expect(reliefTrackingCode).not.toBe('');
    await pickReference(page, 'support-person', reliefTrackingCode);
    expect(await page.getByTestId('support-person-input').inputValue()).toContain(reliefTrackingCode);
    await page.getByTestId('support-kind').selectOption({ label: 'وام خرد' });
    await page.getByTestId('support-amount').fill(String(loanRials));
    await page.getByTestId('support-plan').fill('خیاطی در خانه: چرخ خیاطی صنعتی و پارچه');
    await page.getByTestId('support-submit').click();
    await page.getByTestId('support-facts').waitFor();
    expect(await page.getByTestId('support-eligible-today').textContent()).toBe('امروز واجد شرایط است');
    expect(await page.getByTestId('support-certificate').textContent()).toContain(certificateNo);

    await page.getByTestId('support-approve-amount').fill(String(loanRials));
    await page.getByTestId('support-approve-months').fill('12');
    await page.getByTestId('support-approve-grace').fill('1');
    await page.getByTestId('support-approve').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="support-page-status"]')?.textContent === 'تصویب‌شده');
    // A disbursement is asked about first, in the page.
    await confirm(page, 'support-disburse');
    await page.getByTestId('support-schedule').waitFor();
    expect(await page.getByTestId('support-page-status').textContent()).toBe('پرداخت‌شده');
    const shown = await page.locator('body').innerText();
    expect(shown).not.toContain(residentId);
    expect(shown).not.toContain(householdId);
    await screenshot(page, 'livelihood-05-relief');
    await page.context().close();
  });

  it('the institute-funding office releases the institute’s tranche on the pass TVTO verified', async () => {
    await eventually(
      async () => {
        const res = await call('institute-funding', `/api/v1/awards/${awardId}`, { as: 'fund.officer' });
        return res.body.tranches?.[0]?.releasable ? true : undefined;
      },
      20_000,
      'the tranche releasable',
    );
    const page = await as('fund.officer');
    await page.goto(`${shellUrl}/institute-funding/awards`);
    await page.getByTestId(`if-award-verified-${awardId}`).waitFor();
    expect(await page.getByTestId(`if-award-verified-${awardId}`).textContent()).toMatch(/[1۱]/);
    await page.getByTestId(`if-release-${awardId}-1`).click();
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="if-tranche-state-${id}-1"]`)?.textContent === 'آزاد شده',
      awardId,
    );
    await screenshot(page, 'livelihood-06-tranche');
    const award = await call('institute-funding', `/api/v1/awards/${awardId}`, { as: 'fund.officer' });
    expect(award.body.verified).toMatchObject({ completions: 1 });
    expect(award.body.tranches[0]).toMatchObject({ state: 'released', amountRials: 240_000_000 });
    await page.context().close();
  });

  it('the clinic’s timeline of the resident shows every step, named inside the clinic', async () => {
    const expected = [
      'referral.made',
      'referral.accepted',
      'enrolment.recorded',
      'enrolment.completed',
      'referral.completed',
      'eligibility.flagged',
      'support.decided',
      'support.disbursed',
      'benefit.granted',
    ];
    // Everything travels through the broker; the institute's benefit is the last to arrive.
    await eventually(
      async () => {
        const res = await call('clinics', `/api/v1/residents/${residentId}/timeline`, { as: 'clinic.worker' });
        const kinds = (res.body as { kind: string; agency: string | null }[]).map((e) => `${e.kind}:${e.agency}`);
        return expected.every((k) => kinds.some((x) => x.startsWith(`${k}:`))) && kinds.includes('benefit.granted:institute-funding')
          ? true
          : undefined;
      },
      30_000,
      'every step on the clinic’s timeline',
    );

    const page = await as('clinic.worker');
    await page.goto(`${shellUrl}/clinics/residents/${residentId}`);
    await page.getByTestId('resident-timeline').waitFor();
    expect(await page.getByTestId('resident-full-name').textContent()).toBe(fullName);
    for (const kind of expected) await page.getByTestId(`timeline-${kind}`).first().waitFor();
    const text = (kind: string) => page.getByTestId(`timeline-${kind}`).first().textContent();
    expect(await text('enrolment.recorded')).toContain(courseTitle.fa);
    expect(await text('enrolment.recorded')).toContain(`آموزشگاه نگار ${suffix}`);
    expect(await text('enrolment.completed')).toContain('قبول');
    expect(await text('enrolment.completed')).toContain(certificateNo);
    expect(await text('eligibility.flagged')).toContain('بهزیستی');
    expect(await text('eligibility.flagged')).not.toContain('low-income');
    expect(await text('support.decided')).toContain('تصویب شد');
    expect(await text('support.decided')).toContain('۵۰٬۰۰۰٬۰۰۰ ریال');
    expect(await text('support.disbursed')).toContain('۵۰٬۰۰۰٬۰۰۰ ریال');
    expect(await page.getByTestId('timeline-benefit.granted').count()).toBe(2);
    // Newest first: the journey reads bottom-up from the referral.
    const order = await page
      .locator('[data-testid="resident-timeline"] li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')));
    expect(order.at(-1)).toBe('timeline-referral.made');
    expect(order.indexOf('timeline-support.disbursed')).toBeLessThan(order.indexOf('timeline-support.decided'));
    expect(order.indexOf('timeline-enrolment.completed')).toBeLessThan(order.indexOf('timeline-enrolment.recorded'));
    await screenshot(page, 'livelihood-07-clinic-timeline');

    await page.getByTestId('locale-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await text('support.decided')).toContain('Home-business micro-loan');
    expect(await text('support.decided')).toContain('approved · 50,000,000 rials');
    expect(await text('enrolment.completed')).toContain(`passed · certificate ${certificateNo}`);
    expect(await text('eligibility.flagged')).toContain('for the household');
    await screenshot(page, 'livelihood-07-clinic-timeline-en');
    await page.context().close();
  });

  it('the coordinator’s board shows TVTO’s commitment delivered against Sar Asiab’s skills-training priority', async () => {
    expect(commitmentId).not.toBe('');
    await eventually(
      async () => {
        const res = await call('coordination', '/api/v1/neighbourhoods/nbh-sarasiab/board', { as: 'coordinator' });
        const text = JSON.stringify(res.body ?? {});
        return text.includes(commitmentId) && res.status === 200 ? true : undefined;
      },
      20_000,
      'the commitment on the board',
    );
    const page = await as('coordinator');
    // The coordinator opens the board and chooses Sar Asiab by its name.
    await page.getByTestId('nav-coordination').click();
    await page.getByTestId('coordination-nav-board').click();
    await chooseOption(page, 'board-neighbourhood', 'سرآسیاب');
    const item = page.getByTestId(`board-item-${commitmentId}`);
    await item.waitFor();
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="board-item-${id}"]`)?.getAttribute('data-status') === 'delivered',
      commitmentId,
    );
    expect(
      await page
        .getByTestId('board-cell-skills-training-vocational-training')
        .locator(`[data-testid="board-item-${commitmentId}"]`)
        .count(),
    ).toBe(1);
    expect(await item.textContent()).toContain('انجام‌شده');
    expect(await item.textContent()).toContain(commitmentTitle);
    await screenshot(page, 'livelihood-08-board');
    await page.context().close();
  });
});
