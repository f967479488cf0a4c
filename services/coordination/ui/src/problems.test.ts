import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fa from './locales/fa.json';

// Every refusal the API answers carries a stable code; the module shows it as a sentence in the user's language
// (coordination.problem.<code>), never the API's English words. This reads the codes from the API's sources.
const apiSources = join(__dirname, '../../api/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const codes = () => {
  const found = new Set<string>();
  for (const file of sources(apiSources)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:BrokenRuleError|IllegalStepError|NotFoundError)\(\s*'([a-z-]+)'/g)) found.add(match[1]!);
    // The refusals of a coordinator's report, named in a table (domain/commitments.ts).
    for (const match of text.matchAll(/^\s+(?:stale|unchanged|'illegal-transition'): '([a-z-]+)'/gm)) found.add(match[1]!);
  }
  return [...found].sort();
};

describe('the API’s refusal codes', () => {
  it('each has a sentence in Persian and in English', () => {
    const all = codes();
    expect(all).toContain('meeting-day-not-reached');
    expect(all).toContain('action-item-due-in-past');
    expect(all).toContain('report-outdated');
    const missing = all.flatMap((code) =>
      (['fa', 'en'] as const)
        .filter((lang) => !(`coordination.problem.${code}` in (lang === 'fa' ? fa : en)))
        .map((lang) => `${lang}: ${code}`),
    );
    expect(missing).toEqual([]);
  });
});
