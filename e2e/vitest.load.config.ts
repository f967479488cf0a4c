import { defineConfig } from 'vitest/config';

// Bounded bursts against the live services through the shell (npm test starts them; or `npm start`).
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['load/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 60_000, fileParallelism: false },
});
