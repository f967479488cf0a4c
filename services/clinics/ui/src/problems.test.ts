import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fa from './locales/fa.json';

// Every refusal the clinics API can answer carries a stable code; the screens show the sentence for it,
// so a code without one would reach a Persian user in the service's English. Read from the API's source:
// each `new BrokenRuleError|IllegalStepError|NotFoundError('<code>'` and each subclass's `super('<code>'`.
const apiSource = join(__dirname, '../../api/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const codes = new Set(
  sourceFiles(apiSource).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:BrokenRuleError|IllegalStepError|NotFoundError|super)\(\s*'([a-z0-9-]+)'/g)].map(
      (m) => m[1]!,
    ),
  ),
);

describe('the clinics API’s refusals in the user’s language', () => {
  it('finds the codes (the scan itself works)', () => {
    expect(codes.size).toBeGreaterThan(30);
    expect(codes).toContain('household-file-number-taken');
    expect(codes).toContain('referral-already-open');
  });

  it('has a sentence in Persian and in English for every code, and the Persian one is not English', () => {
    const missing = [...codes].filter((code) => !(`clinics.problem.${code}` in fa) || !(`clinics.problem.${code}` in en));
    expect(missing).toEqual([]);
    for (const code of codes) expect((fa as Record<string, string>)[`clinics.problem.${code}`], code).toMatch(/[\u0600-\u06ff]/);
  });
});
