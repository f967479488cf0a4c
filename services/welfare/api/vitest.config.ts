import { defineConfig } from 'vitest/config';

// API tests run on FerretDB on a shared machine: a seed run twice takes seconds, so the default 5 s is too tight.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 30_000 } });
