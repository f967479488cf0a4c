import { defineConfig } from 'vitest/config';

// A real Chromium against the running shell, Keycloak and services; screenshots in .stack/test-results.
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['browser/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 60_000, fileParallelism: false },
});
