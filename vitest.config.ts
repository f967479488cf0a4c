import { defineConfig } from 'vitest/config';

// `npm test` runs every workspace's unit tests in one vitest run (each project keeps its own config,
// e.g. happy-dom for UI packages), so the whole suite reports one set of counts.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'services/*/*/vitest.config.ts', 'infra/vitest.config.ts'],
  },
});
