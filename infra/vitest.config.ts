import { defineConfig } from 'vitest/config';

// The infra checks: compose file and broker topology. Plain Node, no DOM.
export default defineConfig({
  test: {
    name: 'infra',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
