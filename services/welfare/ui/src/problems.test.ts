// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { messages } from './messages';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.ts$/.test(entry.name) && !entry.name.includes('.test.')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );

it('has a sentence, in fa and en, for every code welfare’s API refuses with', () => {
  const codes = new Set(
    sources(join(import.meta.dirname, '../../api/src')).flatMap((text) =>
      [...text.matchAll(/(?:BrokenRuleError|IllegalStepError|NotFoundError)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!),
    ),
  );
  expect(codes.size).toBeGreaterThan(20);
  expect([...codes].filter((code) => !(`welfare.problem.${code}` in messages.fa) || !(`welfare.problem.${code}` in messages.en))).toEqual(
    [],
  );
});
