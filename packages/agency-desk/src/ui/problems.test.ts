// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { messages } from './messages';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === 'ui'
        ? []
        : sources(join(dir, entry.name))
      : /\.ts$/.test(entry.name) && !entry.name.includes('.test.')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );

it('has a sentence, in fa and en, for every code the desk’s API refuses with', () => {
  const text = sources(join(import.meta.dirname, '..'));
  const codes = new Set(
    text.flatMap((t) =>
      [...t.matchAll(/(?:BrokenRuleError|IllegalStepError|NotFoundError|OfferRuleError)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!),
    ),
  );
  // A refused step is named by the state that blocks it (domain/referrals.ts, domain/commitments.ts).
  for (const t of text)
    for (const block of t.matchAll(/const blockedBy[^{]*\{([^}]*)\}/g))
      for (const m of block[1]!.matchAll(/'([a-z0-9-]+)'\s*,?\s*$/gm)) codes.add(m[1]!);
  expect(codes.size).toBeGreaterThan(20);
  expect([...codes].filter((code) => !(`desk.problem.${code}` in messages.fa) || !(`desk.problem.${code}` in messages.en))).toEqual([]);
});
