import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Every `src/**​/locales` folder of the front ends: one namespace each (a module, the shell, the desk, the kit). */
function localeFolders(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const child = path.join(dir, entry.name);
    if (entry.name === 'locales' && child.includes(`${path.sep}src${path.sep}`)) found.push(child);
    else localeFolders(child, found);
  }
  return found;
}

const folders = ['apps', 'packages', 'services'].flatMap((top) => localeFolders(path.join(root, top)));
const read = (folder: string, locale: string) =>
  JSON.parse(readFileSync(path.join(folder, `${locale}.json`), 'utf8')) as Record<string, string>;
// English has «1 household» / «2 households»; Persian needs no plural variant, so compare the keys without it.
const withoutPlural = (keys: string[]) => [...new Set(keys.map((key) => key.replace(/\.(zero|one|two|few|many|other)$/, '')))].sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('messages: JSON per locale, one namespace per front end', () => {
  it('finds the namespace of the kit, the shell, the desk and all six modules', () => {
    expect(folders.length).toBeGreaterThanOrEqual(9);
  });

  describe.each(folders.map((folder) => [path.relative(root, folder), folder]))('%s', (_name, folder) => {
    const fa = read(folder, 'fa');
    const en = read(folder, 'en');

    it('has every key in both Persian and English', () => {
      expect(withoutPlural(Object.keys(fa))).toEqual(withoutPlural(Object.keys(en)));
    });

    it('leaves no message empty', () => {
      for (const [key, text] of [...Object.entries(fa), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
    });

    it('uses the same placeholders in both languages', () => {
      for (const key of Object.keys(fa).filter((key) => key in en)) expect(placeholders(fa[key]), key).toEqual(placeholders(en[key]));
    });
  });
});
