import { defineConfig } from 'vitest/config';

// Runs against the live stack (npm start, or the services that scripts/test-all starts).
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['integration/**/*.test.ts'], testTimeout: 30_000, fileParallelism: false },
});
