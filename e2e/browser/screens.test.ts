import { mkdirSync } from 'node:fs';
import { referenceNeighbourhoods, referenceTrades } from '@hamgam/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn } from '../support/browser.js';
import { makeOwnedObjects, referralAtDesk } from '../support/owned-objects.js';
import { roleHolders } from '../support/realm.js';
import { shellUrl } from '../support/stack.js';
import { accessibilityViolations, auditScreen, settle, type Finding } from '../support/screen-audit.js';

/**
 * Every role, in Persian, on a desk (1366×900) and on a phone (390×844, and 360 px wide for overflow):
 * from its home, every page its menus lead to (one of each kind of detail page), read as a person reads
 * it. Fails on an id or slug, a server's English, a Gregorian date, a native date field, a page wider
 * than the screen, a card the role cannot use, and axe-core's serious or critical violations.
 * Screenshots of every step: .stack/test-results/screenshots/screens/<role>/<viewport>/.
 */

const DESK = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const NARROWEST = 360;
/** One detail page per kind (ids in the path collapse), a few kinds per module, so a role with many modules still reaches its own. */
const MAX_PAGES = 18;
const MAX_PAGES_PER_MODULE = 5;
const slugs = [...referenceNeighbourhoods.map((n) => n.id), ...referenceTrades.map((t) => t.id)];

/** `/clinics/residents/1bd3…` and `/clinics/residents/2c4e…` are one kind of page. */
const kindOf = (path: string) =>
  path
    .split('/')
    .map((part) => (/^[0-9a-f-]{8,}$|\d/.test(part) ? ':id' : part))
    .join('/');

/** Same-origin pages the menus and lists on this page lead to. */
async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .filter((href) => href.startsWith(shellUrl))
    .map((href) => new URL(href).pathname)
    .filter((path) => !path.startsWith('/api/') && !path.startsWith('/track'));
}

/** Walks breadth-first from home; the pages in the order first met. */
async function walk(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  const queue = ['/'];
  const pages: string[] = [];
  while (queue.length > 0 && pages.length < MAX_PAGES) {
    const path = queue.shift()!;
    const module = path.split('/')[1] ?? '';
    if (seen.has(kindOf(path)) || pages.filter((p) => p.split('/')[1] === module).length >= MAX_PAGES_PER_MODULE) continue;
    seen.add(kindOf(path));
    await page.goto(`${shellUrl}${path}`);
    await settle(page);
    pages.push(path);
    for (const next of await linksOn(page)) if (!seen.has(kindOf(next))) queue.push(next);
  }
  return pages;
}

const fileName = (path: string, n: number) => `${String(n).padStart(2, '0')}${path.replaceAll('/', '_') || '_home'}`;
const describeFindings = (findings: Map<string, Finding[]>) =>
  [...findings].flatMap(([where, found]) => found.map((f) => `${where}: ${f.check}: ${f.found}`));

describe('screens people work in, every role, in Persian', () => {
  let browser: Browser;

  beforeAll(async () => {
    // The run seeds no demo data: lists with rows and detail pages to open, in every agency.
    await makeOwnedObjects();
    for (const [agency, staff] of [
      ['vocational-training', 'tvto.staff'],
      ['relief-partnerships', 'relief.officer'],
      ['institute-funding', 'fund.officer'],
    ] as const)
      await referralAtDesk(agency, staff);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => browser?.close());

  const roles = [...roleHolders.entries()];

  it('has a holder for every role of the realm', () => {
    expect(roles.map(([role]) => role).sort()).toEqual(
      [
        'auditor',
        'basij-liaison',
        'clinic-worker',
        'coordinator',
        'fund-officer',
        'relief-officer',
        'representative',
        'tvto-staff',
        'welfare-officer',
      ].sort(),
    );
  });

  it.each(roles)(
    '%s: every page reads in Persian, fits a desk and a phone, and is accessible',
    async (role, user) => {
      const findings = new Map<string, Finding[]>();
      const note = (where: string, found: Finding[]) => found.length > 0 && findings.set(where, [...(findings.get(where) ?? []), ...found]);

      const desk = await signIn(browser, user.username, DESK);
      const pages = await walk(desk);
      expect(pages.length, `${role} reaches its module from home`).toBeGreaterThan(1);
      const deskDir = `${screenshotDir}screens/${role}/desk/`;
      mkdirSync(deskDir, { recursive: true });
      for (const [n, path] of pages.entries()) {
        await desk.goto(`${shellUrl}${path}`);
        await settle(desk);
        await desk.screenshot({ path: `${deskDir}${fileName(path, n)}.png`, fullPage: true });
        note(`desk ${path}`, await auditScreen(desk, { slugs }));
        for (const violation of await accessibilityViolations(desk))
          note(`desk ${path}`, [{ check: 'unusable', found: `axe: ${violation}` }]);
      }
      await desk.context().close();

      const phone = await signIn(browser, user.username, PHONE);
      const phoneDir = `${screenshotDir}screens/${role}/phone/`;
      mkdirSync(phoneDir, { recursive: true });
      for (const [n, path] of pages.entries()) {
        await phone.setViewportSize(PHONE);
        await phone.goto(`${shellUrl}${path}`);
        await settle(phone);
        await phone.screenshot({ path: `${phoneDir}${fileName(path, n)}.png`, fullPage: true });
        note(`phone ${path}`, await auditScreen(phone, { slugs }));
        if (n === 0) {
          // The navigation folds into a menu: the first screen is the work, not the links.
          const navHeight = await phone.evaluate(() =>
            Math.max(0, ...Array.from(document.querySelectorAll('nav')).map((nav) => nav.getBoundingClientRect().height)),
          );
          if (navHeight > PHONE.height * 0.25)
            note('phone /', [{ check: 'overflow', found: `navigation ${Math.round(navHeight)}px tall` }]);
        }
        await phone.setViewportSize({ width: NARROWEST, height: PHONE.height });
        const narrow = (await auditScreen(phone, { slugs })).filter((f) => f.check === 'overflow');
        note(`${NARROWEST}px ${path}`, narrow);
      }
      await phone.context().close();

      expect(describeFindings(findings)).toEqual([]);
    },
    600_000,
  );
});
