// `npm run bench:web`: what a browser downloads to show the shell's home and each module's first screen,
// against the running stack (SHELL_URL, default http://localhost:3000; loopback only). Each screen is
// opened twice by a user of the role that sees it: cold (browser cache emptied) and again (what a
// returning user pays: revalidations and anything not cached). Counts the JavaScript that came over the
// wire (bytes as sent, so compressed when the server compressed it, headers included), the requests for
// it, and the page's first-contentful-paint. Prints a table; asserts nothing.
import { SERVICES } from '@hamgam/registry';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser, signIn } from '../support/browser.js';
import { shellUrl } from '../support/stack.js';

/** The demo user who works in each module (every one of them sees its first screen). */
const userOf: Record<string, string> = {
  clinics: 'clinic.worker',
  'vocational-training': 'tvto.staff',
  welfare: 'welfare.officer',
  'relief-partnerships': 'relief.officer',
  'institute-funding': 'fund.officer',
  coordination: 'coordinator',
};

const screens = [
  { name: 'shell home', path: '/', user: 'coordinator' },
  ...SERVICES.map((s) => {
    const user = userOf[s.service];
    if (!user) throw new Error(`bench:web: no demo user named for ${s.service}`);
    return { name: s.service, path: s.path, user };
  }),
];

/** Bound on one screen's load (the stack is local: anything slower is broken, not slow). */
const SCREEN_TIMEOUT_MS = 30_000;

interface Load {
  jsBytes: number;
  jsRequests: number;
  fcpMs: number;
}

/** Adds up the scripts a page receives over the network; cache hits (memory or disk) send nothing and are not counted. */
function countScripts(cdp: CDPSession) {
  const fromCache = new Set<string>();
  const scripts = new Set<string>();
  const load = { jsBytes: 0, jsRequests: 0 };
  cdp.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
  cdp.on('Network.responseReceived', (event) => {
    const { response } = event;
    const isScript = event.type === 'Script' || /javascript/.test(response.mimeType);
    const cached = fromCache.has(event.requestId) || response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker;
    if (isScript && !cached) scripts.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (!scripts.delete(event.requestId)) return;
    load.jsBytes += event.encodedDataLength;
    load.jsRequests += 1;
  });
  return load;
}

/** The page's first-contentful-paint (ms from its navigation start), once it has painted. */
function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const fcp = list.getEntries().find((entry) => entry.name === 'first-contentful-paint');
          if (fcp) resolve(fcp.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/**
 * Opens `path` on a signed-in page and waits for the screen to settle (the shell signs in again through
 * Keycloak's redirect on every page load, so the bundle is asked for twice: the second time from cache).
 */
async function open(page: Page, path: string, cold: boolean): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (cold) await cdp.send('Network.clearBrowserCache');
  const load = countScripts(cdp);
  await page.goto(`${shellUrl}${path}`, { timeout: SCREEN_TIMEOUT_MS });
  await page.waitForURL((url) => url.href.startsWith(shellUrl) && url.pathname === path, { timeout: SCREEN_TIMEOUT_MS });
  await page.getByTestId('user-display-name').waitFor({ timeout: SCREEN_TIMEOUT_MS });
  await page.waitForLoadState('networkidle', { timeout: SCREEN_TIMEOUT_MS });
  const fcpMs = await firstContentfulPaint(page);
  await cdp.detach();
  return { ...load, fcpMs };
}

async function measure(browser: Browser, screen: (typeof screens)[number]) {
  const page = await signIn(browser, screen.user);
  try {
    return { cold: await open(page, screen.path, true), again: await open(page, screen.path, false) };
  } finally {
    await page.context().close();
  }
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

const browser = await launchBrowser();
const results: string[] = [];
try {
  for (const screen of screens) {
    const { cold, again } = await measure(browser, screen);
    results.push(
      row([
        screen.name,
        screen.user,
        kib(cold.jsBytes),
        String(cold.jsRequests),
        cold.fcpMs.toFixed(0),
        kib(again.jsBytes),
        String(again.jsRequests),
        again.fcpMs.toFixed(0),
      ]),
    );
  }
} finally {
  await browser.close();
}
console.log(`JavaScript over the wire (KiB as sent, headers included) and first-contentful-paint, ${shellUrl}`);
console.log(row(['screen', 'user', 'cold JS KiB', 'cold JS requests', 'cold FCP ms', 'again JS KiB', 'again JS requests', 'again FCP ms']));
console.log(row(Array.from({ length: 8 }, () => '---')));
for (const line of results) console.log(line);
