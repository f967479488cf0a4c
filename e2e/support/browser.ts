import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoPassword, shellUrl } from './stack.js';

export const screenshotDir = fileURLToPath(new URL('../../.stack/test-results/screenshots/', import.meta.url));

/** Debian's Chromium, with the flags this network-less machine needs (TOOLCHAIN.md). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Opens the shell in a fresh session and signs in on the real Keycloak page. */
export async function signIn(browser: Browser, username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(shellUrl);
  await page.waitForURL(/\/realms\/hamgam\/protocol\/openid-connect\/auth/);
  await page.fill('#username', username);
  await page.fill('#password', demoPassword);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(shellUrl));
  await page.getByTestId('user-display-name').waitFor();
  return page;
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });

const jalali = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A day `YYYY-MM-DD` as a person types it into a date field in fa: Jalali, Persian digits («۱۴۰۵/۰۹/۱۶»). */
export const typedDay = (day: string) => jalali.format(new Date(`${day}T00:00:00Z`));
