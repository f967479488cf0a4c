// The generated files (npm run generate, infra/generate) match their sources: the registry, the services'
// subscriptions, the realm. A change there without `npm run generate` fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles, repo } from '../generate/main.js';

const files = await generatedFiles();

describe('generated files', () => {
  for (const [path, text] of files) {
    it(`${path} is up to date`, () => {
      expect(readFileSync(join(repo, path), 'utf8'), 'out of date: run npm run generate').toBe(text);
    });
  }
});
