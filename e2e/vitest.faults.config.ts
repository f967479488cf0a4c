import { defineConfig } from 'vitest/config';

// Fault tests drive the real native broker (they stop it, close its connections): one file at a time.
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['faults/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 60_000, fileParallelism: false },
});
