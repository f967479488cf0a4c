// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { messages } from './messages';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );

it('speaks both languages: the same keys in fa and en, none empty', () => {
  expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.fa).sort());
  for (const [key, text] of [...Object.entries(messages.fa), ...Object.entries(messages.en)]) expect(text.trim(), key).not.toBe('');
});

it('has a message for every literal key the screens use', () => {
  const used = new Set(
    sources(import.meta.dirname).flatMap((text) => [...text.matchAll(/t\('((?:if|institute-funding)\.[\w.-]+)'/g)].map((m) => m[1]!)),
  );
  expect(used.size).toBeGreaterThan(50);
  expect([...used].filter((key) => !(key in messages.fa))).toEqual([]);
});

it('has a sentence, in fa and en, for every code the office’s API refuses with', () => {
  const api = join(import.meta.dirname, '../../api/src');
  const codes = new Set(
    sources(api).flatMap((text) => [
      ...[...text.matchAll(/(?:BrokenRuleError|IllegalStepError|NotFoundError)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!),
      // The application machine names its refusals in a table.
      ...[...text.matchAll(/\bcode: '([a-z0-9-]+)'/g)].map((m) => m[1]!),
    ]),
  );
  expect(codes.size).toBeGreaterThan(30);
  const missing = [...codes].filter((code) => !(`if.problem.${code}` in messages.fa) || !(`if.problem.${code}` in messages.en));
  expect(missing).toEqual([]);
});
