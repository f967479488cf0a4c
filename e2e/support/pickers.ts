import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';

/**
 * Picks from a ui-kit ReferencePicker as a person does: types part of a name or code into its box and
 * chooses the option whose label matches (the value behind it, an id or slug, never shows).
 */
export async function pickReference(page: Page, testId: string, typed: string, option: string | RegExp = typed) {
  await page.getByTestId(`${testId}-input`).fill(typed);
  await page.getByTestId(`${testId}-option`).filter({ hasText: option }).first().click();
}

/** Presses a ui-kit ConfirmButton and answers its «مطمئن هستید؟» with yes. */
export async function confirm(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-yes`).click();
}

const codeLetters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A fresh referral tracking code (K7QM-3XWA form), so a search by it finds this run's referral alone. */
export const newTrackingCode = () =>
  Array.from({ length: 9 }, (_, i) => (i === 4 ? '-' : codeLetters[randomInt(codeLetters.length)])).join('');

/** Chooses in a plain select the option whose text contains `text`, as a person reads it (not by the value behind it). */
export async function chooseOption(page: Page, testId: string, text: string | RegExp) {
  const select = page.getByTestId(testId);
  const label = await select.locator('option', { hasText: text }).first().textContent();
  await select.selectOption({ label: label ?? '' });
}
