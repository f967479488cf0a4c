import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * What a person must never meet on a screen in Persian (issue 10): the database's language (a UUID,
 * an 8-hex id, a slug), a server's English, a Gregorian date, a page wider than the phone, or a card
 * for something the role cannot use. Each check reads the page as rendered, not the code.
 */
export interface Finding {
  check: 'id' | 'slug' | 'latin-error' | 'overflow' | 'gregorian' | 'unusable' | 'native-date-input';
  found: string;
}

/** Runs in the page: the text a person reads (including select options), the alerts, and the layout. */
function readScreen() {
  const visible = (element: Element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const optionTexts = Array.from(document.querySelectorAll('select'))
    .filter(visible)
    .flatMap((s) => Array.from(s.options).map((o) => o.text));
  const inputValues = Array.from(
    document.querySelectorAll('input:not([type=hidden]):not([type=password]):not([type=checkbox]):not([type=radio]), textarea'),
  )
    .filter(visible)
    .map((input) => (input as HTMLInputElement).value)
    .filter(Boolean);
  const alerts = Array.from(document.querySelectorAll('[role=alert], .hg-field-error, [data-testid=error-card], [data-testid$=-error]'))
    .filter(visible)
    .map((element) => (element as HTMLElement).innerText.trim())
    .filter(Boolean);
  const root = document.documentElement;
  // Right to left, what is too wide sticks out on the left.
  const outside = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.right > root.clientWidth + 1 || box.left < -1;
  };
  const wide = Array.from(document.querySelectorAll('body *'))
    .filter((element) => visible(element) && outside(element) && !Array.from(element.children).some(outside))
    .slice(0, 3)
    .map(
      (element) =>
        `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} ${Math.round(element.getBoundingClientRect().width)}px`,
    );
  return {
    text: document.body.innerText,
    optionTexts,
    inputValues,
    alerts,
    nativeDateInputs: document.querySelectorAll('input[type=date], input[type=datetime-local], input[type=time]').length,
    overflow: root.scrollWidth > root.clientWidth + 1 ? { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide } : null,
    errorCards: Array.from(document.querySelectorAll('[data-testid=error-card], [data-testid=module-unavailable]')).filter(visible).length,
  };
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/** A UUID's first eight hex digits, as lists used to abbreviate one («1bd319fe»): at least one digit and one letter. */
const SHORT_ID = /(?<![\w-])(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8}(?![\w-])/;
/** A slug: Latin lower-case words joined by hyphens («nbh-sarasiab», «computer-skills»), or a lone known one. */
const SLUG = /(?<![\w.@/-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w.@/-])/;
const GREGORIAN = [
  /\b\d{1,2}\/\d{1,2}\/(?:19|20)\d\d\b/,
  /\b(?:19|20)\d\d-\d\d-\d\d\b/,
  /(?<![\d۰-۹])(?:۲۰[۰-۹]{2}|20[0-9]{2})(?![\d۰-۹])/,
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/,
];
const LATIN_WORDS = /[A-Za-z]{3,}/;

/** The findings on the page as it is now, for a person reading it in Persian. */
export async function auditScreen(page: Page, options: { slugs: readonly string[] }): Promise<Finding[]> {
  const screen = await page.evaluate(readScreen);
  const findings: Finding[] = [];
  const everything = [screen.text, ...screen.optionTexts, ...screen.inputValues].join('\n');
  const match = (pattern: RegExp) => everything.match(pattern)?.[0];
  const id = match(UUID) ?? match(SHORT_ID);
  if (id) findings.push({ check: 'id', found: id });
  const slug = match(SLUG) ?? options.slugs.find((known) => new RegExp(`(?<![\\w-])${known}(?![\\w-])`).test(everything));
  if (slug) findings.push({ check: 'slug', found: slug });
  for (const alert of screen.alerts) if (LATIN_WORDS.test(alert)) findings.push({ check: 'latin-error', found: alert.slice(0, 160) });
  if (screen.overflow) findings.push({ check: 'overflow', found: JSON.stringify(screen.overflow) });
  const gregorian = GREGORIAN.map((pattern) => screen.text.match(pattern)?.[0]).find(Boolean);
  if (gregorian) findings.push({ check: 'gregorian', found: gregorian });
  if (screen.nativeDateInputs > 0)
    findings.push({ check: 'native-date-input', found: `${screen.nativeDateInputs} native date/time inputs` });
  if (screen.errorCards > 0) findings.push({ check: 'unusable', found: screen.alerts.join(' | ').slice(0, 200) || 'an error card' });
  return findings;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's critical and serious violations on the page (WCAG 2 A and AA rules). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource); // through the debugging protocol, which the shell's CSP rightly does not allow a page to do
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact as string,
      targets: v.nodes.slice(0, 3).map((n: any) => String(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
}

/** Waits until the page has settled: no «loading» status and no request in flight for a moment. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await page
    .locator('.hg-loading')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}
