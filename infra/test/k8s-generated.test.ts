// The generated manifests (infra/k8s/generate) match their sources: the shell's module table, the broker
// definitions and the realm. A change there without `npm run k8s:generate` fails here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../k8s/generate/main.js';

const k8s = fileURLToPath(new URL('../k8s/', import.meta.url));

describe('generated cluster manifests', () => {
  for (const [file, text] of generatedFiles()) {
    it(`${file} is up to date`, () => {
      expect(readFileSync(k8s + file, 'utf8')).toBe(text);
    });
  }
});
